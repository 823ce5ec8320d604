// make-mirror between two single-member etcds: the initial copy, live changes, prefix
// rewriting, resuming with --rev, compaction, and argument errors.
#include <signal.h>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

class MakeMirror : public EtcdSuite {
 protected:
  static void SetUpTestSuite() {
    EtcdSuite::SetUpTestSuite();
    dest_error_.clear();
    dest_ = EtcdCluster::Start(EtcdClusterOptions{}, &dest_error_);
  }
  static void TearDownTestSuite() {
    dest_.reset();
    EtcdSuite::TearDownTestSuite();
  }
  void SetUp() override {
    EtcdSuite::SetUp();
    ASSERT_NE(dest_, nullptr) << dest_error_;
    ASSERT_EQ(RunTool(Tool::kEtcdctl, Dest({"del", "--prefix", ""})).exit_code, 0);
  }

  static Invocation Dest(std::vector<std::string> args) {
    Invocation inv;
    inv.args = std::move(args);
    inv.endpoints = dest_->ClientEndpoints();
    return inv;
  }
  // The destination's keys and values, as `get --prefix ""` prints them.
  static std::string DestState() { return RunTool(Tool::kEtcdctl, Dest({"get", "--prefix", ""})).out; }
  static bool WaitForDest(const std::string& expected) {
    for (int i = 0; i < 400; ++i) {
      if (DestState() == expected) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  std::unique_ptr<ChildProcess> Mirror(std::vector<std::string> flags) {
    flags.push_back(dest_->ClientEndpoint(0));
    flags.insert(flags.begin(), "make-mirror");
    Invocation inv = Cmd(flags);
    inv.env = {{"ECTL_MIRROR_PROGRESS_INTERVAL", "200ms"}};
    std::string error;
    auto p = StartCtl(ToolPath(Tool::kEctl), inv, &error);
    EXPECT_NE(p, nullptr) << error;
    return p;
  }

  static std::unique_ptr<EtcdCluster> dest_;
  static std::string dest_error_;
};

std::unique_ptr<EtcdCluster> MakeMirror::dest_;
std::string MakeMirror::dest_error_;

TEST_F(MakeMirror, CopiesThePrefixThenFollowsItsChanges) {
  PutAll({{"/src/a", "1"}, {"/src/b", "2"}, {"/src/c", "3"}, {"/other/x", "no"}});
  auto m = Mirror({"--prefix=/src/", "--dest-prefix=/dst/"});
  ASSERT_TRUE(WaitForDest("/dst/a\n1\n/dst/b\n2\n/dst/c\n3\n")) << DestState() << m->Err();

  Put("/src/d", "4");
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", "/src/a"})).exit_code, 0);
  // Two puts in one source revision arrive in one destination transaction.
  auto txn = RunTool(Tool::kEtcdctl, Cmd({"txn"}, "\nput /src/e 5\nput /src/f 6\n\n\n"));
  ASSERT_EQ(txn.exit_code, 0) << txn.err;
  ASSERT_TRUE(WaitForDest("/dst/b\n2\n/dst/c\n3\n/dst/d\n4\n/dst/e\n5\n/dst/f\n6\n"))
      << DestState();
  auto e = RunTool(Tool::kEtcdctl, Dest({"get", "/dst/e", "-w", "json"})).out;
  auto f = RunTool(Tool::kEtcdctl, Dest({"get", "/dst/f", "-w", "json"})).out;
  auto mod = [](const std::string& json) {
    return nlohmann::json::parse(json).at("kvs").at(0).at("mod_revision").get<int64_t>();
  };
  EXPECT_EQ(mod(e), mod(f));

  // The running total: 3 keys copied, then 4 changes.
  ASSERT_TRUE(m->WaitForOut([](const std::string& o) { return o.find("\n7\n") != std::string::npos || o.rfind("7\n", 0) == 0; }))
      << m->Out();
  for (char ch : m->Out()) EXPECT_TRUE(ch == '\n' || (ch >= '0' && ch <= '9'));
  m->Signal(SIGTERM);
  EXPECT_EQ(m->Wait(), 0);
  EXPECT_EQ(m->Err(), "");
}

TEST_F(MakeMirror, RevResumesAfterThatRevisionWithoutTheInitialCopy) {
  Put("/r/old", "before");
  const int64_t rev = Revision();
  Put("/r/new", "after");
  auto m = Mirror({"--prefix=/r/", "--no-dest-prefix", "--rev=" + std::to_string(rev)});
  ASSERT_TRUE(WaitForDest("new\nafter\n")) << DestState() << m->Err();
  Put("/r/later", "x");
  ASSERT_TRUE(WaitForDest("later\nx\nnew\nafter\n")) << DestState();
  m->Signal(SIGINT);
  EXPECT_EQ(m->Wait(), 0);
}

TEST_F(MakeMirror, CompactedRevisionIsAnError) {
  Put("/c/a", "1");
  Put("/c/a", "2");
  const int64_t rev = Revision();
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"compaction", std::to_string(rev)})).exit_code, 0);
  auto r = RunTool(Tool::kEctl, Cmd({"make-mirror", "--prefix=/c/", "--rev=1", dest_->ClientEndpoint(0)}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(LastLine(r.err), "Error: etcdserver: mvcc: required revision has been compacted");
}

TEST_F(MakeMirror, ArgumentErrorsAsEtcdctl) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"make-mirror"},
           {"make-mirror", "a", "b"},
           {"make-mirror", "--dest-prefix=x", "--no-dest-prefix", dest_->ClientEndpoint(0)}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

