// Faults between ectl and real etcd members, injected by a FaultProxy (fault_proxy.h):
//   Faults         one member behind a proxy: dial and command timeouts through blackhole,
//                  delay and reset, compared with etcdctl through the same proxy; a lease
//                  keep-alive whose connection is blackholed or reset.
//   FaultsCluster  three members: a member frozen with SIGSTOP under a running watch, the
//                  leader killed between applying a transaction and answering it, reads
//                  right after the leader is killed.
// Durations are measured and printed for the record; the only limits asserted are
// generous upper bounds that say "it arrived", never how fast.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "cluster_suite.h"
#include "ctl.h"
#include "etcd_fixture.h"
#include "fault_proxy.h"

namespace ectl::integration {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;
using Args = std::vector<std::string>;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a test reports for the record (gtest shows it in the output and the XML).
void Record(const std::string& key, const std::string& value) {
  ::testing::Test::RecordProperty(key, value);
  std::printf("[ measured ] %s = %s\n", key.c_str(), value.c_str());
}

// ---------------------------------------------------------------------------------------
// One member behind a proxy.

class Faults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    error_.clear();
    cluster_ = EtcdCluster::Start({}, &error_);
  }
  static void TearDownTestSuite() { cluster_.reset(); }
  void SetUp() override {
    ASSERT_NE(cluster_, nullptr) << error_;
    std::string error;
    proxy_ = FaultProxy::Start(cluster_->member(0).client_port, &error);
    ASSERT_NE(proxy_, nullptr) << error;
  }
  void TearDown() override { proxy_.reset(); }

  // An invocation through the proxy.
  Invocation Via(Args args) const {
    Invocation inv;
    inv.args = std::move(args);
    inv.endpoints = proxy_->Endpoint();
    inv.timeout = seconds(60);
    return inv;
  }
  // Straight to the member, bypassing the proxy.
  static Invocation Direct(Args args) {
    Invocation inv;
    inv.args = std::move(args);
    inv.endpoints = cluster_->ClientEndpoints();
    return inv;
  }

  // Both tools through the proxy: same exit code and same final Error line. Returns
  // ectl's result.
  RunResult ExpectSameFailure(const Args& args, int want_code) {
    RunResult want = RunTool(Tool::kEtcdctl, Via(args));
    RunResult got = RunTool(Tool::kEctl, Via(args));
    EXPECT_EQ(want.exit_code, want_code) << want.err;
    EXPECT_EQ(got.exit_code, want.exit_code) << got.err;
    EXPECT_EQ(LastLine(got.err), LastLine(want.err)) << got.err << "\n---\n" << want.err;
    EXPECT_EQ(got.out, want.out);
    EXPECT_FALSE(got.timed_out);
    Record(Join(args, " ") + " (etcdctl, ectl seconds)",
           std::to_string(want.elapsed.count() / 1000.0) + ", " +
               std::to_string(got.elapsed.count() / 1000.0));
    return got;
  }

  static inline std::unique_ptr<EtcdCluster> cluster_;
  static inline std::string error_;
  std::unique_ptr<FaultProxy> proxy_;
};

