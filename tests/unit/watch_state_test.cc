// WatchState: matching creates, resuming after a broken stream without losing or
// repeating events, fragments, progress and cancellations.
#include "client/watch_state.h"

#include <gtest/gtest.h>

namespace ectl::client {
namespace {

etcdserverpb::WatchResponse Created(int64_t id, int64_t rev) {
  etcdserverpb::WatchResponse r;
  r.set_watch_id(id);
  r.set_created(true);
  r.mutable_header()->set_revision(rev);
  return r;
}

etcdserverpb::WatchResponse Events(int64_t id, std::initializer_list<int64_t> revs) {
  etcdserverpb::WatchResponse r;
  r.set_watch_id(id);
  int64_t last = 0;
  for (int64_t rev : revs) {
    auto* e = r.add_events();
    std::string key = "k";
    key += std::to_string(rev);
    e->mutable_kv()->set_key(key);
    e->mutable_kv()->set_mod_revision(rev);
    last = rev;
  }
  r.mutable_header()->set_revision(last);
  return r;
}

std::vector<int64_t> Revisions(const std::deque<WatchDelivery>& out) {
  std::vector<int64_t> revs;
  for (const auto& d : out) {
    for (const auto& e : d.response.events()) revs.push_back(e.kv().mod_revision());
  }
  return revs;
}

TEST(WatchState, ResumesAfterLastDeliveredRevision) {
  WatchState s;
  s.Add({"k", "", 0, false, false});
  auto creates = s.OnStreamOpen();
  ASSERT_EQ(creates.size(), 1u);
  EXPECT_EQ(creates[0].create_request().start_revision(), 0);
  std::deque<WatchDelivery> out;
  s.OnResponse(Created(0, 10), out);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(s.resume_revision(0), 11);  // "now" was revision 10
  s.OnResponse(Events(0, {11, 11, 12}), out);
  EXPECT_EQ(s.resume_revision(0), 13);
  s.OnStreamLost();
  creates = s.OnStreamOpen();
  EXPECT_EQ(creates[0].create_request().start_revision(), 13);
  // The new stream assigns another ID; a resent old event is not shown twice.
  s.OnResponse(Created(5, 14), out);
  s.OnResponse(Events(5, {12, 13}), out);
  EXPECT_EQ(Revisions(out), (std::vector<int64_t>{11, 11, 12, 13}));
  EXPECT_EQ(out[0].response.watch_id(), 0);
  EXPECT_TRUE(out[0].response.has_header());
}

TEST(WatchState, MatchesCreatesInOrderAndBroadcastsProgress) {
  WatchState s;
  s.Add({"a", "", 5, false, false});
  s.Add({"b", "", 0, true, false});
  auto creates = s.OnStreamOpen();
  ASSERT_EQ(creates.size(), 2u);
  EXPECT_EQ(creates[0].create_request().key(), "a");
  EXPECT_EQ(creates[0].create_request().start_revision(), 5);
  EXPECT_TRUE(creates[1].create_request().prev_kv());
  std::deque<WatchDelivery> out;
  s.OnResponse(Created(7, 20), out);
  s.OnResponse(Created(8, 20), out);
  etcdserverpb::WatchResponse progress;
  progress.set_watch_id(-1);
  progress.mutable_header()->set_revision(30);
  s.OnResponse(std::move(progress), out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(IsProgressNotify(out[0].response));
  EXPECT_EQ(s.resume_revision(0), 31);
  EXPECT_EQ(s.resume_revision(1), 31);
  out.clear();
  s.OnResponse(Events(8, {31}), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].watcher, 1u);
}

TEST(WatchState, ReassemblesFragments) {
  WatchState s;
  s.Add({"k", "", 1, false, false});
  s.OnStreamOpen();
  std::deque<WatchDelivery> out;
  s.OnResponse(Created(0, 3), out);
  auto first = Events(0, {2, 2});
  first.set_fragment(true);
  s.OnResponse(std::move(first), out);
  EXPECT_TRUE(out.empty());
  s.OnResponse(Events(0, {2}), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].response.events_size(), 3);
  EXPECT_FALSE(out[0].response.fragment());
}

TEST(WatchState, CompactionAndRefusalEndTheWatcher) {
  WatchState s;
  s.Add({"k", "", 1, false, false});
  s.Add({"secret", "", 0, false, false});
  s.OnStreamOpen();
  std::deque<WatchDelivery> out;
  s.OnResponse(Created(0, 9), out);
  etcdserverpb::WatchResponse refused = Created(-1, 9);
  refused.set_canceled(true);
  refused.set_cancel_reason("etcdserver: permission denied");
  s.OnResponse(std::move(refused), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, WatchDelivery::Kind::kClosed);
  EXPECT_EQ(out[0].error, "etcdserver: permission denied");
  EXPECT_TRUE(s.Retry(1));
  EXPECT_FALSE(s.Retry(1));
  out.clear();
  etcdserverpb::WatchResponse compacted;
  compacted.set_watch_id(0);
  compacted.set_canceled(true);
  compacted.set_compact_revision(4);
  s.OnResponse(std::move(compacted), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, WatchDelivery::Kind::kResponse);
  EXPECT_EQ(out[0].error, "etcdserver: mvcc: required revision has been compacted");
  EXPECT_EQ(out[0].response.compact_revision(), 4);
  s.CloseAll("rpc error: code = PermissionDenied desc = x", out);
  EXPECT_EQ(out.size(), 2u);  // the retried watcher
  EXPECT_FALSE(s.HasActive());
}

}  // namespace
}  // namespace ectl::client
