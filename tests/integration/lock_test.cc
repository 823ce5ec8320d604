// lock against real etcd: queueing, release on SIGTERM, the command mode, and errors,
// with etcdctl 3.4 as the oracle for output shapes and error texts.
#include <signal.h>

#include <algorithm>
#include <regex>

#include "child_process.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

class Lock : public EtcdSuite {
 protected:
  std::unique_ptr<ChildProcess> Spawn(Tool tool, std::vector<std::string> args,
                                       std::vector<std::pair<std::string, std::string>> env = {}) {
    Invocation inv = Cmd(std::move(args));
    inv.env = std::move(env);
    std::string error;
    auto p = StartCtl(ToolPath(tool), inv, &error);
    EXPECT_NE(p, nullptr) << error;
    return p;
  }

  // The keys under prefix, one per line.
  static std::string Keys(const std::string& prefix) {
    return RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", prefix, "--keys-only"})).out;
  }
  static size_t KeyCount(const std::string& prefix) {
    return LineCount(Keys(prefix)) / 2;  // --keys-only prints a blank line after each key
  }
  static bool WaitForKeyCount(const std::string& prefix, size_t n) {
    for (int i = 0; i < 400; ++i) {
      if (KeyCount(prefix) == n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
};

const std::regex kHeldSimple("L/[0-9a-f]+\n\n");

TEST_F(Lock, SecondContenderWaitsUntilTheFirstIsReleased) {
  auto first = Spawn(Tool::kEctl, {"lock", "L"});
  ASSERT_TRUE(first->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }))
      << first->Err();
  EXPECT_TRUE(std::regex_match(first->Out(), kHeldSimple)) << Printable(first->Out());

  auto second = Spawn(Tool::kEctl, {"lock", "L"});
  // Queued: its key exists, but it holds nothing and prints nothing.
  ASSERT_TRUE(WaitForKeyCount("L/", 2));
  EXPECT_EQ(second->Out(), "");

  first->Signal(SIGTERM);
  EXPECT_EQ(first->Wait(), 0) << first->Err();
  EXPECT_EQ(first->Err(), "");
  ASSERT_TRUE(second->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }))
      << second->Err();
  EXPECT_TRUE(std::regex_match(second->Out(), kHeldSimple));
  EXPECT_NE(second->Out(), first->Out());  // another session, another key
  EXPECT_EQ(KeyCount("L/"), 1u);

  second->Signal(SIGINT);
  EXPECT_EQ(second->Wait(), 0) << second->Err();
  EXPECT_EQ(KeyCount("L/"), 0u);
  // The sessions' leases were revoked, not left to expire.
  for (const auto* p : {first.get(), second.get()}) {
    // The key carries the lease ID as etcd's concurrency package writes it, unpadded
    // (%x); `lease timetolive` prints the ID zero-padded to 16 digits (%016x).
    std::string lease = p->Out().substr(2, p->Out().find('\n') - 2);
    auto ttl = RunTool(Tool::kEtcdctl, Cmd({"lease", "timetolive", lease}));
    EXPECT_EQ(ttl.out, "lease " + std::string(16 - std::min<size_t>(lease.size(), 16), '0') +
                           lease + " already expired\n");
  }
}

TEST_F(Lock, EctlAndEtcdctlQueueTogether) {
  auto holder = Spawn(Tool::kEtcdctl, {"lock", "L"});
  ASSERT_TRUE(holder->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }));
  auto waiter = Spawn(Tool::kEctl, {"lock", "L"});
  ASSERT_TRUE(WaitForKeyCount("L/", 2));
  EXPECT_EQ(waiter->Out(), "");
  holder->Signal(SIGTERM);
  EXPECT_EQ(holder->Wait(), 0);
  ASSERT_TRUE(waiter->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }));
  waiter->Signal(SIGTERM);
  EXPECT_EQ(waiter->Wait(), 0);
}