TEST_F(Faults, PassForwardsEverything) {
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Direct({"put", "pass", "v"})).exit_code, 0);
  RunResult r = RunTool(Tool::kEctl, Via({"get", "pass"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "pass\nv\n");
  EXPECT_GE(proxy_->accepted(), 1u);
}

TEST_F(Faults, DialTimeoutThroughBlackhole) {
  // Accepted, never answered: etcdctl's dial does not block, so its get fails at the
  // command timeout; ectl's fails at the dial timeout. Same exit code and Error line.
  proxy_->Blackhole();
  RunResult r = ExpectSameFailure({"--dial-timeout=1s", "--command-timeout=2s", "get", "k"}, 1);
  EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
  // With credentials, etcdctl dials while making its client (exit 2).
  ExpectSameFailure({"--dial-timeout=1s", "--command-timeout=2s", "--user=u:p", "get", "k"}, 2);
}

TEST_F(Faults, DialTimeoutThroughReset) {
  proxy_->Reset();
  RunResult r = ExpectSameFailure({"--dial-timeout=1s", "--command-timeout=2s", "get", "k"}, 1);
  EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
  EXPECT_GE(proxy_->accepted(), 2u);
}

TEST_F(Faults, DialTimeoutThroughHalfOpen) {
  // Requests reach the member, answers never come back: the HTTP/2 handshake cannot end.
  proxy_->HalfOpen(FaultProxy::Direction::kToClient);
  ExpectSameFailure({"--dial-timeout=1s", "--command-timeout=2s", "get", "k"}, 1);
}

TEST_F(Faults, CommandTimeoutThroughDelay) {
  // 1.5 s per chunk: the connection is made within the dial timeout, every answer comes
  // after the command timeout.
  proxy_->Delay(milliseconds(1500));
  for (const Args& cmd : {Args{"get", "k"}, Args{"put", "delayed", "v"}, Args{"member", "list"}}) {
    Args args = {"--dial-timeout=20s", "--command-timeout=1s"};
    args.insert(args.end(), cmd.begin(), cmd.end());
    RunResult r = ExpectSameFailure(args, 1);
    EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
  }
}

TEST_F(Faults, DelayWithinTheTimeoutsSucceeds) {
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Direct({"put", "slow", "v"})).exit_code, 0);
  proxy_->Delay(milliseconds(200));
  Args args = {"--dial-timeout=10s", "--command-timeout=10s", "-w", "json", "get", "slow"};
  RunResult want = RunTool(Tool::kEtcdctl, Via(args));
  RunResult got = RunTool(Tool::kEctl, Via(args));
  EXPECT_EQ(got.exit_code, 0) << got.err;
  EXPECT_EQ(got.out, want.out);
}

TEST_F(Faults, CommandTimeoutWhenTheConnectionGoesSilent) {
  // A watch is connected, then the member stops answering: its stream is held, the
  // next unary call (a put through the same proxy by a new process) times out.
  proxy_->Pass();
  std::string error;
  auto watch = StartCtl(ToolPath(Tool::kEctl), Via({"watch", "silent"}), &error);
  ASSERT_NE(watch, nullptr) << error;
  ASSERT_TRUE(WaitUntil([&] { return proxy_->accepted() >= 1; }, seconds(20)));
  proxy_->Blackhole();
  RunResult put = RunTool(Tool::kEctl, Via({"--dial-timeout=1s", "--command-timeout=1s", "put",
                                            "silent", "v"}));
  EXPECT_EQ(put.exit_code, 1);
  EXPECT_EQ(LastLine(put.err), "Error: context deadline exceeded");
  watch->Signal(SIGINT);
  EXPECT_EQ(watch->WaitExit(seconds(20)), 130) << watch->Err();
}

// Keep-alive loss: the lease is renewed through the proxy until the connection is lost.
// The lease then expires on the server; ectl must say so and fail, not exit 0.
void ExpectKeepAliveLossFails(FaultProxy& proxy, const Invocation& inv, void (FaultProxy::*fault)(),
                              const std::string& lease) {
  std::string error;
  auto child = StartCtl(ToolPath(Tool::kEctl), inv, &error);
  ASSERT_NE(child, nullptr) << error;
  ASSERT_TRUE(WaitUntil([&] { return child->OutLines().size() >= 1; }, seconds(20)))
      << child->Err();
  auto start = Clock::now();
  (proxy.*fault)();
  auto code = child->WaitExit(seconds(60));
  ASSERT_TRUE(code.has_value()) << "keep-alive did not notice the lost lease";
  Record("keep-alive loss noticed after (s)", std::to_string(SecondsSince(start)));
  EXPECT_EQ(*code, 1) << child->Err();
  EXPECT_EQ(LastLine(child->Err()), "Error: lease " + lease +
                                        " expired or lost: no keep-alive response within its TTL");
}

std::string GrantLease(const Invocation& direct, int ttl) {
  Invocation inv = direct;
  inv.args = {"lease", "grant", std::to_string(ttl)};
  RunResult r = RunTool(Tool::kEtcdctl, inv);
  // "lease 694d7b5f0f0d3a0c granted with TTL(3s)"
  auto space = r.out.find(' ');
  if (r.exit_code != 0 || space == std::string::npos) return "";
  return r.out.substr(space + 1, r.out.find(' ', space + 1) - space - 1);
}

