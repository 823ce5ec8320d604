// elect against real etcd: two candidates and an observer, resignation on SIGTERM,
// session loss, and argument errors, with etcdctl 3.4 as the oracle where it can be.
#include <signal.h>

#include <regex>

#include "child_process.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

class Elect : public EtcdSuite {
 protected:
  std::unique_ptr<ChildProcess> Spawn(Tool tool, std::vector<std::string> args) {
    std::string error;
    auto p = StartCtl(ToolPath(tool), Cmd(std::move(args)), &error);
    EXPECT_NE(p, nullptr) << error;
    return p;
  }
  static bool HasLines(ChildProcess& p, size_t n) {
    return p.WaitForOut([n](const std::string& o) { return LineCount(o) >= n; });
  }
};

TEST_F(Elect, ObserverSeesTheLeaderChangeWhenTheFirstResigns) {
  auto observer = Spawn(Tool::kEctl, {"elect", "-l", "E"});
  auto first = Spawn(Tool::kEctl, {"elect", "E", "p1"});
  ASSERT_TRUE(HasLines(*first, 2)) << first->Err();
  EXPECT_TRUE(std::regex_match(first->Out(), std::regex("E/[0-9a-f]+\np1\n"))) << first->Out();
  ASSERT_TRUE(HasLines(*observer, 2)) << observer->Err();
  EXPECT_EQ(observer->Out(), first->Out());

  auto second = Spawn(Tool::kEctl, {"elect", "E", "p2"});
  // The second candidate waits: its key is there, it prints nothing yet.
  for (int i = 0; i < 400; ++i) {
    auto keys = RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "E/", "--keys-only"})).out;
    if (LineCount(keys) == 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(second->Out(), "");

  first->Signal(SIGTERM);
  EXPECT_EQ(first->Wait(), 0) << first->Err();
  ASSERT_TRUE(HasLines(*second, 2)) << second->Err();
  EXPECT_TRUE(std::regex_match(second->Out(), std::regex("E/[0-9a-f]+\np2\n")));
  ASSERT_TRUE(HasLines(*observer, 4));
  EXPECT_EQ(observer->Out(), first->Out() + second->Out());

  second->Signal(SIGINT);
  EXPECT_EQ(second->Wait(), 0);
  observer->Signal(SIGTERM);
  EXPECT_EQ(observer->Wait(), 0);
  EXPECT_EQ(observer->Err(), "");
  EXPECT_EQ(RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "E/"})).out, "");
}

TEST_F(Elect, ObserverFollowsEtcdctlCandidates) {
  auto observer = Spawn(Tool::kEctl, {"elect", "-l", "O"});
  auto oracle_observer = Spawn(Tool::kEtcdctl, {"elect", "-l", "O"});
  auto candidate = Spawn(Tool::kEtcdctl, {"elect", "O", "v1"});
  ASSERT_TRUE(HasLines(*candidate, 2));
  ASSERT_TRUE(HasLines(*observer, 2));
  ASSERT_TRUE(HasLines(*oracle_observer, 2));
  EXPECT_EQ(observer->Out(), oracle_observer->Out());
  candidate->Signal(SIGTERM);
  EXPECT_EQ(candidate->Wait(), 0);
  observer->Signal(SIGTERM);
  oracle_observer->Signal(SIGTERM);
  EXPECT_EQ(observer->Wait(), 0);
  EXPECT_EQ(oracle_observer->Wait(), 0);
}

TEST_F(Elect, LostSessionEndsWithSessionExpired) {
  auto leader = Spawn(Tool::kEctl, {"elect", "S", "x"});
  ASSERT_TRUE(HasLines(*leader, 2));
  std::string lease = leader->Out().substr(2, leader->Out().find('\n') - 2);
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"lease", "revoke", lease})).exit_code, 0);
  // The loss shows at the next renewal, a third of elect's 60 s TTL away.
  EXPECT_EQ(leader->Wait(std::chrono::seconds(45)), 1);
  EXPECT_EQ(LastLine(leader->Err()), "Error: elect: session expired");
}

TEST_F(Elect, ArgumentErrorsAsEtcdctl) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"elect"}, {"elect", "a"}, {"elect", "-l", "a", "b"}, {"elect", "a", "b", "c"}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

}  // namespace
}  // namespace ectl::integration