// etcdctl 3.5's --dest-user/--dest-password: user:password in one flag, the password in
// its own flag, or read from stdin ("Destination Password: " on a terminal). Without them an
// auth-enabled destination refuses the copy.
TEST_F(MakeMirror, DestUserAndPasswordForAnAuthEnabledDestination) {
  std::string error;
  auto secured = EtcdCluster::Start(EtcdClusterOptions{}, &error);
  ASSERT_NE(secured, nullptr) << error;
  auto on_secured = [&](std::vector<std::string> args, std::string in = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.endpoints = secured->ClientEndpoints();
    inv.stdin_data = std::move(in);
    return RunTool(Tool::kEtcdctl, inv);
  };
  ASSERT_EQ(on_secured({"user", "add", "root:pw"}).exit_code, 0);
  ASSERT_EQ(on_secured({"user", "grant-role", "root", "root"}).exit_code, 0);
  ASSERT_EQ(on_secured({"auth", "enable"}).exit_code, 0);
  auto secured_state = [&] { return on_secured({"--user=root:pw", "get", "--prefix", ""}).out; };

  PutAll({{"/au/a", "1"}});
  struct Case {
    std::vector<std::string> flags;
    std::string prompt_answer;
  };
  for (const Case& c : std::vector<Case>{{{"--dest-user=root:pw"}, ""},
                                         {{"--dest-user=root", "--dest-password=pw"}, ""},
                                         {{"--dest-user=root"}, "pw\n"}}) {
    ASSERT_EQ(on_secured({"--user=root:pw", "del", "--prefix", ""}).exit_code, 0);
    std::vector<std::string> args = {"make-mirror", "--prefix=/au/"};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    args.push_back(secured->ClientEndpoint(0));
    Invocation inv = Cmd(args, c.prompt_answer);
    inv.env = {{"ECTL_MIRROR_PROGRESS_INTERVAL", "200ms"}};
    auto m = StartCtl(ToolPath(Tool::kEctl), inv, &error);
    ASSERT_NE(m, nullptr) << error;
    if (!c.prompt_answer.empty()) m->WriteStdin(c.prompt_answer);
    bool copied = false;
    for (int i = 0; i < 400 && !copied; ++i) {
      copied = secured_state() == "/au/a\n1\n";
      if (!copied) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(copied) << c.flags.back() << ": " << secured_state() << m->Err();
    m->Signal(SIGTERM);
    EXPECT_EQ(m->Wait(), 0) << m->Err();
    // From a pipe the answer is read without a prompt (as for --user); never echoed.
    EXPECT_EQ(m->Err().find("pw"), std::string::npos) << m->Err();
  }

  // No credentials: the destination refuses, exit 1, nothing written.
  ASSERT_EQ(on_secured({"--user=root:pw", "del", "--prefix", ""}).exit_code, 0);
  RunResult r = RunTool(Tool::kEctl, Cmd({"make-mirror", "--prefix=/au/", secured->ClientEndpoint(0)}));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(LastLine(r.err).find("user name is empty"), std::string::npos) << r.err;
  EXPECT_EQ(secured_state(), "");
}

}  // namespace
}  // namespace ectl::integration
