// member list/add/update/promote/remove and move-leader against a 3-member cluster,
// compared with etcdctl 3.4.
#include <filesystem>
#include <regex>
#include <thread>

#include "binaries.h"
#include "cluster_suite.h"
#include "process.h"

namespace ectl::integration {
namespace {

class ClusterMembers : public ClusterSuite<ClusterMembers> {
 protected:
  // The member list as etcdctl prints it (simple).
  static std::string Members() {
    return RunTool(Tool::kEtcdctl, Cmd({"member", "list"}, cluster().ClientEndpoint(0))).out;
  }
  // Polls until pred(member list) holds (etcd applies membership changes asynchronously).
  template <typename Pred>
  static bool WaitMembers(Pred pred) {
    for (int i = 0; i < 200; ++i) {
      if (pred(Members())) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
};

TEST_F(ClusterMembers, ListInEveryFormatAsEtcdctl) {
  // One endpoint, so that the header names the same member for both tools.
  for (const char* w : {"simple", "json", "fields", "table", "protobuf"}) {
    SCOPED_TRACE(w);
    ExpectSameAsEtcdctl(Cmd({"-w", w, "member", "list"}, cluster().ClientEndpoint(1)));
  }
  ExpectSameAsEtcdctl(Cmd({"--hex", "-w", "json", "member", "list"}, cluster().ClientEndpoint(1)));
  // Over all endpoints only the header's member may differ; the rows may not.
  ExpectSameAsEtcdctl(Cmd({"-w", "table", "member", "list"}));
}

TEST_F(ClusterMembers, ArgumentErrorsAsEtcdctl) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"member", "add"},
           {"member", "add", "a", "http://127.0.0.1:1", "b"},
           {"member", "add", "a"},
           {"member", "remove"},
           {"member", "remove", "zz"},
           {"member", "update", "1"},
           {"member", "update"},
           {"member", "update", "xyz", "--peer-urls=http://a:1"},
           {"member", "promote"},
           {"member", "promote", "zz"},
           {"move-leader"},
           {"move-leader", "zz"},
           {"member", "remove", "1"},
           {"member", "update", "1", "--peer-urls=http://127.0.0.1:1"}}) {
    ExpectSameAsEtcdctl(Cmd(args));
  }
}

