// A server with authentication enabled (simple tokens living 2 s, so that commands also
// meet expired tokens): enabling it, every password source, and the errors of a
// missing user, a wrong password and a missing permission, compared with etcdctl.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

class AuthEnabled : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    error_.clear();
    EtcdClusterOptions options;
    options.extra_args = {"--auth-token=simple", "--auth-token-ttl=2"};
    cluster_ = EtcdCluster::Start(options, &error_);
    if (!cluster_) return;
    dir_ = MakeTempDir("ectl-it-auth-");
    // The root role is deliberately missing: ectl's auth enable must create it.
    RunResult add = RunTool(Tool::kEctl, Cmd({"user", "add", "root:rootpw"}));
    RunResult enable = RunTool(Tool::kEctl, Cmd({"auth", "enable"}));
    if (add.exit_code != 0 || enable.exit_code != 0 ||
        enable.out != "Authentication Enabled\n") {
      error_ = "setup failed: " + add.err + enable.out + enable.err;
      return;
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"user", "add", "alice:alicepw"},
             {"role", "add", "reader"},
             {"role", "grant-permission", "reader", "read", "/a/", "--prefix"},
             {"user", "grant-role", "alice", "reader"},
             {"put", "/a/x", "1"},
         }) {
      auto inv = Cmd(args);
      inv.args.insert(inv.args.begin(), "--user=root:rootpw");
      RunResult r = RunTool(Tool::kEtcdctl, inv);
      if (r.exit_code != 0) error_ += "setup " + Join(args, " ") + ": " + r.err;
    }
  }
  static void TearDownTestSuite() {
    cluster_.reset();
    if (!dir_.empty()) std::remove((dir_ + "/pw").c_str()), rmdir(dir_.c_str());
  }
  void SetUp() override {
    ASSERT_NE(cluster_, nullptr) << error_;
    ASSERT_EQ(error_, "");
  }

  static Invocation Cmd(std::vector<std::string> args, std::string in = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.stdin_data = std::move(in);
    inv.endpoints = cluster_->ClientEndpoints();
    return inv;
  }
  static void ExpectSame(const Invocation& inv) {
    SCOPED_TRACE(Describe(inv));
    RunResult want = RunTool(Tool::kEtcdctl, inv);
    RunResult got = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(Printable(got.out), Printable(want.out));
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(LastLine(got.err), LastLine(want.err));
  }

  static std::unique_ptr<EtcdCluster> cluster_;
  static std::string error_, dir_;
};

std::unique_ptr<EtcdCluster> AuthEnabled::cluster_;
std::string AuthEnabled::error_, AuthEnabled::dir_;

TEST_F(AuthEnabled, ErrorsMatchOracle) {
  ExpectSame(Cmd({"get", "/a/x"}));                                   // user name is empty
  ExpectSame(Cmd({"--user=root:wrong", "get", "/a/x"}));              // exit 2
  ExpectSame(Cmd({"--user=nobody:pw", "get", "/a/x"}));
  ExpectSame(Cmd({"--user=alice:alicepw", "get", "/b"}));             // permission denied
  ExpectSame(Cmd({"--user=alice:alicepw", "put", "/a/x", "2"}));
  ExpectSame(Cmd({"--user=alice:alicepw", "get", "/a/", "--prefix"}));
  ExpectSame(Cmd({"--user=alice:alicepw", "user", "list"}));
  ExpectSame(Cmd({"--user=root:rootpw", "-w", "json", "user", "get", "alice", "--detail"}));
}

