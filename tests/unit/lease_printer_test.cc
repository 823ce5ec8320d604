// Golden output of the lease results in every format, as etcdctl 3.4.23 printed the
// same responses (cluster 5577419299952351277, member 8813575065840868852).
#include <gtest/gtest.h>

#include <sstream>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/lease_format.h"
#include "output/printer.h"

namespace ectl::output {
namespace {

constexpr char kFlatHeader[] =
    "\"cluster_id\":5577419299952351277,\"member_id\":8813575065840868852,"
    "\"revision\":5,\"raft_term\":2";
constexpr char kFieldsHeader[] =
    "\"ClusterID\" : 5577419299952351277\n\"MemberID\" : 8813575065840868852\n"
    "\"Revision\" : 5\n\"RaftTerm\" : 2\n";
// The same header as protobuf bytes (fields 1-4 of ResponseHeader, no outer tag).
const std::string kHeaderBytes =
    "\x08\xad\xb0\xc5\xc8\xd8\xa9\xbe\xb3\x4d\x10\xf4\xbb\xbd\xc5\xb7\xfa\x86\xa8\x7a"
    "\x18\x05\x20\x02";

void FillHeader(etcdserverpb::ResponseHeader* h) {
  h->set_cluster_id(5577419299952351277ULL);
  h->set_member_id(8813575065840868852ULL);
  h->set_revision(5);
  h->set_raft_term(2);
}

std::string Print(std::string_view format, auto fn) {
  std::ostringstream out;
  {
    auto p = MakePrinter(format, false, out);
    fn(*p);
  }
  return out.str();
}

etcdserverpb::LeaseGrantResponse Grant() {
  etcdserverpb::LeaseGrantResponse r;
  FillHeader(r.mutable_header());
  r.set_id(6770214440079189004);
  r.set_ttl(50);
  return r;
}

etcdserverpb::LeaseTimeToLiveResponse TimeToLive(bool with_keys) {
  etcdserverpb::LeaseTimeToLiveResponse r;
  FillHeader(r.mutable_header());
  r.set_id(6770214440079189000);
  r.set_ttl(299);
  r.set_grantedttl(300);
  if (with_keys) {
    r.add_keys("lk1");
    r.add_keys("l k\"2");
  }
  return r;
}

etcdserverpb::LeaseKeepAliveResponse KeepAlive() {
  etcdserverpb::LeaseKeepAliveResponse r;
  FillHeader(r.mutable_header());
  r.set_id(6770214440079189017);
  r.set_ttl(20);
  return r;
}

etcdserverpb::LeaseLeasesResponse List(int n) {
  etcdserverpb::LeaseLeasesResponse r;
  FillHeader(r.mutable_header());
  for (int i = 0; i < n; ++i) r.add_leases()->set_id(6770214440079189043 + 2 * i);
  return r;
}

TEST(LeaseIdHex, GoPercent016x) {
  EXPECT_EQ(LeaseIdHex(0x5df4a229c223e405), "5df4a229c223e405");
  EXPECT_EQ(LeaseIdHex(0x1234), "0000000000001234");
  EXPECT_EQ(LeaseIdHex(0), "0000000000000000");
  EXPECT_EQ(LeaseIdHex(-5), "-000000000000005");
  EXPECT_EQ(LeaseIdHex(INT64_MIN), "-8000000000000000");
}

TEST(LeasePrinter, Simple) {
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseGrant(Grant()); }),
            "lease 5df4a229c223e40c granted with TTL(50s)\n");
  EXPECT_EQ(Print("simple", [](Printer& p) {
              p.LeaseRevoke(0x5df4a229c223e405, etcdserverpb::LeaseRevokeResponse());
            }),
            "lease 5df4a229c223e405 revoked\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(true), false); }),
            "lease 5df4a229c223e408 granted with TTL(300s), remaining(299s)\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(true), true); }),
            "lease 5df4a229c223e408 granted with TTL(300s), remaining(299s), "
            "attached keys([lk1 l k\"2])\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(false), true); }),
            "lease 5df4a229c223e408 granted with TTL(300s), remaining(299s), "
            "attached keys([])\n");
  etcdserverpb::LeaseTimeToLiveResponse expired;
  expired.set_id(-5);
  expired.set_ttl(-1);
  EXPECT_EQ(Print("simple", [&](Printer& p) { p.LeaseTimeToLive(expired, true); }),
            "lease -000000000000005 already expired\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseList(List(2)); }),
            "found 2 leases\n5df4a229c223e433\n5df4a229c223e435\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseList(List(0)); }), "found 0 leases\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseKeepAlive(KeepAlive()); }),
            "lease 5df4a229c223e419 keepalived with TTL(20)\n");
  EXPECT_EQ(Print("simple", [](Printer& p) { p.LeaseKeepAliveEnded(0x1234); }),
            "lease 0000000000001234 expired or revoked.\n");
}

