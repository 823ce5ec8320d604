#include "client/watch_state.h"

#include <algorithm>
#include <utility>

namespace ectl::client {
namespace {

constexpr const char* kCompacted = "etcdserver: mvcc: required revision has been compacted";

// The server's answer carries fields etcdctl never shows; clearing them lets printers
// serialise the response as etcdctl's synthesized one.
void Scrub(etcdserverpb::WatchResponse& r) {
  r.clear_watch_id();
  r.clear_fragment();
  r.clear_cancel_reason();
  r.mutable_header();  // always present in etcdctl's output
}

}  // namespace

bool IsProgressNotify(const etcdserverpb::WatchResponse& r) {
  return r.events_size() == 0 && !r.canceled() && !r.created() && r.compact_revision() == 0 &&
         r.header().revision() != 0;
}

size_t WatchState::Add(WatchSpec spec) {
  Watcher w;
  w.next_rev = spec.start_revision;
  w.spec = std::move(spec);
  watchers_.push_back(std::move(w));
  return watchers_.size() - 1;
}

bool WatchState::HasActive() const {
  return std::any_of(watchers_.begin(), watchers_.end(), [](const Watcher& w) { return w.active; });
}

etcdserverpb::WatchRequest WatchState::BuildCreate(size_t watcher) {
  const Watcher& w = watchers_.at(watcher);
  etcdserverpb::WatchRequest req;
  auto* c = req.mutable_create_request();
  c->set_key(w.spec.key);
  c->set_range_end(w.spec.range_end);
  c->set_start_revision(w.next_rev);
  c->set_prev_kv(w.spec.prev_kv);
  c->set_progress_notify(w.spec.progress_notify);
  return req;
}

std::vector<etcdserverpb::WatchRequest> WatchState::OnStreamOpen() {
  pending_.clear();
  ids_.clear();
  fragments_.clear();
  std::vector<etcdserverpb::WatchRequest> out;
  for (size_t i = 0; i < watchers_.size(); ++i) {
    if (watchers_[i].active) out.push_back(CreateRequest(i));
  }
  return out;
}

etcdserverpb::WatchRequest WatchState::CreateRequest(size_t watcher) {
  pending_.push_back(watcher);
  return BuildCreate(watcher);
}

void WatchState::OnStreamLost() {
  pending_.clear();
  ids_.clear();
  fragments_.clear();
}

void WatchState::CloseAll(const std::string& error, std::deque<WatchDelivery>& out) {
  for (size_t i = 0; i < watchers_.size(); ++i) {
    if (!watchers_[i].active) continue;
    watchers_[i].active = false;
    WatchDelivery d;
    d.kind = WatchDelivery::Kind::kClosed;
    d.watcher = i;
    d.response.mutable_header();
    d.response.set_canceled(true);
    d.error = error;
    out.push_back(std::move(d));
  }
  OnStreamLost();
}

bool WatchState::Retry(size_t watcher) {
  Watcher& w = watchers_.at(watcher);
  if (w.retried) return false;
  w.retried = true;
  w.active = true;
  return true;
}

void WatchState::OnCreated(etcdserverpb::WatchResponse&& r, std::deque<WatchDelivery>& out) {
  if (pending_.empty()) return;  // not ours
  size_t i = pending_.front();
  pending_.pop_front();
  Watcher& w = watchers_[i];
  // A refused create comes back created and canceled at once (permission denied), or
  // with ID -1 from old servers.
  if (r.canceled() || r.watch_id() == -1) {
    w.active = false;
    WatchDelivery d;
    d.kind = WatchDelivery::Kind::kClosed;
    d.watcher = i;
    d.response.mutable_header();
    d.response.set_canceled(true);
    d.error = r.cancel_reason();
    out.push_back(std::move(d));
    return;
  }
  w.retried = false;
  ids_[r.watch_id()] = i;
  // A watch "from now" starts after the revision the server reports with its creation;
  // resuming there rather than "now" keeps the events written while disconnected.
  if (w.next_rev == 0) w.next_rev = r.header().revision() + 1;
}

void WatchState::OnProgressBroadcast(const etcdserverpb::WatchResponse& r,
                                     std::deque<WatchDelivery>& out) {
  // The answer to a progress request concerns every watcher created on this stream.
  for (const auto& [id, i] : ids_) {
    (void)id;
    etcdserverpb::WatchResponse copy = r;
    Deliver(i, std::move(copy), out);
  }
}

void WatchState::Deliver(size_t i, etcdserverpb::WatchResponse&& r,
                         std::deque<WatchDelivery>& out) {
  Watcher& w = watchers_[i];
  if (r.events_size() > 0) {
    // Defensive: never show an event twice, whatever the server resends.
    auto* events = r.mutable_events();
    auto keep = std::find_if(events->begin(), events->end(), [&](const mvccpb::Event& e) {
      return e.kv().mod_revision() >= w.next_rev;
    });
    if (keep != events->begin()) events->erase(events->begin(), keep);
    if (events->empty()) return;
    w.next_rev = events->rbegin()->kv().mod_revision() + 1;
  } else if (IsProgressNotify(r)) {
    // Everything up to this revision has been sent to this watcher.
    w.next_rev = std::max(w.next_rev, r.header().revision() + 1);
  } else {
    return;
  }
  Scrub(r);
  WatchDelivery d;
  d.watcher = i;
  d.response = std::move(r);
  out.push_back(std::move(d));
}

void WatchState::OnResponse(etcdserverpb::WatchResponse&& r, std::deque<WatchDelivery>& out) {
  if (r.created()) {
    OnCreated(std::move(r), out);
    return;
  }
  if (r.watch_id() == -1) {
    if (IsProgressNotify(r)) OnProgressBroadcast(r, out);
    return;
  }
  auto it = ids_.find(r.watch_id());
  if (it == ids_.end()) return;  // a watcher this stream no longer serves
  const int64_t id = it->first;
  const size_t i = it->second;

  if (r.fragment()) {
    // Collect the pieces; the last one (fragment false) completes the response.
    auto [f, inserted] = fragments_.try_emplace(id);
    for (auto& e : *r.mutable_events()) f->second.add_events()->Swap(&e);
    return;
  }
  if (auto f = fragments_.find(id); f != fragments_.end()) {
    auto* events = f->second.mutable_events();
    for (auto& e : *r.mutable_events()) events->Add()->Swap(&e);
    r.mutable_events()->Swap(events);
    fragments_.erase(f);
  }

  if (r.canceled()) {
    watchers_[i].active = false;
    ids_.erase(it);
    WatchDelivery d;
    d.watcher = i;
    if (r.compact_revision() != 0) {
      d.kind = WatchDelivery::Kind::kResponse;
      d.error = kCompacted;
    } else {
      d.kind = WatchDelivery::Kind::kEnded;
      d.error = r.cancel_reason();
    }
    Scrub(r);
    d.response = std::move(r);
    out.push_back(std::move(d));
    return;
  }
  Deliver(i, std::move(r), out);
}

}  // namespace ectl::client