TEST_F(AuthEnabled, HintsPrecedeTheErrorLine) {
  RunResult r = RunTool(Tool::kEctl, Cmd({"--user=alice:alicepw", "get", "/b"}));
  EXPECT_NE(r.err.find("ectl: permission denied: no role of user \"alice\""), std::string::npos)
      << r.err;
  r = RunTool(Tool::kEctl, Cmd({"--user=root:wrong", "get", "/b"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ectl: authentication failed for user \"root\""), std::string::npos);
}

TEST_F(AuthEnabled, EveryPasswordSource) {
  const std::string file = dir_ + "/pw";
  std::ofstream(file) << "alicepw\n";
  chmod(file.c_str(), 0600);  // ectl refuses a password file others may read
  std::vector<Invocation> ways = {
      Cmd({"--user=alice:alicepw", "get", "/a/x"}),
      Cmd({"--user=alice", "--password=alicepw", "get", "/a/x"}),
      Cmd({"--user=alice", "--password-file=" + file, "get", "/a/x"}),
      Cmd({"--user=alice", "get", "/a/x"}, "alicepw\n"),  // not a terminal: one line
  };
  Invocation env = Cmd({"get", "/a/x"});
  env.env = {{"ETCDCTL_USER", "alice"}, {"ETCDCTL_PASSWORD", "alicepw"}};
  ways.push_back(env);
  env.env = {{"ETCDCTL_USER", "alice"}, {"ETCDCTL_PASSWORD_FILE", file}};
  ways.push_back(env);
  for (const auto& inv : ways) {
    SCOPED_TRACE(Describe(inv));
    RunResult r = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "/a/x\n1\n");
  }
  RunResult both = RunTool(Tool::kEctl, Cmd({"--user=alice", "--password=x",
                                             "--password-file=" + file, "get", "/a/x"}));
  EXPECT_EQ(both.exit_code, 128);
}

TEST_F(AuthEnabled, UserAddPasswordSources) {
  auto root = [](std::vector<std::string> args, std::string in = "") {
    auto inv = Cmd(std::move(args), std::move(in));
    inv.args.insert(inv.args.begin(), "--user=root:rootpw");
    return RunTool(Tool::kEctl, inv);
  };
  // --interactive=false takes the first word of stdin.
  ASSERT_EQ(root({"user", "add", "bob", "--interactive=false"}, "  bobpw rest\n").exit_code, 0);
  // bob has no role: permission denied (1) proves the password, a wrong one gives 2.
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"--user=bob:bobpw", "get", "/a/x"})).exit_code, 1);
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"--user=bob:rest", "get", "/a/x"})).exit_code, 2);
  ASSERT_EQ(root({"user", "passwd", "bob"}, "newpw\nnewpw\n").exit_code, 0);
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"--user=bob:newpw", "get", "/a/x"})).exit_code, 1);
  ASSERT_EQ(root({"user", "add", "carol", "--no-password"}).exit_code, 0);
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"--user=carol:x", "get", "/a/x"})).exit_code, 2);
  EXPECT_EQ(root({"user", "delete", "bob"}).exit_code, 0);
  EXPECT_EQ(root({"user", "delete", "carol"}).exit_code, 0);
}

TEST_F(AuthEnabled, DisableAndEnableAgain) {
  auto root = [](std::vector<std::string> args) {
    auto inv = Cmd(std::move(args));
    inv.args.insert(inv.args.begin(), "--user=root:rootpw");
    return RunTool(Tool::kEctl, inv);
  };
  RunResult off = root({"auth", "disable"});
  EXPECT_EQ(off.out, "Authentication Disabled\n") << off.err;
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"get", "/a/x"})).exit_code, 0);
  RunResult on = RunTool(Tool::kEctl, Cmd({"auth", "enable"}));
  EXPECT_EQ(on.out, "Authentication Enabled\n") << on.err;
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"get", "/a/x"})).exit_code, 1);
}

}  // namespace
}  // namespace ectl::integration

namespace ectl::integration {
namespace {

// The token ectl got at connect expires (--auth-token-ttl=2) while `lock` runs a command
// that outlives it; releasing the lock afterwards is a call with an expired token, which
// must succeed after ectl fetches a new one. Without the refresh the delete fails and
// the lock key stays behind.
TEST_F(AuthEnabled, ExpiredTokenIsRenewed) {
  Invocation inv = Cmd({"--user=root:rootpw", "lock", "renew-lock", "sleep", "4"});
  inv.timeout = std::chrono::seconds(30);
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  RunResult keys = RunTool(Tool::kEctl,
                           Cmd({"--user=root:rootpw", "get", "renew-lock/", "--prefix", "--keys-only"}));
  EXPECT_EQ(keys.exit_code, 0) << keys.err;
  EXPECT_EQ(keys.out, "") << "the lock key was not released";
}

}  // namespace
}  // namespace ectl::integration
