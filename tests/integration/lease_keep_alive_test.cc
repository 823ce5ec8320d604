// `lease keep-alive` as a stream: the lease really is renewed, each response is printed
// as etcdctl prints it, the end of the lease ends the command (exit 1 in ectl, where
// etcdctl exits 0: a documented deviation), and Ctrl-C/SIGTERM end it cleanly.
// Conditions are polled with generous deadlines; nothing waits a fixed time.

#include <signal.h>

#include <set>
#include <string>
#include <vector>

#include "child_process.h"
#include "lease_suite.h"

namespace ectl::integration {
namespace {

using std::chrono::seconds;
using Args = std::vector<std::string>;

class LeaseKeepAlive : public LeaseSuite {
 protected:
  std::unique_ptr<ChildProcess> StartTool(Tool tool, const Args& args) {
    std::string error;
    auto child = StartCtl(ToolPath(tool), {.args = args, .endpoints = Endpoints()}, &error);
    EXPECT_NE(child, nullptr) << error;
    return child;
  }

  static bool HasLines(const ChildProcess& c, size_t n) { return c.OutLines().size() >= n; }

  // Revokes `lease` while `tool` keeps it alive in `format`; returns the child's
  // stdout lines and (through *code, *err) its exit status and stderr.
  std::vector<std::string> KeepAliveUntilRevoked(Tool tool, const Args& format_flags,
                                                 const std::string& lease, int* code,
                                                 std::string* err) {
    Args args = format_flags;
    args.insert(args.end(), {"lease", "keep-alive", lease});
    auto child = StartTool(tool, args);
    if (child == nullptr) return {};
    EXPECT_TRUE(WaitUntil([&] { return HasLines(*child, 1); }, seconds(20)))
        << ToolName(tool) << " printed nothing: " << child->Err();
    RunResult revoke = RunTool(Tool::kEtcdctl, Cmd({"lease", "revoke", lease}));
    EXPECT_EQ(revoke.exit_code, 0) << revoke.err;
    // The next keep-alive (within TTL/3) learns that the lease is gone.
    auto status = child->WaitExit(seconds(30));
    EXPECT_TRUE(status.has_value()) << ToolName(tool) << " did not end";
    *code = status.value_or(-1);
    *err = child->Err();
    return child->OutLines();
  }
};

TEST_F(LeaseKeepAlive, RenewsTheLease) {
  std::string lease = GrantLease(4);
  auto child = StartTool(Tool::kEctl, {"lease", "keep-alive", lease});
  ASSERT_NE(child, nullptr);
  // Four responses, one per TTL/3, span more than the TTL: without renewal the lease
  // would be gone by now.
  ASSERT_TRUE(WaitUntil([&] { return HasLines(*child, 4); }, seconds(40)))
      << child->Out() << child->Err();
  EXPECT_GT(RemainingTtl(lease), 0);
  for (const std::string& line : child->OutLines()) {
    EXPECT_EQ(line, "lease " + lease + " keepalived with TTL(4)");
  }
  child->Signal(SIGTERM);
  EXPECT_EQ(child->WaitExit(seconds(10)), 0) << child->Err();
  EXPECT_EQ(child->Err(), "");
}

TEST_F(LeaseKeepAlive, RevokedLeaseEndsWithAnError) {
  // ectl prints what etcdctl prints, then fails instead of exiting 0.
  for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
    SCOPED_TRACE(ToolName(tool));
    std::string lease = GrantLease(6);
    int code = -1;
    std::string err;
    auto lines = KeepAliveUntilRevoked(tool, {}, lease, &code, &err);
    ASSERT_GE(lines.size(), 2u);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_EQ(lines[i], "lease " + lease + " keepalived with TTL(6)");
    }
    EXPECT_EQ(lines.back(), "lease " + lease + " expired or revoked.");
    if (tool == Tool::kEctl) {
      EXPECT_EQ(code, 1);
      EXPECT_EQ(LastLine(err), "Error: lease " + lease + " expired or revoked");
    } else {
      EXPECT_EQ(code, 0);
    }
  }
}

TEST_F(LeaseKeepAlive, JsonAndFieldsPrintEachResponseAndNoEndLine) {
  for (const Args& flags : std::vector<Args>{{"-w", "json"}, {"-w", "fields"}}) {
    SCOPED_TRACE(flags[1]);
    std::string outputs[2];
    for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
      std::string lease = GrantLease(6);
      int code = -1;
      std::string err;
      auto lines = KeepAliveUntilRevoked(tool, flags, lease, &code, &err);
      EXPECT_EQ(code, tool == Tool::kEctl ? 1 : 0) << err;
      // Distinct lines: how many responses each tool saw depends on timing.
      std::set<std::string> distinct;
      for (const auto& l : lines) distinct.insert(MaskLeaseId(l, LeaseIdFromHex(lease)));
      for (const auto& l : distinct) outputs[tool == Tool::kEctl] += l + "\n";
    }
    EXPECT_EQ(outputs[1], outputs[0]);
  }
}

TEST_F(LeaseKeepAlive, UnknownLeaseEndsAtOnce) {
  RunResult oracle = RunTool(Tool::kEtcdctl, Cmd({"lease", "keep-alive", "1234"}));
  RunResult ectl = RunTool(Tool::kEctl, Cmd({"lease", "keep-alive", "1234"}));
  EXPECT_EQ(ectl.out, oracle.out);
  EXPECT_EQ(ectl.out, "lease 0000000000001234 expired or revoked.\n");
  EXPECT_EQ(oracle.exit_code, 0);
  EXPECT_EQ(ectl.exit_code, 1);
  EXPECT_EQ(LastLine(ectl.err), "Error: lease 0000000000001234 expired or revoked");
  // Other formats print nothing for the end (etcdctl neither).
  ectl = RunTool(Tool::kEctl, Cmd({"-w", "json", "lease", "keep-alive", "1234"}));
  EXPECT_EQ(ectl.out, "");
  EXPECT_EQ(ectl.exit_code, 1);
}

TEST_F(LeaseKeepAlive, InterruptEndsCleanly) {
  for (int signo : {SIGINT, SIGTERM}) {
    SCOPED_TRACE(signo);
    std::string lease = GrantLease(30);
    auto child = StartTool(Tool::kEctl, {"-w", "json", "lease", "keep-alive", lease});
    ASSERT_NE(child, nullptr);
    ASSERT_TRUE(WaitUntil([&] { return HasLines(*child, 1); }, seconds(20))) << child->Err();
    child->Signal(signo);
    EXPECT_EQ(child->WaitExit(seconds(10)), 0) << child->Err();
    EXPECT_EQ(child->Err(), "");
    // Ending the keep-alive does not revoke the lease.
    EXPECT_GT(RemainingTtl(lease), 0);
  }
}

}  // namespace
}  // namespace ectl::integration
