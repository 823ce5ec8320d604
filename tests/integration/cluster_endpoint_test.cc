// endpoint health/status/hashkv and defrag against a 3-member cluster, compared with
// etcdctl 3.4 (durations masked; health order and stream are ectl's, see below).
#include "cluster_suite.h"

namespace ectl::integration {
namespace {

class ClusterEndpoints : public ClusterSuite<ClusterEndpoints> {};

TEST_F(ClusterEndpoints, StatusAndHashKVInEveryFormat) {
  for (const char* cmd : {"status", "hashkv"}) {
    for (const char* w : {"simple", "json", "fields", "table", "protobuf"}) {
      SCOPED_TRACE(std::string(cmd) + " -w " + w);
      ExpectSameAsEtcdctl(Cmd({"-w", w, "endpoint", cmd}));
      ExpectSameAsEtcdctl(Cmd({"-w", w, "endpoint", cmd, "--cluster"}, cluster().ClientEndpoint(2)));
    }
  }
  ExpectSameAsEtcdctl(Cmd({"endpoint", "hashkv", "--rev=1"}));
}

TEST_F(ClusterEndpoints, HealthOfOneEndpointInEveryFormat) {
  for (const char* w : {"json", "fields", "table", "protobuf"}) {
    SCOPED_TRACE(w);
    ExpectSameAsEtcdctl(Cmd({"-w", w, "endpoint", "health"}, cluster().ClientEndpoint(0)),
                        MaskDurations);
  }
}

TEST_F(ClusterEndpoints, HealthPrintsToStdoutInEndpointOrder) {
  // etcdctl 3.4 prints healthy endpoints on stderr in completion order; ectl prints them
  // on stdout (as 3.5 does) in the order given.
  for (bool all : {false, true}) {
    Invocation inv = all ? Cmd({"endpoint", "health", "--cluster"}, cluster().ClientEndpoint(1))
                         : Cmd({"endpoint", "health"});
    RunResult want = RunTool(Tool::kEtcdctl, inv);
    RunResult got = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(got.exit_code, 0) << got.err;
    EXPECT_EQ(want.exit_code, 0);
    EXPECT_EQ(got.err, "");
    EXPECT_EQ(SortedLines(MaskDurations(got.out)), SortedLines(MaskDurations(WithoutLogs(want.err))));
    if (!all) {
      std::string order;
      for (size_t i = 0; i < cluster().size(); ++i) {
        order += cluster().ClientEndpoint(i) + " is healthy: successfully committed proposal: took = D\n";
      }
      EXPECT_EQ(MaskDurations(got.out), order);
    }
  }
}

TEST_F(ClusterEndpoints, Defrag) {
  ExpectSameAsEtcdctl(Cmd({"defrag"}));
  ExpectSameAsEtcdctl(Cmd({"defrag", "--cluster"}, cluster().ClientEndpoint(0)));
  ExpectSameAsEtcdctl(Cmd({"-w", "bogus", "defrag"}));
}

TEST_F(ClusterEndpoints, ClusterFlagWithoutReachableEndpoint) {
  // Nothing listens on port 1: the member list cannot be fetched.
  for (const char* cmd : {"status", "hashkv", "health"}) {
    Invocation inv = Cmd({"--dial-timeout=1s", "--command-timeout=2s", "endpoint", cmd, "--cluster"},
                         "127.0.0.1:1");
    RunResult got = ExpectSameAsEtcdctl(inv);
    EXPECT_EQ(got.exit_code, 1);
    EXPECT_EQ(LastLine(got.err),
              "Error: failed to fetch endpoints from etcd cluster member list: context deadline exceeded");
  }
}

}  // namespace
}  // namespace ectl::integration