TEST_F(Faults, KeepAliveLossThroughBlackholeFails) {
  std::string lease = GrantLease(Direct({}), 3);
  ASSERT_NE(lease, "");
  ExpectKeepAliveLossFails(*proxy_, Via({"lease", "keep-alive", lease}), &FaultProxy::Blackhole,
                           lease);
}

TEST_F(Faults, KeepAliveLossThroughResetFails) {
  std::string lease = GrantLease(Direct({}), 3);
  ASSERT_NE(lease, "");
  ExpectKeepAliveLossFails(*proxy_, Via({"lease", "keep-alive", lease}), &FaultProxy::Reset, lease);
}

TEST_F(Faults, KeepAliveSurvivesAShortReset) {
  // A reset followed by a working connection within the TTL: the stream is reopened and
  // the lease kept.
  std::string lease = GrantLease(Direct({}), 6);
  ASSERT_NE(lease, "");
  std::string error;
  auto child = StartCtl(ToolPath(Tool::kEctl), Via({"lease", "keep-alive", lease}), &error);
  ASSERT_NE(child, nullptr) << error;
  ASSERT_TRUE(WaitUntil([&] { return child->OutLines().size() >= 1; }, seconds(20)));
  proxy_->Reset();
  proxy_->Pass();
  size_t before = child->OutLines().size();
  ASSERT_TRUE(WaitUntil([&] { return child->OutLines().size() >= before + 2; }, seconds(30)))
      << child->Err();
  EXPECT_TRUE(child->Running());
  child->Signal(SIGTERM);
  EXPECT_EQ(child->WaitExit(seconds(20)), 0) << child->Err();
}

// ---------------------------------------------------------------------------------------
// Three members.

class FaultsCluster : public ClusterSuite<FaultsCluster> {
 protected:
  void TearDown() override {
    // Whatever a test did to its members, the next one starts with all three running.
    for (size_t i = 0; i < cluster().size(); ++i) {
      cluster().SignalMember(i, SIGCONT);
      if (!EtcdHealthy(cluster().member(i).client_port, milliseconds(500))) {
        std::string error;
        EXPECT_TRUE(cluster().RestartMember(i, seconds(30), &error)) << error;
      }
    }
    WaitForLeader();
  }

  static size_t IndexOf(const std::string& endpoint) {
    for (size_t i = 0; i < cluster().size(); ++i) {
      if (cluster().ClientEndpoint(i) == endpoint) return i;
    }
    return cluster().size();
  }
  static size_t Leader() {
    for (int attempt = 0; attempt < 50; ++attempt) {
      size_t i = IndexOf(FindRoles(cluster()).leader_endpoint);
      if (i < cluster().size()) return i;
    }
    return cluster().size();
  }
  static void WaitForLeader() {
    for (int i = 0; i < 100; ++i) {
      Invocation probe = Cmd({"--command-timeout=1s", "get", "probe"});
      if (RunTool(Tool::kEtcdctl, probe).exit_code == 0) return;
    }
    ADD_FAILURE() << "no leader";
  }
  // The key's version (number of puts since its creation), read through member m.
  static int64_t Version(const std::string& key, size_t m) {
    RunResult r = RunTool(Tool::kEtcdctl, Cmd({"-w", "json", "get", key}, cluster().ClientEndpoint(m)));
    if (r.exit_code != 0) return -1;
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (!json.contains("kvs")) return 0;
    return json["kvs"][0].value("version", int64_t{0});
  }
};

