// A 3-member cluster with one member stopped: per-endpoint errors of endpoint
// status/hashkv/health and defrag as etcdctl reports them, and commands that keep
// working through the remaining members.
#include "cluster_suite.h"

namespace ectl::integration {
namespace {

class ClusterFailover : public ClusterSuite<ClusterFailover> {
 protected:
  void SetUp() override {
    ClusterSuite::SetUp();
    if (HasFailure() || stopped_) return;
    cluster().StopMember(2);
    stopped_ = true;
    // If the stopped member led, the others elect a new leader; wait for it (a
    // linearizable read needs one) so that no term changes between two compared runs.
    for (int i = 0; i < 100; ++i) {
      Invocation probe = Cmd({"--command-timeout=1s", "get", "probe"}, cluster().ClientEndpoint(0));
      if (RunTool(Tool::kEtcdctl, probe).exit_code == 0) return;
    }
    FAIL() << "no leader after stopping a member";
  }
  static inline bool stopped_ = false;
  // Short timeouts: every command waits for the stopped member once.
  static Invocation Short(std::vector<std::string> args) {
    args.insert(args.begin(), {"--dial-timeout=1s", "--command-timeout=2s"});
    return Cmd(std::move(args));
  }
};

TEST_F(ClusterFailover, StatusAndHashKVReportTheStoppedMember) {
  for (const char* w : {"simple", "json", "table"}) {
    SCOPED_TRACE(w);
    RunResult status = ExpectSameAsEtcdctl(Short({"-w", w, "endpoint", "status"}));
    EXPECT_EQ(status.exit_code, 1);
    EXPECT_EQ(status.err, "Failed to get the status of endpoint " + cluster().ClientEndpoint(2) +
                              " (context deadline exceeded)\n");
  }
  RunResult hash = ExpectSameAsEtcdctl(Short({"endpoint", "hashkv"}));
  EXPECT_EQ(hash.exit_code, 1);
  EXPECT_EQ(hash.err, "Failed to get the hash of endpoint " + cluster().ClientEndpoint(2) +
                          " (context deadline exceeded)\nError: context deadline exceeded\n");
}

TEST_F(ClusterFailover, HealthIsUnhealthy) {
  RunResult want = RunTool(Tool::kEtcdctl, Short({"endpoint", "health"}));
  RunResult got = RunTool(Tool::kEctl, Short({"endpoint", "health"}));
  EXPECT_EQ(got.exit_code, 1);
  EXPECT_EQ(want.exit_code, 1);
  // etcdctl 3.4 prints every line on stderr; ectl the healthy ones on stdout.
  EXPECT_EQ(SortedLines(MaskDurations(got.out + got.err)),
            SortedLines(MaskDurations(WithoutLogs(want.err))));
  EXPECT_EQ(LastLine(got.err), "Error: unhealthy cluster");
  EXPECT_EQ(MaskDurations(got.out),
            cluster().ClientEndpoint(0) + " is healthy: successfully committed proposal: took = D\n" +
                cluster().ClientEndpoint(1) + " is healthy: successfully committed proposal: took = D\n");
  ExpectSameAsEtcdctl(Short({"-w", "fields", "endpoint", "health"}),
                      [](const std::string& s) { return SortedLines(MaskDurations(s)); });
}

TEST_F(ClusterFailover, DefragReportsTheStoppedMember) {
  RunResult r = ExpectSameAsEtcdctl(Short({"defrag"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "Failed to defragment etcd member[" + cluster().ClientEndpoint(2) +
                       "] (context deadline exceeded)\n");
}

TEST_F(ClusterFailover, OtherCommandsFailOver) {
  ExpectSameAsEtcdctl(Short({"-w", "table", "member", "list"}));
  ExpectSameAsEtcdctl(Short({"alarm", "list"}));
  RunResult put = RunTool(Tool::kEctl, Short({"put", "k", "v"}));
  EXPECT_EQ(put.exit_code, 0) << put.err;
}

}  // namespace
}  // namespace ectl::integration