// The key is printed through the get printer, as etcdctl prints it.
TEST_F(Lock, OutputFormatsMatchEtcdctl) {
  for (const char* format : {"json", "fields"}) {
    SCOPED_TRACE(format);
    std::string shapes[2];
    for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
      auto p = Spawn(tool, {"-w", format, "lock", "F"});
      ASSERT_TRUE(p->WaitForOut([](const std::string& o) { return o.find("ount") != std::string::npos; }))
          << p->Err();
      p->Signal(SIGTERM);
      EXPECT_EQ(p->Wait(), 0);
      // IDs, revisions and the key (its lease part) differ from run to run.
      std::string shape = std::regex_replace(p->Out(), std::regex("F/[0-9a-f]+"), "F/H");
      shape = std::regex_replace(shape, std::regex("\"key\":\"[^\"]*\""), "\"key\":K");
      shape = std::regex_replace(shape, std::regex("[0-9]+"), "N");
      shapes[tool == Tool::kEctl] = shape;
      WipeKeyspace();  // etcdctl leaves its lease; its key must not queue ectl
    }
    EXPECT_EQ(shapes[1], shapes[0]);
  }
}

TEST_F(Lock, TableIsRefusedBeforeLocking) {
  auto r = RunTool(Tool::kEctl, Cmd({"-w", "table", "lock", "T"}));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: table not supported as output format");
  EXPECT_EQ(KeyCount("T/"), 0u);
}

TEST_F(Lock, CommandGetsTheLockInItsEnvironmentAndItsExitStatusIsKept) {
  const std::vector<std::string> args = {
      "lock", "C", "--", "sh", "-c", "echo KEY=$ETCD_LOCK_KEY REV=$ETCD_LOCK_REV; exit 7"};
  const std::regex line("KEY=C/[0-9a-f]+ REV=[0-9]+\n");
  auto oracle = RunTool(Tool::kEtcdctl, Cmd(args));
  EXPECT_TRUE(std::regex_match(oracle.out, line)) << oracle.out;
  WipeKeyspace();
  auto r = RunTool(Tool::kEctl, Cmd(args));
  EXPECT_TRUE(std::regex_match(r.out, line)) << r.out;
  EXPECT_EQ(LastLine(r.err), LastLine(oracle.err));  // Error: exit status 7
  EXPECT_EQ(r.exit_code, 7);  // etcdctl 3.4 exits 1; 3.5 and later pass the status on
  EXPECT_EQ(KeyCount("C/"), 0u);

  auto ok = RunTool(Tool::kEctl, Cmd({"lock", "C", "--", "sh", "-c", "test -n \"$ETCD_LOCK_KEY\""}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_EQ(ok.out, "");
  EXPECT_EQ(ok.err, "");
}

TEST_F(Lock, CommandThatCannotRunIsReportedAsEtcdctlDoes) {
  for (std::string cmd : {"/nonexistent/bin", "no-such-command-anywhere"}) {
    auto oracle = RunTool(Tool::kEtcdctl, Cmd({"lock", "X", cmd}));
    WipeKeyspace();
    auto r = RunTool(Tool::kEctl, Cmd({"lock", "X", cmd}));
    EXPECT_EQ(r.exit_code, oracle.exit_code);
    EXPECT_EQ(LastLine(r.err), LastLine(oracle.err));
    EXPECT_EQ(KeyCount("X/"), 0u);
  }
}

TEST_F(Lock, InterruptedWhileQueuedLeavesTheQueue) {
  auto holder = Spawn(Tool::kEctl, {"lock", "Q"});
  ASSERT_TRUE(holder->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }));
  auto waiter = Spawn(Tool::kEctl, {"lock", "Q"});
  ASSERT_TRUE(WaitForKeyCount("Q/", 2));
  waiter->Signal(SIGINT);
  EXPECT_EQ(waiter->Wait(), 1);
  EXPECT_EQ(LastLine(waiter->Err()), "Error: context canceled");  // as etcdctl
  EXPECT_EQ(KeyCount("Q/"), 1u);
  holder->Signal(SIGTERM);
  EXPECT_EQ(holder->Wait(), 0);
}

TEST_F(Lock, LostSessionEndsWithSessionExpired) {
  auto holder = Spawn(Tool::kEctl, {"lock", "S"});
  ASSERT_TRUE(holder->WaitForOut([](const std::string& o) { return LineCount(o) >= 2; }));
  std::string lease = holder->Out().substr(2, holder->Out().find('\n') - 2);
  auto revoke = RunTool(Tool::kEtcdctl, Cmd({"lease", "revoke", lease}));
  ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
  EXPECT_EQ(holder->Wait(), 1);
  EXPECT_EQ(LastLine(holder->Err()), "Error: session expired");
}

TEST_F(Lock, ArgumentErrorsAsEtcdctl) {
  ExpectSameErrorAsOracle(Cmd({"lock"}));
}

}  // namespace
}  // namespace ectl::integration
