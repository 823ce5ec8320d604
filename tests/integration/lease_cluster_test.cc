// `lease keep-alive` across a member failure in a three-member cluster: the member
// whose responses ectl is printing is stopped, and the lease must survive — ectl
// reopens its stream on another member and keeps printing, and timetolive still shows
// the lease alive.

#include <signal.h>

#include <algorithm>
#include <functional>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "child_process.h"
#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

using std::chrono::seconds;

// The "member_id" of a JSON line; 0 if absent.
uint64_t MemberIdOf(const std::string& json_line) {
  static const std::regex kMember(R"("member_id":(\d+))");
  std::smatch m;
  return std::regex_search(json_line, m, kMember) ? std::stoull(m[1]) : 0;
}

// The "leader" of `endpoint status -w json`; 0 if absent.
uint64_t LeaderIdOf(const std::string& json) {
  static const std::regex kLeader(R"("leader":(\d+))");
  std::smatch m;
  return std::regex_search(json, m, kLeader) ? std::stoull(m[1]) : 0;
}

// Each test starts a cluster of its own: a stopped member is not restarted, and the
// second stop would cost the quorum.
class LeaseCluster : public ::testing::Test {
 protected:
  void SetUp() override {
    EtcdClusterOptions options;
    options.members = 3;
    options.start_timeout = seconds(60);
    std::string error;
    cluster_ = EtcdCluster::Start(options, &error);
    ASSERT_NE(cluster_, nullptr) << error;
  }

  static Invocation OracleCmd(const std::string& endpoints, std::vector<std::string> args) {
    Invocation inv;
    inv.endpoints = endpoints;
    inv.args = std::move(args);
    return inv;
  }

  RunResult Status(size_t i) const {
    RunResult r = RunTool(Tool::kEtcdctl, OracleCmd(cluster_->ClientEndpoint(i),
                                                   {"-w", "json", "endpoint", "status"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }

  // The index of the member whose ID is `id`; size() if none.
  size_t IndexOf(uint64_t id) const {
    for (size_t i = 0; i < cluster_->size(); ++i) {
      if (MemberIdOf(Status(i).out) == id) return i;
    }
    return cluster_->size();
  }

  // Grants a lease, keeps it alive with ectl over `endpoints`, stops the member
  // pick_victim chooses (given the ID of the member serving the stream), and expects the
  // keep-alive to go on and the lease to stay alive. The oracle grants the lease
  // through the same endpoints.
  void ExpectKeepAliveSurvives(const std::string& endpoints,
                               const std::function<size_t(uint64_t serving)>& pick_victim) {
    RunResult grant = RunTool(Tool::kEtcdctl, OracleCmd(endpoints, {"lease", "grant", "9"}));
    ASSERT_EQ(grant.exit_code, 0) << grant.err;
    const std::string lease = grant.out.substr(6, 16);

    std::string error;
    auto child = StartCtl(ToolPath(Tool::kEctl), {.args = {"-w", "json", "lease", "keep-alive", lease}, .endpoints = endpoints}, &error);
    ASSERT_NE(child, nullptr) << error;
    ASSERT_TRUE(WaitUntil([&] { return !child->OutLines().empty(); }, seconds(20)))
        << child->Err();

    // Which member answers the stream: its ID is in each response's header.
    const uint64_t serving = MemberIdOf(child->OutLines().front());
    ASSERT_NE(serving, 0u) << child->Out();
    const size_t victim = pick_victim(serving);
    ASSERT_LT(victim, cluster_->size());
    const uint64_t victim_id = MemberIdOf(Status(victim).out);
    const size_t printed_before = child->OutLines().size();
    cluster_->StopMember(victim);

    // Two more responses from members still running: the lease was renewed after
    // the stop.
    auto renewed_after_stop = [&] {
      auto lines = child->OutLines();
      int renewals = 0;
      for (size_t i = printed_before; i < lines.size(); ++i) {
        if (MemberIdOf(lines[i]) != victim_id) ++renewals;
      }
      return renewals >= 2;
    };
    EXPECT_TRUE(WaitUntil(renewed_after_stop, seconds(40)))
        << "stdout:\n" << child->Out() << "stderr:\n" << child->Err();
    EXPECT_FALSE(child->WaitExit(std::chrono::milliseconds(0)).has_value())
        << "ectl ended: " << child->Err();

    // The lease is alive on the remaining members.
    std::string rest;
    for (size_t i = 0; i < cluster_->size(); ++i) {
      if (i != victim) rest += (rest.empty() ? "" : ",") + cluster_->ClientEndpoint(i);
    }
    RunResult ttl = RunTool(Tool::kEtcdctl, OracleCmd(rest, {"lease", "timetolive", lease}));
    EXPECT_EQ(ttl.exit_code, 0) << ttl.err;
    EXPECT_NE(ttl.out.find("remaining("), std::string::npos) << ttl.out;
    EXPECT_EQ(ttl.out.find("remaining(-"), std::string::npos) << ttl.out;

    child->Signal(SIGTERM);
    EXPECT_EQ(child->WaitExit(seconds(10)), 0) << child->Err();
  }

  std::unique_ptr<EtcdCluster> cluster_;
};

TEST_F(LeaseCluster, KeepAliveSurvivesTheLossOfItsMember) {
  // Only the two followers' endpoints, so that a follower serves the stream (the
  // leader's loss is the next test); that member is stopped and the other follower
  // must take over.
  const size_t leader = IndexOf(LeaderIdOf(Status(0).out));
  ASSERT_LT(leader, cluster_->size());
  std::string followers;
  for (size_t i = 0; i < cluster_->size(); ++i) {
    if (i != leader) followers += (followers.empty() ? "" : ",") + cluster_->ClientEndpoint(i);
  }
  ExpectKeepAliveSurvives(followers, [this](uint64_t serving) { return IndexOf(serving); });
}

TEST_F(LeaseCluster, KeepAliveSurvivesTheLossOfTheLeader) {
  ExpectKeepAliveSurvives(cluster_->ClientEndpoints(),
                          [this](uint64_t) { return IndexOf(LeaderIdOf(Status(0).out)); });
}

}  // namespace
}  // namespace ectl::integration