TEST_F(FaultsCluster, WatchOnAFrozenMemberGetsTheNextEvent) {
  // Three proxies, one per member, so that the test can see which member carries the
  // watch stream: the one whose proxy forwards the event.
  std::vector<std::unique_ptr<FaultProxy>> proxies;
  std::string endpoints;
  for (size_t i = 0; i < cluster().size(); ++i) {
    std::string error;
    proxies.push_back(FaultProxy::Start(cluster().member(i).client_port, &error));
    ASSERT_NE(proxies.back(), nullptr) << error;
    endpoints += (endpoints.empty() ? "" : ",") + proxies.back()->Endpoint();
  }
  for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
    SCOPED_TRACE(ToolName(tool));
    const std::string key = std::string("frozen-") + std::string(ToolName(tool));
    std::string error;
    Invocation inv = Cmd({"watch", key}, endpoints);
    auto watch = StartCtl(ToolPath(tool), inv, &error);
    ASSERT_NE(watch, nullptr) << error;
    // Until the watcher exists, a put goes unseen: put until one is printed.
    bool ready = false;
    for (int attempt = 0; attempt < 30 && !ready; ++attempt) {
      size_t lines = watch->OutLines().size();
      ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"put", key, "ready"})).exit_code, 0);
      ready = WaitUntil([&] { return watch->OutLines().size() >= lines + 3; }, seconds(1));
    }
    ASSERT_TRUE(ready) << watch->Out() << watch->Err();
    ASSERT_TRUE(WaitUntil([&] { return watch->OutLines().size() % 3 == 0; }, seconds(10)));
    // The member that carries the stream is the one whose proxy forwards a large event.
    const std::string big(100 * 1024, 'x');  // one argv string holds at most 128 KiB
    std::vector<uint64_t> sent;
    for (const auto& p : proxies) sent.push_back(p->bytes_to_client());
    size_t before_probe = watch->OutLines().size();
    RunResult probe = RunTool(Tool::kEtcdctl, Cmd({"put", key, big}));
    ASSERT_EQ(probe.exit_code, 0) << probe.err;
    ASSERT_TRUE(WaitUntil([&] { return watch->OutLines().size() >= before_probe + 3; },
                          seconds(30)))
        << watch->Out() << watch->Err();
    size_t carrier = cluster().size();
    for (size_t i = 0; i < proxies.size(); ++i) {
      if (proxies[i]->bytes_to_client() - sent[i] >= big.size()) carrier = i;
    }
    ASSERT_LT(carrier, cluster().size()) << "no member seemed to carry the watch";
    // Idle for longer than two keepalive intervals first: the guard must keep pinging a
    // stream that carries nothing (gRPC stops after two pings without data by default).
    std::this_thread::sleep_for(seconds(12));
    // Freeze that member and write through another.
    cluster().SignalMember(carrier, SIGSTOP);
    size_t before = watch->OutLines().size();
    auto start = Clock::now();
    const size_t other = (carrier + 1) % cluster().size();
    // If the frozen member led, the put waits for a new leader: repeat it until it is
    // taken (a repeat that had in fact succeeded is one more event, which is harmless).
    bool written = false;
    for (int attempt = 0; attempt < 10 && !written; ++attempt) {
      written = RunTool(Tool::kEtcdctl, Cmd({"put", key, "after-freeze"},
                                            cluster().ClientEndpoint(other)))
                    .exit_code == 0;
    }
    EXPECT_TRUE(written);
    bool arrived = WaitUntil([&] { return watch->OutLines().size() >= before + 3; }, seconds(90));
    double took = SecondsSince(start);
    cluster().SignalMember(carrier, SIGCONT);
    Record(std::string(ToolName(tool)) + ": first event after freezing the watch's member (s)",
           std::to_string(took));
    if (tool == Tool::kEctl) {
      EXPECT_TRUE(arrived) << watch->Out() << watch->Err();
      // Bound: keepalive time (5 s floor) + keepalive timeout (6 s) + reconnect, plus an
      // election when the frozen member led; the limit only says that the event came,
      // with plenty of room on a loaded machine.
      EXPECT_LT(took, 60.0);
      auto lines = watch->OutLines();
      EXPECT_EQ(lines.back(), "after-freeze");
    }
    watch->Signal(SIGINT);
    (void)watch->WaitExit(seconds(20));
    WaitForLeader();
  }
}