TEST_F(ClusterMembers, AddLearnerPromoteRemove) {
  const std::string before = Members();
  // fields and table are refused before the member is added (etcdctl adds it first).
  std::vector<int> ports = PickFreePorts(2);
  ASSERT_EQ(ports.size(), 2u);
  const std::string peer = "http://127.0.0.1:" + std::to_string(ports[0]);
  const std::string client = "http://127.0.0.1:" + std::to_string(ports[1]);
  RunResult refused = RunTool(Tool::kEctl, Cmd({"-w", "fields", "member", "add", "l1",
                                                "--peer-urls=" + peer, "--learner"}));
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_EQ(LastLine(refused.err), "Error: fields not supported as output format");
  EXPECT_EQ(Members(), before);

  // etcd refuses membership changes until its members have been connected for 5 s
  // ("unhealthy cluster"), which a just-started cluster may not yet be.
  RunResult add;
  for (int i = 0; i < 100; ++i) {
    add = RunTool(Tool::kEctl, Cmd({"member", "add", "l1", "--peer-urls=" + peer, "--learner"},
                                   cluster().ClientEndpoint(0)));
    if (LastLine(add.err) != "Error: etcdserver: unhealthy cluster") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  ASSERT_EQ(add.exit_code, 0) << add.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(add.out, m, std::regex("^Member ([ 0-9a-f]{16}) added to cluster "
                                                       "[ 0-9a-f]{16}\n\nETCD_NAME=\"l1\"\n")))
      << add.out;
  std::string id = m[1].str();
  id.erase(0, id.find_first_not_of(' '));
  EXPECT_NE(add.out.find("ETCD_INITIAL_ADVERTISE_PEER_URLS=\"" + peer + "\"\n"
                         "ETCD_INITIAL_CLUSTER_STATE=\"existing\"\n"),
            std::string::npos) << add.out;
  std::smatch ic;
  ASSERT_TRUE(std::regex_search(add.out, ic, std::regex("ETCD_INITIAL_CLUSTER=\"([^\"]*)\"")));
  EXPECT_NE(ic[1].str().find("l1=" + peer), std::string::npos);
  EXPECT_NE(ic[1].str().find("m0=" + cluster().member(0).PeerUrl()), std::string::npos);
  EXPECT_NE(Members().find(id + ", unstarted, , " + peer + ", , true"), std::string::npos);

  // An unstarted learner cannot be promoted: both tools report the server's error, and
  // ectl does not panic on -w json as etcdctl 3.4 does.
  ExpectSameAsEtcdctl(Cmd({"member", "promote", id}, cluster().ClientEndpoint(0)));
  RunResult json = RunTool(Tool::kEctl, Cmd({"-w", "json", "member", "promote", id}));
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_EQ(LastLine(json.err),
            "Error: etcdserver: can only promote a learner member which is in sync with leader");

  // Start the learner, then promote it once it has caught up.
  EnvChanges env;
  env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
  std::string dir = MakeTempDir("ectl-it-learner-");
  std::string error;
  auto learner = BackgroundProcess::Start(
      {kEtcdBinary, "--name=l1", "--data-dir=" + dir + "/l1.etcd", "--listen-client-urls=" + client,
       "--advertise-client-urls=" + client, "--listen-peer-urls=" + peer,
       "--initial-advertise-peer-urls=" + peer, "--initial-cluster=" + ic[1].str(),
       "--initial-cluster-state=existing"},
      env, dir + "/l1.log", &error);
  ASSERT_NE(learner, nullptr) << error;
  RunResult promoted;
  for (int i = 0; i < 100; ++i) {
    promoted = RunTool(Tool::kEctl, Cmd({"member", "promote", id}, cluster().ClientEndpoint(0)));
    if (promoted.exit_code == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  EXPECT_EQ(promoted.exit_code, 0) << promoted.err;
  EXPECT_TRUE(std::regex_match(promoted.out, std::regex("Member [ 0-9a-f]{16} promoted in cluster "
                                                        "[ 0-9a-f]{16}\n")))
      << promoted.out;
  EXPECT_TRUE(WaitMembers([&](const std::string& s) {
    return s.find(id + ", started, l1, " + peer + ", " + client + ", false") != std::string::npos;
  })) << Members();

  RunResult removed = RunTool(Tool::kEctl, Cmd({"member", "remove", id}, cluster().ClientEndpoint(0)));
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_TRUE(std::regex_match(removed.out, std::regex("Member [ 0-9a-f]{16} removed from cluster "
                                                       "[ 0-9a-f]{16}\n")))
      << removed.out;
  learner->Stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  EXPECT_TRUE(WaitMembers([&](const std::string& s) { return s == before; })) << Members();
}

TEST_F(ClusterMembers, UpdateAsEtcdctl) {
  // Setting a member's peer URL to its current value changes nothing and answers as a
  // real update does.
  const auto& m = cluster().member(2);
  std::string list = Members();
  size_t at = list.find(", m2, ");
  ASSERT_NE(at, std::string::npos);
  std::string id = list.substr(list.rfind('\n', at) == std::string::npos ? 0 : list.rfind('\n', at) + 1);
  id = id.substr(0, id.find(','));
  for (const char* w : {"simple", "json", "protobuf"}) {
    SCOPED_TRACE(w);
    ExpectSameAsEtcdctl(Cmd({"-w", w, "member", "update", id, "--peer-urls=" + m.PeerUrl()},
                            cluster().ClientEndpoint(0)));
  }
  RunResult refused = RunTool(Tool::kEctl, Cmd({"-w", "table", "member", "update", id,
                                                "--peer-urls=http://127.0.0.1:1"}));
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(Members().find(m.PeerUrl()), std::string::npos);
}

TEST_F(ClusterMembers, MoveLeader) {
  Roles roles = FindRoles(cluster());
  ASSERT_FALSE(roles.leader.empty());
  ASSERT_FALSE(roles.follower.empty());
  // fields is refused before the transfer.
  RunResult refused = RunTool(Tool::kEctl, Cmd({"-w", "fields", "move-leader", roles.follower}));
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_EQ(FindRoles(cluster()).leader, roles.leader);

  RunResult moved = RunTool(Tool::kEctl, Cmd({"move-leader", roles.follower}));
  EXPECT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_EQ(moved.out, "Leadership transferred from " + roles.leader + " to " + roles.follower + "\n");
  Roles now;
  for (int i = 0; i < 100 && now.leader != roles.follower; ++i) {
    now = FindRoles(cluster());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(now.leader, roles.follower);

  // Back again with etcdctl and with ectl -w json: the same document.
  RunResult want = RunTool(Tool::kEtcdctl, Cmd({"-w", "json", "move-leader", roles.leader},
                                               now.leader_endpoint + "," + now.follower_endpoint));
  ASSERT_EQ(want.exit_code, 0) << want.err;
  Roles back;
  for (int i = 0; i < 100 && back.leader != roles.leader; ++i) {
    back = FindRoles(cluster());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  RunResult got = RunTool(Tool::kEctl, Cmd({"-w", "json", "move-leader", roles.follower},
                                           back.leader_endpoint + "," + back.follower_endpoint));
  EXPECT_EQ(got.exit_code, 0) << got.err;
  // Both answer from the old leader; the numbers (term, member) may differ.
  std::regex number("[0-9]+");
  EXPECT_EQ(std::regex_replace(got.out, number, "N"), std::regex_replace(want.out, number, "N"));

  // No leader among the endpoints given.
  Roles last = FindRoles(cluster());
  ExpectSameAsEtcdctl(Cmd({"move-leader", last.leader}, last.follower_endpoint));
}

}  // namespace
}  // namespace ectl::integration
