// Golden output of each format, checked against what etcdctl 3.4 prints for the same
// responses (values from the reference transcripts).
#include "output/printer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::output {
namespace {

using std::string_literals::operator""s;

void FillHeader(etcdserverpb::ResponseHeader* h, int64_t rev) {
  h->set_cluster_id(2755613793311995676ULL);
  h->set_member_id(9829954754940738069ULL);
  h->set_revision(rev);
  h->set_raft_term(2);
}

etcdserverpb::RangeResponse FooBar() {
  etcdserverpb::RangeResponse r;
  FillHeader(r.mutable_header(), 10);
  auto* kv = r.add_kvs();
  kv->set_key("foo");
  kv->set_create_revision(2);
  kv->set_mod_revision(8);
  kv->set_version(7);
  kv->set_value("bar");
  r.set_count(1);
  return r;
}

std::string Print(std::string_view format, bool hex, auto fn) {
  std::ostringstream out;
  {
    auto p = MakePrinter(format, hex, out);
    fn(*p);
  }
  return out.str();
}

TEST(SimplePrinter, GetPutDelete) {
  EXPECT_EQ(Print("simple", false, [](Printer& p) { p.Get(FooBar(), {}); }), "foo\nbar\n");
  EXPECT_EQ(Print("simple", true, [](Printer& p) { p.Get(FooBar(), {}); }),
            "\\x66\\x6f\\x6f\n\\x62\\x61\\x72\n");
  EXPECT_EQ(Print("simple", false, [](Printer& p) { p.Get(FooBar(), {true}); }), "bar\n");
  etcdserverpb::PutResponse put;
  put.mutable_prev_kv()->set_key("k");
  put.mutable_prev_kv()->set_value("old");
  EXPECT_EQ(Print("simple", false, [&](Printer& p) { p.Put(put); }), "OK\nk\nold\n");
  etcdserverpb::DeleteRangeResponse del;
  del.set_deleted(1);
  del.add_prev_kvs()->set_key("k2");
  del.mutable_prev_kvs(0)->set_value("v2");
  EXPECT_EQ(Print("simple", false, [&](Printer& p) { p.Delete(del); }), "1\nk2\nv2\n");
}

TEST(JsonPrinter, GoShape) {
  EXPECT_EQ(Print("json", false, [](Printer& p) { p.Get(FooBar(), {}); }),
            "{\"header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"revision\":10,\"raft_term\":2},\"kvs\":[{\"key\":\"Zm9v\",\"create_revision\":2,"
            "\"mod_revision\":8,\"version\":7,\"value\":\"YmFy\"}],\"count\":1}\n");
  etcdserverpb::RangeResponse empty;
  FillHeader(empty.mutable_header(), 10);
  EXPECT_EQ(Print("json", false, [&](Printer& p) { p.Get(empty, {}); }),
            "{\"header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"revision\":10,\"raft_term\":2}}\n");
  etcdserverpb::DeleteRangeResponse del;
  FillHeader(del.mutable_header(), 11);
  EXPECT_EQ(Print("json", false, [&](Printer& p) { p.Delete(del); }),
            "{\"header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"revision\":11,\"raft_term\":2}}\n");
}

TEST(JsonPrinter, TxnUses34OneofNames) {
  etcdserverpb::TxnResponse txn;
  txn.set_succeeded(true);
  txn.add_responses()->mutable_response_put()->mutable_header()->set_revision(5);
  EXPECT_EQ(Print("json", false, [&](Printer& p) { p.Txn(txn); }),
            "{\"succeeded\":true,\"responses\":[{\"Response\":{\"ResponsePut\":{\"header\":"
            "{\"revision\":5}}}}]}\n");
}

TEST(FieldsPrinter, GetWithGoQuoting) {
  auto r = FooBar();
  r.mutable_kvs(0)->set_value("\xc3\xa9\x01\ttab\"q\\");
  EXPECT_EQ(Print("fields", false, [&](Printer& p) { p.Get(r, {}); }),
            "\"ClusterID\" : 2755613793311995676\n"
            "\"MemberID\" : 9829954754940738069\n"
            "\"Revision\" : 10\n"
            "\"RaftTerm\" : 2\n"
            "\"Key\" : \"foo\"\n"
            "\"CreateRevision\" : 2\n"
            "\"ModRevision\" : 8\n"
            "\"Version\" : 7\n"
            "\"Value\" : \"\xc3\xa9\\x01\\ttab\\\"q\\\\\"\n"
            "\"Lease\" : 0\n"
            "\"More\" : false\n"
            "\"Count\" : 1\n");
}

TEST(ProtobufPrinter, RawMessageBytes) {
  auto r = FooBar();
  EXPECT_EQ(Print("protobuf", false, [&](Printer& p) { p.Get(r, {}); }), r.SerializeAsString());
}

TEST(Printers, TableRefusedForKeyValueResults) {
  std::ostringstream out;
  auto p = MakePrinter("table", false, out);
  try {
    p->Require(Result::kPut);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadFeature);
    EXPECT_STREQ(e.what(), "table not supported as output format");
  }
}

// What a format supports is what it overrides (output/format.h): every kind for simple
// and json, the cluster listings for table, and the refusals etcdctl makes for fields and
// protobuf.
TEST(Printers, SupportsFollowsOverrides) {
  const std::vector<Result> refused_by_fields = {
      Result::kMemberAdd, Result::kMemberChange, Result::kMoveLeader,
      Result::kAuthStatus, Result::kUserGet, Result::kUserList};
  const std::vector<Result> refused_by_protobuf = {
      Result::kLeaseRevoke, Result::kEndpointHealth, Result::kEndpointStatus,
      Result::kEndpointHashKV, Result::kSnapshotStatus};
  const std::vector<Result> table = {Result::kMemberList, Result::kEndpointHealth,
                                     Result::kEndpointStatus, Result::kEndpointHashKV,
                                     Result::kSnapshotStatus};
  auto contains = [](const std::vector<Result>& list, Result kind) {
    return std::find(list.begin(), list.end(), kind) != list.end();
  };
  std::ostringstream out;
  for (std::string format : {"simple", "json", "fields", "protobuf", "table"}) {
    auto p = MakePrinter(format, false, out);
    for (int k = 0; k <= static_cast<int>(Result::kRoleList); ++k) {
      auto kind = static_cast<Result>(k);
      bool want = format == "fields"     ? !contains(refused_by_fields, kind)
                  : format == "protobuf" ? !contains(refused_by_protobuf, kind)
                  : format == "table"    ? contains(table, kind)
                                         : true;
      bool accepted = true;
      try {
        p->Require(kind);
      } catch (const Error& e) {
        accepted = false;
        EXPECT_EQ(e.what(), format + " not supported as output format");
      }
      EXPECT_EQ(accepted, want) << format << " kind " << k;
    }
  }
}

TEST(Printers, UnknownFormat) {
  std::ostringstream out;
  try {
    MakePrinter("yaml", false, out);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadFeature);
    EXPECT_STREQ(e.what(), "unsupported output format");
  }
}

}  // namespace
}  // namespace ectl::output
