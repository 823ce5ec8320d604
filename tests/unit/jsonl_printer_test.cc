// The jsonl format: one flat object per item, golden lines per result type, and that
// every line parses with nlohmann_json. Also the colour of simple's watch events and
// table headers.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/cluster_results.h"
#include "output/printer.h"
#include "output/watch_result.h"

namespace ectl::output {
namespace {

// Runs print against a jsonl printer; checks that every line is one JSON object.
template <typename F>
std::string Jsonl(Result kind, F print) {
  std::ostringstream out;
  {
    auto p = MakePrinter("jsonl", false, out);
    p->Require(kind);
    print(*p);
  }
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    EXPECT_TRUE(nlohmann::json::parse(line).is_object()) << line;
  }
  return out.str();
}

void SetKv(mvccpb::KeyValue* kv, std::string key, std::string value, int64_t c, int64_t m,
           int64_t v, int64_t lease = 0) {
  kv->set_key(std::move(key));
  kv->set_value(std::move(value));
  kv->set_create_revision(c);
  kv->set_mod_revision(m);
  kv->set_version(v);
  kv->set_lease(lease);
}

TEST(JsonlPrinter, GetOneLinePerKeyWithTheReadRevision) {
  etcdserverpb::RangeResponse r;
  r.mutable_header()->set_revision(9);
  SetKv(r.add_kvs(), "a", "1", 2, 3, 2, 0x694d7a1e3f2c1a0b);
  SetKv(r.add_kvs(), std::string("b\xff", 2), std::string("\x00\xff", 2), 4, 4, 1);
  r.set_count(2);
  EXPECT_EQ(Jsonl(Result::kGet, [&](Printer& p) { p.Get(r, {}); }),
            "{\"key\":\"a\",\"value\":\"1\",\"create_revision\":2,\"mod_revision\":3,"
            "\"version\":2,\"lease\":\"694d7a1e3f2c1a0b\",\"revision\":9}\n"
            "{\"key_base64\":\"Yv8=\",\"value_base64\":\"AP8=\",\"create_revision\":4,"
            "\"mod_revision\":4,\"version\":1,\"revision\":9}\n");
}

TEST(JsonlPrinter, GetNothingPrintsNothing) {
  etcdserverpb::RangeResponse r;
  r.mutable_header()->set_revision(9);
  EXPECT_EQ(Jsonl(Result::kGet, [&](Printer& p) { p.Get(r, {}); }), "");
}

TEST(JsonlPrinter, Utf8TextStaysText) {
  etcdserverpb::RangeResponse r;
  r.mutable_header()->set_revision(1);
  SetKv(r.add_kvs(), "caf\xc3\xa9", "\"q\"\n", 1, 1, 1);
  EXPECT_EQ(Jsonl(Result::kGet, [&](Printer& p) { p.Get(r, {}); }),
            "{\"key\":\"caf\xc3\xa9\",\"value\":\"\\\"q\\\"\\n\",\"create_revision\":1,"
            "\"mod_revision\":1,\"version\":1,\"revision\":1}\n");
}

TEST(JsonlPrinter, PutAndDelete) {
  etcdserverpb::PutResponse put;
  put.mutable_header()->set_revision(5);
  EXPECT_EQ(Jsonl(Result::kPut, [&](Printer& p) { p.Put(put); }), "{\"revision\":5}\n");
  SetKv(put.mutable_prev_kv(), "k", "old", 2, 2, 1);
  EXPECT_EQ(Jsonl(Result::kPut, [&](Printer& p) { p.Put(put); }),
            "{\"revision\":5,\"prev_kv\":{\"key\":\"k\",\"value\":\"old\",\"create_revision\":2,"
            "\"mod_revision\":2,\"version\":1}}\n");
  etcdserverpb::DeleteRangeResponse del;
  del.mutable_header()->set_revision(6);
  del.set_deleted(1);
  EXPECT_EQ(Jsonl(Result::kDelete, [&](Printer& p) { p.Delete(del); }),
            "{\"deleted\":1,\"revision\":6}\n");
}

TEST(JsonlPrinter, TxnOutcomeThenOneLinePerOp) {
  etcdserverpb::TxnResponse t;
  t.mutable_header()->set_revision(7);
  t.set_succeeded(true);
  auto* get = t.add_responses()->mutable_response_range();
  SetKv(get->add_kvs(), "a", "1", 2, 2, 1);
  get->set_count(1);
  t.add_responses()->mutable_response_put();
  t.add_responses()->mutable_response_delete_range()->set_deleted(3);
  EXPECT_EQ(Jsonl(Result::kTxn, [&](Printer& p) { p.Txn(t); }),
            "{\"succeeded\":true,\"revision\":7}\n"
            "{\"op\":\"get\",\"kvs\":[{\"key\":\"a\",\"value\":\"1\",\"create_revision\":2,"
            "\"mod_revision\":2,\"version\":1}],\"count\":1,\"more\":false,\"revision\":7}\n"
            "{\"op\":\"put\",\"revision\":7}\n"
            "{\"op\":\"delete\",\"deleted\":3,\"revision\":7}\n");
}

TEST(JsonlPrinter, WatchEventsProgressAndCancel) {
  etcdserverpb::WatchResponse r;
  r.mutable_header()->set_revision(46);
  auto* put = r.add_events();
  SetKv(put->mutable_kv(), "wk", "v2", 44, 45, 2);
  SetKv(put->mutable_prev_kv(), "wk", "v1", 44, 44, 1);
  auto* del = r.add_events();
  del->set_type(mvccpb::Event::DELETE);
  del->mutable_kv()->set_key("wk");
  del->mutable_kv()->set_mod_revision(46);
  EXPECT_EQ(Jsonl(Result::kWatch, [&](Printer& p) { p.Watch({r}); }),
            "{\"type\":\"PUT\",\"key\":\"wk\",\"value\":\"v2\",\"create_revision\":44,"
            "\"mod_revision\":45,\"version\":2,\"revision\":46,\"prev_kv\":{\"key\":\"wk\","
            "\"value\":\"v1\",\"create_revision\":44,\"mod_revision\":44,\"version\":1}}\n"
            "{\"type\":\"DELETE\",\"key\":\"wk\",\"value\":\"\",\"create_revision\":0,"
            "\"mod_revision\":46,\"version\":0,\"revision\":46}\n");

  etcdserverpb::WatchResponse progress;
  progress.mutable_header()->set_revision(50);
  EXPECT_EQ(Jsonl(Result::kWatch, [&](Printer& p) { p.Watch({progress}); }),
            "{\"type\":\"PROGRESS\",\"revision\":50}\n");

  etcdserverpb::WatchResponse created;
  created.mutable_header()->set_revision(50);
  created.set_created(true);
  EXPECT_EQ(Jsonl(Result::kWatch, [&](Printer& p) { p.Watch({created}); }), "");

  etcdserverpb::WatchResponse canceled;
  canceled.mutable_header()->set_revision(50);
  canceled.set_canceled(true);
  canceled.set_compact_revision(12);
  canceled.set_cancel_reason("mvcc: required revision has been compacted");
  EXPECT_EQ(Jsonl(Result::kWatch, [&](Printer& p) { p.Watch({canceled}); }),
            "{\"type\":\"CANCELED\",\"revision\":50,\"compact_revision\":12,"
            "\"reason\":\"mvcc: required revision has been compacted\"}\n");
}

TEST(JsonlPrinter, LeaseIdsAreHexStrings) {
  etcdserverpb::LeaseGrantResponse g;
  g.mutable_header()->set_revision(3);
  g.set_id(0x694d7a1e3f2c1a0b);
  g.set_ttl(60);
  EXPECT_EQ(Jsonl(Result::kLeaseGrant, [&](Printer& p) { p.LeaseGrant(g); }),
            "{\"id\":\"694d7a1e3f2c1a0b\",\"ttl\":60,\"revision\":3}\n");
  etcdserverpb::LeaseRevokeResponse rv;
  rv.mutable_header()->set_revision(4);
  EXPECT_EQ(Jsonl(Result::kLeaseRevoke, [&](Printer& p) { p.LeaseRevoke(0x1f, rv); }),
            "{\"id\":\"000000000000001f\",\"revision\":4}\n");
  etcdserverpb::LeaseTimeToLiveResponse ttl;
  ttl.set_id(0x1f);
  ttl.set_ttl(10);
  ttl.set_grantedttl(60);
  ttl.add_keys("k1");
  EXPECT_EQ(Jsonl(Result::kLeaseTimeToLive, [&](Printer& p) { p.LeaseTimeToLive(ttl, false); }),
            "{\"id\":\"000000000000001f\",\"ttl\":10,\"granted_ttl\":60}\n");
  EXPECT_EQ(Jsonl(Result::kLeaseTimeToLive, [&](Printer& p) { p.LeaseTimeToLive(ttl, true); }),
            "{\"id\":\"000000000000001f\",\"ttl\":10,\"granted_ttl\":60,\"keys\":[\"k1\"]}\n");
  ttl.add_keys("\xff");
  EXPECT_EQ(Jsonl(Result::kLeaseTimeToLive, [&](Printer& p) { p.LeaseTimeToLive(ttl, true); }),
            "{\"id\":\"000000000000001f\",\"ttl\":10,\"granted_ttl\":60,"
            "\"keys_base64\":[\"azE=\",\"/w==\"]}\n");
  etcdserverpb::LeaseLeasesResponse list;
  list.add_leases()->set_id(1);
  list.add_leases()->set_id(0x694d7a1e3f2c1a0b);
  EXPECT_EQ(Jsonl(Result::kLeaseList, [&](Printer& p) { p.LeaseList(list); }),
            "{\"id\":\"0000000000000001\"}\n{\"id\":\"694d7a1e3f2c1a0b\"}\n");
  etcdserverpb::LeaseKeepAliveResponse ka;
  ka.mutable_header()->set_revision(8);
  ka.set_id(1);
  ka.set_ttl(59);
  EXPECT_EQ(Jsonl(Result::kLeaseKeepAlive, [&](Printer& p) { p.LeaseKeepAlive(ka); }),
            "{\"id\":\"0000000000000001\",\"ttl\":59,\"revision\":8}\n");
}

TEST(JsonlPrinter, Members) {
  etcdserverpb::MemberListResponse r;
  r.mutable_header()->set_cluster_id(0xcdf818194e3a8c32ULL);
  auto* m = r.add_members();
  m->set_id(0x8e9e05c52164694dULL);
  m->set_name("default");
  m->add_peerurls("http://localhost:2380");
  m->add_clienturls("http://localhost:2379");
  r.add_members()->set_id(0x30843cc8cab4f40ULL);
  EXPECT_EQ(Jsonl(Result::kMemberList, [&](Printer& p) { p.MemberList({r}); }),
            "{\"id\":\"8e9e05c52164694d\",\"name\":\"default\",\"started\":true,"
            "\"peer_urls\":[\"http://localhost:2380\"],\"client_urls\":[\"http://localhost:2379\"],"
            "\"is_learner\":false,\"cluster_id\":\"cdf818194e3a8c32\"}\n"
            "{\"id\":\"30843cc8cab4f40\",\"name\":\"\",\"started\":false,\"peer_urls\":[],"
            "\"client_urls\":[],\"is_learner\":false,\"cluster_id\":\"cdf818194e3a8c32\"}\n");
  etcdserverpb::MemberRemoveResponse rm;
  rm.mutable_header()->set_cluster_id(0xcdf818194e3a8c32ULL);
  EXPECT_EQ(Jsonl(Result::kMemberChange,
                  [&](Printer& p) {
                    p.MemberChange({"removed from", 0x30843cc8cab4f40ULL, rm.header(),
                                    rm.members(), rm});
                  }),
            "{\"id\":\"30843cc8cab4f40\",\"action\":\"removed\",\"cluster_id\":\"cdf818194e3a8c32\"}\n");
}

TEST(JsonlPrinter, Endpoints) {
  std::vector<EndpointHealth> health{{"127.0.0.1:2379", true, "1.2ms", ""},
                                     {"127.0.0.1:2380", false, "", "context deadline exceeded"}};
  std::ostringstream err;
  EXPECT_EQ(Jsonl(Result::kEndpointHealth, [&](Printer& p) { p.EndpointHealth({health, err}); }),
            "{\"endpoint\":\"127.0.0.1:2379\",\"health\":true,\"took\":\"1.2ms\"}\n"
            "{\"endpoint\":\"127.0.0.1:2380\",\"health\":false,\"took\":\"\","
            "\"error\":\"context deadline exceeded\"}\n");
  std::vector<EndpointStatus> status(1);
  status[0].endpoint = "e1";
  auto& s = status[0].status;
  s.mutable_header()->set_member_id(0xaULL);
  s.mutable_header()->set_cluster_id(0xbULL);
  s.mutable_header()->set_revision(12);
  s.set_version("3.4.23");
  s.set_dbsize(20480);
  s.set_dbsizeinuse(16384);
  s.set_leader(0xaULL);
  s.set_raftterm(2);
  s.set_raftindex(30);
  s.set_raftappliedindex(30);
  EXPECT_EQ(Jsonl(Result::kEndpointStatus, [&](Printer& p) { p.EndpointStatus({status}); }),
            "{\"endpoint\":\"e1\",\"id\":\"a\",\"cluster_id\":\"b\",\"version\":\"3.4.23\","
            "\"db_size\":20480,\"db_size_in_use\":16384,\"leader\":\"a\",\"is_leader\":true,"
            "\"is_learner\":false,\"raft_term\":2,\"raft_index\":30,\"raft_applied_index\":30,"
            "\"errors\":[],\"revision\":12}\n");
  std::vector<EndpointHashKV> hashes(1);
  hashes[0].endpoint = "e1";
  hashes[0].hash.set_hash(3179000000u);
  hashes[0].hash.set_compact_revision(-1);
  hashes[0].hash.mutable_header()->set_revision(12);
  EXPECT_EQ(Jsonl(Result::kEndpointHashKV, [&](Printer& p) { p.EndpointHashKV({hashes}); }),
            "{\"endpoint\":\"e1\",\"hash\":3179000000,\"compact_revision\":-1,\"revision\":12}\n");
}

TEST(JsonlPrinter, AlarmsMoveLeaderSnapshotStatus) {
  etcdserverpb::AlarmResponse a;
  auto* alarm = a.add_alarms();
  alarm->set_memberid(0x8e9e05c52164694dULL);
  alarm->set_alarm(etcdserverpb::NOSPACE);
  EXPECT_EQ(Jsonl(Result::kAlarm, [&](Printer& p) { p.Alarm({a}); }),
            "{\"member_id\":\"8e9e05c52164694d\",\"alarm\":\"NOSPACE\"}\n");
  etcdserverpb::MoveLeaderResponse ml;
  EXPECT_EQ(Jsonl(Result::kMoveLeader, [&](Printer& p) { p.MoveLeader({0xa, 0xb, ml}); }),
            "{\"from\":\"a\",\"to\":\"b\"}\n");
  EXPECT_EQ(Jsonl(Result::kSnapshotStatus,
                  [&](Printer& p) { p.SnapshotStatus({0xcb6a3d77, 5, 8, 25000}); }),
            "{\"hash\":3412737399,\"revision\":5,\"total_key\":8,\"total_size\":25000}\n");
}

TEST(JsonlPrinter, Auth) {
  etcdserverpb::AuthUserAddResponse add;
  add.mutable_header()->set_revision(3);
  EXPECT_EQ(Jsonl(Result::kAuthChange,
                  [&](Printer& p) { p.AuthChange(add, add.header(), "User alice created"); }),
            "{\"message\":\"User alice created\",\"revision\":3}\n");
  etcdserverpb::AuthStatusResponse st;
  st.set_enabled(true);
  st.set_authrevision(7);
  EXPECT_EQ(Jsonl(Result::kAuthStatus, [&](Printer& p) { p.AuthStatus(st); }),
            "{\"enabled\":true,\"auth_revision\":7}\n");
  etcdserverpb::AuthUserGetResponse ug;
  ug.add_roles("r1");
  EXPECT_EQ(Jsonl(Result::kUserGet, [&](Printer& p) { p.UserGet(ug, "alice"); }),
            "{\"user\":\"alice\",\"roles\":[\"r1\"]}\n");
  etcdserverpb::AuthUserListResponse ul;
  ul.add_users("alice");
  ul.add_users("bob");
  EXPECT_EQ(Jsonl(Result::kUserList, [&](Printer& p) { p.UserList(ul); }),
            "{\"user\":\"alice\"}\n{\"user\":\"bob\"}\n");
  etcdserverpb::AuthRoleGetResponse rg;
  auto* one = rg.add_perm();
  one->set_permtype(authpb::Permission::READ);
  one->set_key("/a");
  auto* range = rg.add_perm();
  range->set_permtype(authpb::Permission::READWRITE);
  range->set_key("/b");
  range->set_range_end(std::string("\x00", 1));
  EXPECT_EQ(Jsonl(Result::kRoleGet, [&](Printer& p) { p.RoleGet(rg, "r1"); }),
            "{\"role\":\"r1\",\"permissions\":[{\"type\":\"READ\",\"key\":\"/a\"},"
            "{\"type\":\"READWRITE\",\"key\":\"/b\",\"range_end\":\"\\u0000\"}]}\n");
  etcdserverpb::AuthRoleListResponse rl;
  rl.add_roles("r1");
  EXPECT_EQ(Jsonl(Result::kRoleList, [&](Printer& p) { p.RoleList(rl); }),
            "{\"role\":\"r1\"}\n");
}

TEST(JsonlPrinter, AcceptsEveryResult) {
  std::ostringstream out;
  auto p = MakePrinter("jsonl", false, out);
  for (int k = 0; k <= static_cast<int>(Result::kRoleList); ++k) {
    EXPECT_NO_THROW(p->Require(static_cast<Result>(k))) << k;
  }
}

// Colour: off unless the CLI turns it on; then SGR codes around what helps a person.
TEST(Color, SimpleWatchEventTypes) {
  etcdserverpb::WatchResponse r;
  SetKv(r.add_events()->mutable_kv(), "k", "v", 1, 1, 1);
  auto* del = r.add_events();
  del->set_type(mvccpb::Event::DELETE);
  del->mutable_kv()->set_key("k");
  std::ostringstream plain, colored;
  {
    auto p = MakePrinter("simple", false, plain);
    p->Watch({r});
    auto c = MakePrinter("simple", false, colored);
    c->set_color(true);
    c->Watch({r});
  }
  EXPECT_EQ(plain.str(), "PUT\nk\nv\nDELETE\nk\n\n");
  EXPECT_EQ(colored.str(), "\x1b[32mPUT\x1b[0m\nk\nv\n\x1b[31mDELETE\x1b[0m\nk\n\n");
}

TEST(Color, TableHeaderBold) {
  std::ostringstream plain, colored;
  {
    auto p = MakePrinter("table", false, plain);
    p->SnapshotStatus({1, 2, 3, 4});
    auto c = MakePrinter("table", false, colored);
    c->set_color(true);
    c->SnapshotStatus({1, 2, 3, 4});
  }
  EXPECT_NE(colored.str().find("\x1b[1mHASH\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.str().find("\x1b[1mREVISION\x1b[0m"), std::string::npos);
  // Without the codes, the same table.
  std::string stripped = colored.str();
  for (const char* code : {"\x1b[1m", "\x1b[0m"}) {
    for (size_t pos; (pos = stripped.find(code)) != std::string::npos;) {
      stripped.erase(pos, std::string(code).size());
    }
  }
  EXPECT_EQ(stripped, plain.str());
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace ectl::output