TEST_F(FaultsCluster, TxnIsNotRepeatedWhenTheLeaderDiesBeforeAnswering) {
  // The transaction reaches the leader through a proxy that drops the answer; the leader
  // is then killed and the proxy sent to a live member. A client that repeated the
  // transaction would apply it twice (the key's version would be 2).
  for (const char* what : {"txn", "put"}) {
    SCOPED_TRACE(what);
    size_t leader = Leader();
    ASSERT_LT(leader, cluster().size());
    size_t other = (leader + 1) % cluster().size();
    std::string error;
    auto proxy = FaultProxy::Start(cluster().member(leader).client_port, &error);
    ASSERT_NE(proxy, nullptr) << error;
    const std::string key = std::string("once-") + what;
    const std::string value = "marker-" + key;
    proxy->ArmHalfOpen(value);
    Invocation inv = Cmd({"--command-timeout=20s"}, proxy->Endpoint());
    if (std::string(what) == "txn") {
      inv.args.push_back("txn");
      inv.stdin_data = "\nput " + key + " " + value + "\n\n\n";
    } else {
      inv.args.insert(inv.args.end(), {"put", key, value});
    }
    std::unique_ptr<ChildProcess> child;
    {
      std::vector<std::string> argv = {ToolPath(Tool::kEctl), "--endpoints=" + inv.endpoints};
      argv.insert(argv.end(), inv.args.begin(), inv.args.end());
      child = ChildProcess::Start(argv, {}, &error);
      ASSERT_NE(child, nullptr) << error;
      child->WriteStdin(inv.stdin_data);
      child->CloseStdin();
    }
    ASSERT_TRUE(WaitUntil([&] { return proxy->ArmedFired() && Version(key, other) == 1; },
                          seconds(30)))
        << "the request did not reach the leader: " << child->Err();
    // The answer is held back. Kill the leader without a graceful stop, and let any new
    // connection through the proxy reach a live member.
    proxy->SetUpstream(cluster().member(other).client_port);
    cluster().SignalMember(leader, SIGKILL);
    cluster().StopMember(leader);
    auto code = child->WaitExit(seconds(60));
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, 1) << child->Err();
    EXPECT_EQ(LastLine(child->Err()).rfind("Error: ", 0), 0u) << child->Err();
    WaitForLeader();
    EXPECT_EQ(Version(key, other), 1) << "applied more than once";
    std::string restart_error;
    ASSERT_TRUE(cluster().RestartMember(leader, seconds(30), &restart_error)) << restart_error;
    WaitForLeader();
  }
}

TEST_F(FaultsCluster, ReadsRightAfterTheLeaderIsKilledSucceed) {
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"put", "failover", "v"})).exit_code, 0);
  struct Read {
    Args args;
    std::string out;  // expected stdout; empty: only the exit code is checked
  };
  const std::vector<Read> reads = {
      {{"get", "failover"}, "failover\nv\n"},
      {{"get", "failover", "--consistency=s"}, "failover\nv\n"},
      {{"member", "list"}, ""},
  };
  int etcdctl_failures = 0;
  int rounds = 0;
  for (const Read& read : reads) {
    for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
      SCOPED_TRACE(Join(read.args, " ") + " " + std::string(ToolName(tool)));
      size_t leader = Leader();
      ASSERT_LT(leader, cluster().size());
      cluster().SignalMember(leader, SIGKILL);
      cluster().StopMember(leader);
      Args args = {"--command-timeout=5s"};
      args.insert(args.end(), read.args.begin(), read.args.end());
      RunResult r = RunTool(tool, Cmd(args));
      if (tool == Tool::kEctl) {
        ++rounds;
        EXPECT_EQ(r.exit_code, 0) << r.err;
        if (!read.out.empty()) EXPECT_EQ(r.out, read.out);
      } else if (r.exit_code != 0) {
        ++etcdctl_failures;
      }
      std::string error;
      ASSERT_TRUE(cluster().RestartMember(leader, seconds(30), &error)) << error;
      WaitForLeader();
    }
  }
  Record("reads right after a leader kill (ectl failures, etcdctl failures, rounds)",
         std::to_string(HasFailure() ? -1 : 0) + ", " + std::to_string(etcdctl_failures) + ", " +
             std::to_string(rounds));
}

}  // namespace
}  // namespace ectl::integration
