// Endpoint handling for put/get: an unreachable endpoint fails within the
// command timeout with etcdctl's message, a dead endpoint next to a live one
// is skipped, and the accepted endpoint spellings.

#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class KvEndpoints : public EtcdSuite {
 protected:
  void SetUp() override {
    EtcdSuite::SetUp();
    if (HasFatalFailure()) return;
    PutAll({{"a", "1"}});
    // Free a moment ago and nobody listens there: connections are refused.
    closed_ = "127.0.0.1:" + std::to_string(PickFreePorts(1).at(0));
  }

  static Invocation With(const std::string& endpoints, Args args,
                         std::string stdin_data = "") {
    Invocation inv;
    inv.endpoints = endpoints;
    inv.args = std::move(args);
    inv.stdin_data = std::move(stdin_data);
    return inv;
  }

  std::string closed_;
};

// gRPC waits for a ready connection until the command deadline: etcdctl
// reports `context deadline exceeded` and exits 1 (not 2) after 1 s here.
TEST_F(KvEndpoints, UnreachableEndpointTimesOut) {
  for (const Args& cmd :
       {Args{"get", "a"}, Args{"put", "a", "x"}, Args{"del", "a"}}) {
    SCOPED_TRACE(Join(cmd, " "));
    Args args = WithFlags({"--command-timeout=1s"}, cmd);
    RunResult oracle = RunTool(Tool::kEtcdctl, With(closed_, args));
    RunResult ectl = RunTool(Tool::kEctl, With(closed_, args));
    EXPECT_EQ(ectl.exit_code, 1);
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(LastLine(ectl.err), "Error: context deadline exceeded");
    EXPECT_EQ(LastLine(ectl.err), LastLine(oracle.err));
    EXPECT_EQ(ectl.out, "");
    EXPECT_LT(ectl.elapsed.count(), 4000)
        << "--command-timeout=1s not honoured";
  }
}

TEST_F(KvEndpoints, DeadEndpointNextToLiveOneIsSkipped) {
  for (const std::string& eps :
       {closed_ + "," + Endpoints(), Endpoints() + "," + closed_}) {
    SCOPED_TRACE(eps);
    for (int i = 0; i < 3; ++i) {  // round-robin: every attempt must succeed
      ExpectSameAsOracle(With(eps, {"get", "a"}));
    }
    ExpectSameMutationAsOracle(With(eps, {"put", "b", "v", "--prev-kv"}),
                               Format::kSimple, [] {
                                 PutAll({{"a", "1"}});
                               });
    ExpectSameMutationAsOracle(With(eps, {"del", "a", "-w", "json"}),
                               Format::kJson, [] {
                                 PutAll({{"a", "1"}});
                               });
  }
}

TEST_F(KvEndpoints, EndpointSpellings) {
  const std::string port = std::to_string(cluster().member(0).client_port);
  for (const std::string& eps :
       {"http://127.0.0.1:" + port, "localhost:" + port,
        " 127.0.0.1:" + port + " "}) {
    SCOPED_TRACE(eps);
    RunResult r = ExpectSameAsOracle(With(eps, {"get", "a"}));
    EXPECT_EQ(r.out, "a\n1\n");
  }
  // A repeated flag appends (pflag string slice): dead one, then live one.
  RunResult r =
      ExpectSameAsOracle(With("", {"--endpoints=" + closed_,
                                   "--endpoints=" + Endpoints(), "get", "a"}));
  EXPECT_EQ(r.out, "a\n1\n");
}

TEST_F(KvEndpoints, EmptyEndpointList) {
  RunResult r = ExpectSameAsOracle(With("", {"--endpoints=", "get", "a"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(LastLine(r.err), "Error: etcdclient: no available endpoints");
}

}  // namespace
}  // namespace ectl::integration