TEST(LeasePrinter, JsonFlattensTheHeader) {
  const std::string h = kFlatHeader;
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseGrant(Grant()); }),
            "{" + h + ",\"ID\":6770214440079189004,\"TTL\":50,\"Error\":\"\"}\n");
  etcdserverpb::LeaseRevokeResponse revoke;
  FillHeader(revoke.mutable_header());
  EXPECT_EQ(Print("json", [&](Printer& p) { p.LeaseRevoke(1, revoke); }),
            "{\"header\":{" + h + "}}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(true), true); }),
            "{" + h +
                ",\"id\":6770214440079189000,\"ttl\":299,\"granted-ttl\":300,"
                "\"keys\":[\"bGsx\",\"bCBrIjI=\"]}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(false), false); }),
            "{" + h + ",\"id\":6770214440079189000,\"ttl\":299,\"granted-ttl\":300,"
                      "\"keys\":null}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseList(List(2)); }),
            "{" + h + ",\"leases\":[{\"id\":6770214440079189043},{\"id\":6770214440079189045}]}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseList(List(0)); }),
            "{" + h + ",\"leases\":[]}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseKeepAlive(KeepAlive()); }),
            "{" + h + ",\"ID\":6770214440079189017,\"TTL\":20}\n");
  // Zero header fields are omitted, as Go's omitempty does for the embedded header.
  etcdserverpb::LeaseKeepAliveResponse bare;
  bare.set_id(1);
  EXPECT_EQ(Print("json", [&](Printer& p) { p.LeaseKeepAlive(bare); }), "{\"ID\":1,\"TTL\":0}\n");
  EXPECT_EQ(Print("json", [](Printer& p) { p.LeaseKeepAliveEnded(1); }), "");
}

TEST(LeasePrinter, Fields) {
  const std::string h = kFieldsHeader;
  EXPECT_EQ(Print("fields", [](Printer& p) { p.LeaseGrant(Grant()); }),
            h + "\"ID\" : 6770214440079189004\n\"TTL\" : 50\n");
  etcdserverpb::LeaseRevokeResponse revoke;
  FillHeader(revoke.mutable_header());
  EXPECT_EQ(Print("fields", [&](Printer& p) { p.LeaseRevoke(1, revoke); }), h);
  EXPECT_EQ(Print("fields", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(true), true); }),
            h + "\"ID\" : 6770214440079189000\n\"TTL\" : 299\n\"GrantedTTL\" : 300\n"
                "\"Key\" : \"lk1\"\n\"Key\" : \"l k\\\"2\"\n");
  EXPECT_EQ(Print("fields", [](Printer& p) { p.LeaseList(List(2)); }),
            h + "\"ID\" : 6770214440079189043\n\"ID\" : 6770214440079189045\n");
  EXPECT_EQ(Print("fields", [](Printer& p) { p.LeaseKeepAlive(KeepAlive()); }),
            h + "\"ID\" : 6770214440079189017\n\"TTL\" : 20\n");
}

TEST(LeasePrinter, ProtobufWritesOnlyTheHeader) {
  EXPECT_EQ(Print("protobuf", [](Printer& p) { p.LeaseGrant(Grant()); }), kHeaderBytes);
  EXPECT_EQ(Print("protobuf", [](Printer& p) { p.LeaseTimeToLive(TimeToLive(true), true); }),
            kHeaderBytes);
  EXPECT_EQ(Print("protobuf", [](Printer& p) { p.LeaseList(List(3)); }), kHeaderBytes);
  EXPECT_EQ(Print("protobuf", [](Printer& p) {
              p.LeaseKeepAlive(KeepAlive());
              p.LeaseKeepAlive(KeepAlive());
            }),
            kHeaderBytes + kHeaderBytes);
}

// Found by printer_fuzzer: protobuf's Require(kLeaseRevoke) passed and LeaseRevoke() then
// threw, so only the command's own check refused it before the RPC
// (fuzz/regressions/printer_fuzzer/protobuf_lease_revoke_passes_require).
TEST(LeasePrinter, ProtobufRefusesLeaseRevokeInRequire) {
  std::ostringstream out;
  auto p = MakePrinter("protobuf", false, out);
  try {
    p->Require(Result::kLeaseRevoke);
    ADD_FAILURE() << "protobuf accepted lease revoke";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadFeature);
    EXPECT_STREQ(e.what(), "protobuf not supported as output format");
  }
}

TEST(LeasePrinter, TableRefusesEveryLeaseResult) {
  std::ostringstream out;
  auto p = MakePrinter("table", false, out);
  for (Result kind : {Result::kLeaseGrant, Result::kLeaseRevoke, Result::kLeaseTimeToLive,
                      Result::kLeaseList, Result::kLeaseKeepAlive}) {
    try {
      p->Require(kind);
      ADD_FAILURE() << "table accepted a lease result";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadFeature);
      EXPECT_STREQ(e.what(), "table not supported as output format");
    }
  }
}

}  // namespace
}  // namespace ectl::output
