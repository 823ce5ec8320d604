// check perf (its run shortened by ECTL_CHECK_PERF_DURATION) and check datascale
// against real etcd.
// PASS or FAIL depends on the machine, so the tests look at the output's shape, the
// exit code that goes with it, and the clean-up, never at the verdict itself.
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

class CheckPerf : public EtcdSuite {};

TEST_F(CheckPerf, ShortRunDrawsProgressJudgesAndCleansUp) {
  Invocation inv = Cmd({"check", "perf", "--load", "s", "--auto-compact"});
  inv.env = {{"ECTL_CHECK_PERF_DURATION", "3s"}};
  inv.timeout = std::chrono::seconds(60);
  auto r = RunTool(Tool::kEctl, inv);
  ASSERT_FALSE(r.timed_out);
  const std::string& out = r.out;
  // The progress line is redrawn with '\r' and ends with the time taken.
  EXPECT_EQ(out.rfind("\r 0 / 3    0.00%", 0), 0u) << Printable(out);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(out, m, std::regex("\r 3 / 3  100\\.00% [0-9]+s\n"))) << Printable(out);
  std::string rest = m.suffix();
  std::regex verdict(
      "Compacting with revision [0-9]+\nCompacted with revision [0-9]+\n"
      "(FAIL: too many errors\n(FAIL: ERROR\\(.*\\) -> [0-9]+\n)*)?"
      "(PASS: Throughput is|FAIL: Throughput too low:) [0-9]+ writes/s\n"
      "(PASS: Slowest request took|Slowest request took too long:) [0-9]+\\.[0-9]{6}s\n"
      "(PASS: Stddev is|Stddev too high:) [0-9]+\\.[0-9]{6}s\n"
      "(PASS|FAIL)\n");
  ASSERT_TRUE(std::regex_match(rest, verdict)) << Printable(rest);
  bool pass = rest.size() >= 5 && rest.substr(rest.size() - 5) == "PASS\n";
  EXPECT_EQ(r.exit_code, pass ? 0 : 1);
  EXPECT_EQ(r.err, "");  // FAIL is reported on stdout only, as etcdctl does
  // Every key written is deleted again.
  EXPECT_EQ(RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "/etcdctl-check-perf/", "--keys-only"})).out, "");
}

TEST_F(CheckPerf, PrefixWithKeysIsRefusedAsEtcdctlRefusesIt) {
  Put("/etcdctl-check-perf/x", "1");
  Put("/mine/y", "1");
  // Run as "etcdctl", ectl names itself so in the suggested command.
  std::string dir = MakeTempDir("ectl-as-etcdctl");
  ASSERT_FALSE(dir.empty());
  std::string link = dir + "/etcdctl";
  ASSERT_EQ(symlink(ToolPath(Tool::kEctl).c_str(), link.c_str()), 0);
  Put("/etcdctl-check-datascale/x", "1");
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check", "perf"}, {"check", "perf", "--prefix", "/mine/"}, {"check", "datascale"}}) {
    SCOPED_TRACE(Join(args, " "));
    auto oracle = RunTool(Tool::kEtcdctl, Cmd(args));
    auto r = RunBinary(link, Cmd(args));
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.exit_code, oracle.exit_code);
    EXPECT_EQ(r.out, oracle.out);
    EXPECT_EQ(LastLine(r.err), LastLine(oracle.err));
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(StoredValue("/etcdctl-check-perf/x"), "1");  // nothing written or deleted
}

TEST_F(CheckPerf, DatascaleReportsMemoryAndCleansUp) {
  Invocation inv = Cmd({"check", "datascale", "--load", "s"});
  inv.timeout = std::chrono::seconds(120);
  auto r = RunTool(Tool::kEctl, inv);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string start =
      "Start data scale check for work load [10000 key-value pairs, 1024 bytes per key-value, "
      "50 concurrent clients].\n\r 0 / 10000    0.00%";
  EXPECT_EQ(r.out.rfind(start, 0), 0u) << Printable(r.out);
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("\r 10000 / 10000  100\\.00% [0-9]+s\n"
                        "PASS: Approximate system memory used : -?[0-9]+\\.[0-9]{2} MB\\.\n$")))
      << Printable(r.out);
  EXPECT_EQ(RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "/etcdctl-check-datascale/", "--keys-only"})).out, "");
}

TEST_F(CheckPerf, UnknownLoadAsEtcdctl) {
  ExpectSameErrorAsOracle(Cmd({"check", "perf", "--load", "huge"}));
  ExpectSameErrorAsOracle(Cmd({"check", "datascale", "--load", "huge"}));
}

}  // namespace
}  // namespace ectl::integration
