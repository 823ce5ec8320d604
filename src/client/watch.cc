#include "client/watch.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "client/client.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kFirstBackoff{50};
constexpr milliseconds kMaxBackoff{1000};

// Failures after which another stream (usually to another member) can succeed: the
// member went away or lost its leader (UNAVAILABLE, "etcdserver: no leader"), the
// transport broke (INTERNAL), or the server reset the stream while shutting down
// (CANCELLED, when ectl did not cancel it itself).
bool Retryable(const grpc::Status& status) {
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::CANCELLED:
      return true;
    default:
      return false;
  }
}

// A refused create whose reason a fresh token may cure. etcd puts the reason in as the
// error's text, which may be a whole status ("rpc error: code = Unauthenticated desc =
// etcdserver: invalid auth token").
bool MayBeTokenRefusal(const std::string& error) {
  std::string_view reason = error;
  if (auto desc = reason.find(" desc = ");
      reason.rfind("rpc error: ", 0) == 0 && desc != std::string_view::npos) {
    reason.remove_prefix(desc + 8);
  }
  return reason == "etcdserver: permission denied" || Client::IsTokenError(std::string(reason));
}

}  // namespace

struct WatchSession::Stub {
  std::unique_ptr<etcdserverpb::Watch::Stub> stub;
};

WatchSession::WatchSession(const Client& client)
    : client_(client), stub_(new Stub{etcdserverpb::Watch::NewStub(client.channel())}) {}

WatchSession::~WatchSession() {
  Stop();
  if (stream_) {
    {
      std::lock_guard<std::mutex> w(write_mu_);
      writable_ = false;
    }
    (void)stream_->Finish();
  }
}

size_t WatchSession::Add(const WatchSpec& spec) {
  // write_mu_ first: a create goes on the wire in the order it was queued for matching.
  std::lock_guard<std::mutex> w(write_mu_);
  size_t index;
  etcdserverpb::WatchRequest request;
  bool send;
  {
    std::lock_guard<std::mutex> l(mu_);
    index = state_.Add(spec);
    send = writable_ && !stopped_;
    if (send) request = state_.CreateRequest(index);
  }
  cv_.notify_all();
  if (send && !stream_->Write(request)) writable_ = false;
  return index;
}

void WatchSession::RequestProgress() {
  std::lock_guard<std::mutex> w(write_mu_);
  if (!writable_) {
    // Sent right after the creates once the stream is open, as etcd's client queues it.
    ++progress_pending_;
    return;
  }
  etcdserverpb::WatchRequest request;
  request.mutable_progress_request();
  if (!stream_->Write(request)) writable_ = false;
}

void WatchSession::Stop() {
  std::lock_guard<std::mutex> l(mu_);
  stopped_ = true;
  if (ctx_) ctx_->TryCancel();
  cv_.notify_all();
}

bool WatchSession::HasActive() const {
  std::lock_guard<std::mutex> l(mu_);
  return state_.HasActive();
}

WatchDelivery WatchSession::Pop() {
  WatchDelivery d = std::move(queue_.front());
  queue_.pop_front();
  return d;
}

std::optional<WatchDelivery> WatchSession::Next() {
  for (;;) {
    if (!stream_) {
      std::unique_lock<std::mutex> l(mu_);
      cv_.wait(l, [&] { return stopped_ || !queue_.empty() || state_.HasActive(); });
      if (stopped_) return std::nullopt;
      if (!queue_.empty()) return Pop();
      if (backoff_.count() > 0 && cv_.wait_for(l, backoff_, [&] { return stopped_; })) {
        return std::nullopt;
      }
      const bool refresh = std::exchange(refresh_token_, false);
      l.unlock();
      if (refresh) {
        try {
          client_.RefreshToken();
        } catch (const RpcError& e) {
          std::lock_guard<std::mutex> relock(mu_);
          state_.CloseAll(e.what(), queue_);
          continue;
        }
      }
      Open();
      continue;
    }
    {
      std::lock_guard<std::mutex> l(mu_);
      if (stopped_) return std::nullopt;
      if (!queue_.empty()) return Pop();
    }
    etcdserverpb::WatchResponse response;
    if (!stream_->Read(&response)) {
      OnBroken();
      continue;
    }
    std::lock_guard<std::mutex> l(mu_);
    const bool created = response.created() && !response.canceled();
    state_.OnResponse(std::move(response), queue_);
    if (created) backoff_ = milliseconds(0);
    if (RetryRefusedWithNewToken()) {
      // The token travels with the stream, so a new one needs a new stream.
      refresh_token_ = true;
      if (ctx_) ctx_->TryCancel();
    }
  }
}

void WatchSession::Open() {
  auto ctx = client_.NewContext(std::nullopt);
  ctx->AddMetadata("hasleader", "true");
  // The creates carry the metadata; opening does not wait for a connection, the first
  // write does (wait-for-ready), and Stop() can cancel it.
  ctx->set_initial_metadata_corked(true);
  grpc::ClientContext* raw;
  {
    std::lock_guard<std::mutex> l(mu_);
    if (stopped_) return;
    ctx_ = std::move(ctx);
    raw = ctx_.get();
  }
  auto stream = stub_->stub->Watch(raw);
  std::lock_guard<std::mutex> w(write_mu_);
  std::vector<etcdserverpb::WatchRequest> creates;
  {
    std::lock_guard<std::mutex> l(mu_);
    stream_ = std::move(stream);
    creates = state_.OnStreamOpen();
  }
  writable_ = true;
  for (; progress_pending_ > 0; --progress_pending_) {
    creates.emplace_back().mutable_progress_request();
  }
  for (const auto& c : creates) {
    if (!stream_->Write(c)) {
      writable_ = false;
      break;
    }
  }
}

void WatchSession::OnBroken() {
  {
    std::lock_guard<std::mutex> w(write_mu_);
    writable_ = false;
  }
  grpc::Status status = stream_->Finish();
  stream_.reset();
  std::lock_guard<std::mutex> l(mu_);
  ctx_.reset();
  state_.OnStreamLost();
  if (stopped_) return;
  if (refresh_token_) {
    backoff_ = milliseconds(0);  // ectl ended this stream itself, to re-authenticate
    return;
  }
  const bool credentials = !client_.config().user.empty() && !client_.config().password.empty();
  if (Retryable(status) || (credentials && Client::IsTokenError(status.error_message()))) {
    refresh_token_ = !Retryable(status);
    backoff_ = backoff_.count() == 0 ? kFirstBackoff : std::min(backoff_ * 2, kMaxBackoff);
    return;
  }
  state_.CloseAll(StatusText(status), queue_);
}

bool WatchSession::RetryRefusedWithNewToken() {
  if (client_.config().user.empty() || client_.config().password.empty()) return false;
  bool retry = false;
  for (auto it = queue_.begin(); it != queue_.end();) {
    if (it->kind == WatchDelivery::Kind::kClosed && MayBeTokenRefusal(it->error) &&
        state_.Retry(it->watcher)) {
      it = queue_.erase(it);
      retry = true;
    } else {
      ++it;
    }
  }
  return retry;
}

}  // namespace ectl::client
