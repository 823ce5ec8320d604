// The cluster results in every format, golden strings from etcdctl 3.4.23.
#include <gtest/gtest.h>

#include <sstream>

#include "common/error.h"
#include "output/cluster_results.h"
#include "output/printer.h"

namespace ectl::output {
namespace {

void FillHeader(etcdserverpb::ResponseHeader* h) {
  h->set_cluster_id(2755613793311995676ULL);
  h->set_member_id(9829954754940738069ULL);
  h->set_raft_term(2);
}

etcdserverpb::MemberListResponse OneMember() {
  etcdserverpb::MemberListResponse r;
  FillHeader(r.mutable_header());
  auto* m = r.add_members();
  m->set_id(9829954754940738069ULL);
  m->set_name("r1");
  m->add_peerurls("http://127.0.0.1:24800");
  m->add_clienturls("http://127.0.0.1:24790");
  return r;
}

template <typename Fn>
std::string Print(std::string_view format, Fn fn) {
  std::ostringstream out;
  {
    auto p = MakePrinter(format, false, out);
    fn(*p);
  }
  return out.str();
}

TEST(ClusterPrinter, MemberList) {
  auto r = OneMember();
  auto print = [&](Printer& p) { p.MemberList({r}); };
  EXPECT_EQ(Print("simple", print),
            "886b03c4ae679a15, started, r1, http://127.0.0.1:24800, http://127.0.0.1:24790, false\n");
  EXPECT_EQ(Print("json", print),
            "{\"header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"raft_term\":2},\"members\":[{\"ID\":9829954754940738069,\"name\":\"r1\",\"peerURLs\":"
            "[\"http://127.0.0.1:24800\"],\"clientURLs\":[\"http://127.0.0.1:24790\"]}]}\n");
  EXPECT_EQ(Print("fields", print),
            "\"ClusterID\" : 2755613793311995676\n\"MemberID\" : 9829954754940738069\n"
            "\"Revision\" : 0\n\"RaftTerm\" : 2\n\"ID\" : 9829954754940738069\n\"Name\" : \"r1\"\n"
            "\"PeerURL\" : \"http://127.0.0.1:24800\"\n\"ClientURL\" : \"http://127.0.0.1:24790\"\n"
            "\"IsLearner\" : false\n\n");
}

TEST(ClusterPrinter, MemberAddSimpleHasTheEnvironmentLines) {
  etcdserverpb::MemberAddResponse r;
  FillHeader(r.mutable_header());
  r.mutable_member()->set_id(0x30843cc8cab4f40ULL);
  r.mutable_member()->add_peerurls("http://127.0.0.1:24801");
  auto* other = r.add_members();
  *other = OneMember().members(0);
  other->clear_peerurls();
  other->add_peerurls("http://127.0.0.1:24800");
  *r.add_members() = r.member();
  // etcd lists the new member last here; the order of the response is kept.
  EXPECT_EQ(Print("simple", [&](Printer& p) { p.MemberAdd({r, "l1", "http://127.0.0.1:24801"}); }),
            "Member  30843cc8cab4f40 added to cluster 263de8252887371c\n\n"
            "ETCD_NAME=\"l1\"\n"
            "ETCD_INITIAL_CLUSTER=\"r1=http://127.0.0.1:24800,l1=http://127.0.0.1:24801\"\n"
            "ETCD_INITIAL_ADVERTISE_PEER_URLS=\"http://127.0.0.1:24801\"\n"
            "ETCD_INITIAL_CLUSTER_STATE=\"existing\"\n");
  EXPECT_THROW(Print("fields", [&](Printer& p) { p.Require(Result::kMemberAdd); }), Error);
  EXPECT_THROW(Print("table", [&](Printer& p) { p.Require(Result::kMemberAdd); }), Error);
}

TEST(ClusterPrinter, MemberChange) {
  etcdserverpb::MemberRemoveResponse r;
  FillHeader(r.mutable_header());
  *r.add_members() = OneMember().members(0);
  auto print = [&](Printer& p) {
    p.MemberChange({"removed from", 0x30843cc8cab4f40ULL, r.header(), r.members(), r});
  };
  EXPECT_EQ(Print("simple", print), "Member  30843cc8cab4f40 removed from cluster 263de8252887371c\n");
  EXPECT_EQ(Print("json", print),
            "{\"header\":{\"cluster_id\":2755613793311995676,\"member_id\":9829954754940738069,"
            "\"raft_term\":2},\"members\":[{\"ID\":9829954754940738069,\"name\":\"r1\",\"peerURLs\":"
            "[\"http://127.0.0.1:24800\"],\"clientURLs\":[\"http://127.0.0.1:24790\"]}]}\n");
  EXPECT_EQ(Print("protobuf", print), r.SerializeAsString());
}

TEST(ClusterPrinter, EndpointHealth) {
  std::vector<EndpointHealth> list{{"127.0.0.1:24790", true, "2.788201ms", ""},
                                   {"127.0.0.1:24799", false, "5.00112352s", "context deadline exceeded"}};
  std::ostringstream err;
  auto print = [&](Printer& p) { p.EndpointHealth({list, err}); };
  EXPECT_EQ(Print("simple", print),
            "127.0.0.1:24790 is healthy: successfully committed proposal: took = 2.788201ms\n");
  EXPECT_EQ(err.str(),
            "127.0.0.1:24799 is unhealthy: failed to commit proposal: context deadline exceeded\n");
  EXPECT_EQ(Print("json", print),
            "[{\"endpoint\":\"127.0.0.1:24790\",\"health\":true,\"took\":\"2.788201ms\"},"
            "{\"endpoint\":\"127.0.0.1:24799\",\"health\":false,\"took\":\"5.00112352s\","
            "\"error\":\"context deadline exceeded\"}]\n");
  EXPECT_EQ(Print("fields", print),
            "\"Endpoint\" : \"127.0.0.1:24790\"\n\"Health\" : true\n\"Took\" : 2.788201ms\n"
            "\"Error\" : \n\n"
            "\"Endpoint\" : \"127.0.0.1:24799\"\n\"Health\" : false\n\"Took\" : 5.00112352s\n"
            "\"Error\" : context deadline exceeded\n\n");
  EXPECT_THROW(Print("protobuf", print), Error);
}

TEST(ClusterPrinter, EndpointStatusJsonAndFields) {
  EndpointStatus e;
  e.endpoint = "127.0.0.1:24790";
  FillHeader(e.status.mutable_header());
  e.status.mutable_header()->set_revision(54);
  e.status.set_version("3.4.23");
  e.status.set_dbsize(24576);
  e.status.set_leader(9829954754940738069ULL);
  e.status.set_raftindex(87);
  e.status.set_raftterm(2);
  e.status.set_raftappliedindex(87);
  e.status.set_dbsizeinuse(20480);
  std::vector<EndpointStatus> list{e};
  auto print = [&](Printer& p) { p.EndpointStatus({list}); };
  EXPECT_EQ(Print("json", print),
            "[{\"Endpoint\":\"127.0.0.1:24790\",\"Status\":{\"header\":{\"cluster_id\":"
            "2755613793311995676,\"member_id\":9829954754940738069,\"revision\":54,\"raft_term\":2},"
            "\"version\":\"3.4.23\",\"dbSize\":24576,\"leader\":9829954754940738069,\"raftIndex\":87,"
            "\"raftTerm\":2,\"raftAppliedIndex\":87,\"dbSizeInUse\":20480}}]\n");
  EXPECT_EQ(Print("fields", print),
            "\"ClusterID\" : 2755613793311995676\n\"MemberID\" : 9829954754940738069\n"
            "\"Revision\" : 54\n\"RaftTerm\" : 2\n\"Version\" : \"3.4.23\"\n\"DBSize\" : 24576\n"
            "\"Leader\" : 9829954754940738069\n\"IsLearner\" : false\n\"RaftIndex\" : 87\n"
            "\"RaftTerm\" : 2\n\"RaftAppliedIndex\" : 87\n\"Errors\" : []\n"
            "\"Endpoint\" : \"127.0.0.1:24790\"\n\n");
  EXPECT_EQ(Print("json", [&](Printer& p) { p.EndpointStatus({{}}); }), "[]\n");
}

TEST(ClusterPrinter, AlarmsWithoutHeader) {
  etcdserverpb::AlarmResponse r;
  auto* a = r.add_alarms();
  a->set_memberid(9829954754940738069ULL);
  a->set_alarm(etcdserverpb::NOSPACE);
  auto print = [&](Printer& p) { p.Alarm({r}); };
  EXPECT_EQ(Print("simple", print), "memberID:9829954754940738069 alarm:NOSPACE \n");
  EXPECT_EQ(Print("json", print), "{\"alarms\":[{\"memberID\":9829954754940738069,\"alarm\":1}]}\n");
  // etcdctl panics here; ectl prints the missing header as zeros.
  EXPECT_EQ(Print("fields", print),
            "\"ClusterID\" : 0\n\"MemberID\" : 0\n\"Revision\" : 0\n\"RaftTerm\" : 0\n"
            "\"MemberID\" : 9829954754940738069\n\"AlarmType\" : NOSPACE\n\n");
  etcdserverpb::AlarmResponse none;
  EXPECT_EQ(Print("json", [&](Printer& p) { p.Alarm({none}); }), "{}\n");
  EXPECT_EQ(Print("simple", [&](Printer& p) { p.Alarm({none}); }), "");
}

TEST(ClusterPrinter, MoveLeaderAndSnapshotStatus) {
  etcdserverpb::MoveLeaderResponse r;
  EXPECT_EQ(Print("simple", [&](Printer& p) { p.MoveLeader({0x886b03c4ae679a15ULL, 0x30843cc8cab4f40ULL, r}); }),
            "Leadership transferred from 886b03c4ae679a15 to 30843cc8cab4f40\n");
  SnapshotStatusResult s{0xe46e66b7, 55, 70, 24576};
  auto print = [&](Printer& p) { p.SnapshotStatus(s); };
  EXPECT_EQ(Print("simple", print), "e46e66b7, 55, 70, 25 kB\n");
  EXPECT_EQ(Print("json", print), "{\"hash\":3832440503,\"revision\":55,\"totalKey\":70,\"totalSize\":24576}\n");
  EXPECT_EQ(Print("fields", print), "\"Hash\" : 3832440503\n\"Revision\" : 55\n\"Keys\" : 70\n\"Size\" : 24576\n");
  EXPECT_THROW(Print("protobuf", print), Error);
}

}  // namespace
}  // namespace ectl::output
