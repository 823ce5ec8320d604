// Golden output of watch responses in every format, as etcdctl 3.4 printed them in the
// reference transcripts.
#include <gtest/gtest.h>

#include <sstream>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/printer.h"
#include "output/watch_result.h"

namespace ectl::output {
namespace {

etcdserverpb::WatchResponse PutThenDelete() {
  etcdserverpb::WatchResponse r;
  auto* h = r.mutable_header();
  h->set_cluster_id(2755613793311995676ULL);
  h->set_member_id(9829954754940738069ULL);
  h->set_revision(46);
  h->set_raft_term(2);
  auto* put = r.add_events();
  put->mutable_kv()->set_key("wk");
  put->mutable_kv()->set_create_revision(44);
  put->mutable_kv()->set_mod_revision(45);
  put->mutable_kv()->set_version(2);
  put->mutable_kv()->set_value("v2");
  put->mutable_prev_kv()->set_key("wk");
  put->mutable_prev_kv()->set_create_revision(44);
  put->mutable_prev_kv()->set_mod_revision(44);
  put->mutable_prev_kv()->set_version(1);
  put->mutable_prev_kv()->set_value("v1");
  auto* del = r.add_events();
  del->set_type(mvccpb::Event::DELETE);
  del->mutable_kv()->set_key("wk");
  del->mutable_kv()->set_mod_revision(46);
  return r;
}

std::string Print(std::string_view format, bool hex, const WatchResult& r) {
  std::ostringstream out;
  {
    auto p = MakePrinter(format, hex, out);
    p->Require(Result::kWatch);
    p->Watch(r);
  }
  return out.str();
}

TEST(WatchPrinter, Simple) {
  auto r = PutThenDelete();
  EXPECT_EQ(Print("simple", false, {r}), "PUT\nwk\nv1\nwk\nv2\nDELETE\nwk\n\n");
  EXPECT_EQ(Print("simple", true, {r}).substr(0, 21), "PUT\n\\x77\\x6b\n\\x76\\x31");
}

TEST(WatchPrinter, Json) {
  auto r = PutThenDelete();
  EXPECT_EQ(Print("json", false, {r}),
            "{\"Header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"revision\":46,\"raft_term\":2},\"Events\":[{\"kv\":{\"key\":\"d2s=\","
            "\"create_revision\":44,\"mod_revision\":45,\"version\":2,\"value\":\"djI=\"},"
            "\"prev_kv\":{\"key\":\"d2s=\",\"create_revision\":44,\"mod_revision\":44,"
            "\"version\":1,\"value\":\"djE=\"}},{\"type\":1,\"kv\":{\"key\":\"d2s=\","
            "\"mod_revision\":46}}],\"CompactRevision\":0,\"Canceled\":false,\"Created\":false}\n");
  etcdserverpb::WatchResponse canceled;
  canceled.mutable_header()->set_raft_term(2);
  canceled.set_compact_revision(11);
  canceled.set_canceled(true);
  EXPECT_EQ(Print("json", false, {canceled}),
            "{\"Header\":{\"raft_term\":2},\"Events\":[],\"CompactRevision\":11,"
            "\"Canceled\":true,\"Created\":false}\n");
  etcdserverpb::WatchResponse closed;
  closed.set_canceled(true);
  EXPECT_EQ(Print("json", false, {closed, true}),
            "{\"Header\":{},\"Events\":null,\"CompactRevision\":0,\"Canceled\":true,"
            "\"Created\":false}\n");
}

TEST(WatchPrinter, Fields) {
  auto r = PutThenDelete();
  r.mutable_events()->RemoveLast();
  EXPECT_EQ(Print("fields", false, {r}),
            "\"ClusterID\" : 2755613793311995676\n\"MemberID\" : 9829954754940738069\n"
            "\"Revision\" : 46\n\"RaftTerm\" : 2\n\"Type\" : PUT\n"
            "\"PrevKey\" : \"wk\"\n\"PrevCreateRevision\" : 44\n\"PrevModRevision\" : 44\n"
            "\"PrevVersion\" : 1\n\"PrevValue\" : \"v1\"\n\"PrevLease\" : 0\n"
            "\"Key\" : \"wk\"\n\"CreateRevision\" : 44\n\"ModRevision\" : 45\n"
            "\"Version\" : 2\n\"Value\" : \"v2\"\n\"Lease\" : 0\n");
}

TEST(WatchPrinter, ProtobufIsTheSynthesizedResponse) {
  etcdserverpb::WatchResponse r;
  r.mutable_header()->set_raft_term(2);
  r.set_canceled(true);
  r.set_compact_revision(4);
  EXPECT_EQ(Print("protobuf", false, {r}), std::string("\x0a\x02\x20\x02\x20\x01\x28\x04", 8));
  etcdserverpb::WatchResponse empty;
  EXPECT_EQ(Print("protobuf", false, {empty}), std::string("\x0a\x00", 2));
  auto full = PutThenDelete();
  full.set_watch_id(3);  // never shown
  std::string bytes = Print("protobuf", false, {full});
  etcdserverpb::WatchResponse parsed;
  ASSERT_TRUE(parsed.ParseFromString(bytes));
  EXPECT_EQ(parsed.events_size(), 2);
  EXPECT_EQ(parsed.watch_id(), 0);
}

TEST(WatchPrinter, TableRefused) {
  std::ostringstream out;
  auto p = MakePrinter("table", false, out);
  try {
    p->Require(Result::kWatch);
    ADD_FAILURE() << "table accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadFeature);
    EXPECT_STREQ(e.what(), "table not supported as output format");
  }
}

}  // namespace
}  // namespace ectl::output
