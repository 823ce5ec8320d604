// The gtest base of the cluster and maintenance suites: each suite owns an etcd
// cluster started once (a 3-member one unless the suite asks otherwise), plus the
// comparisons with etcdctl these commands need (durations and stderr logs set aside).
//
// Deliberately no test cases here; they live in cluster_*_test.cc.
#ifndef ECTL_TESTS_INTEGRATION_CLUSTER_SUITE_H_
#define ECTL_TESTS_INTEGRATION_CLUSTER_SUITE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {

// Suite = the derived fixture; it may define `static EtcdClusterOptions Options()`.
template <typename Suite>
class ClusterSuite : public ::testing::Test {
 public:
  static EtcdClusterOptions Options() {
    EtcdClusterOptions o;
    o.members = 3;
    return o;
  }

 protected:
  static void SetUpTestSuite() {
    error_.clear();
    cluster_ = EtcdCluster::Start(Suite::Options(), &error_);
  }
  static void TearDownTestSuite() { cluster_.reset(); }
  void SetUp() override { ASSERT_NE(cluster_, nullptr) << error_; }

  static EtcdCluster& cluster() { return *cluster_; }
  // An invocation against endpoints (all members by default).
  static Invocation Cmd(std::vector<std::string> args, std::string endpoints = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.endpoints = endpoints.empty() ? cluster_->ClientEndpoints() : endpoints;
    inv.timeout = std::chrono::seconds(40);
    return inv;
  }

 private:
  static inline std::unique_ptr<EtcdCluster> cluster_;
  static inline std::string error_;
};

// etcdctl's stderr without its zap log lines (JSON objects and the capnslog format).
std::string WithoutLogs(const std::string& err);
// Every Go duration ("3.5ms", "850µs", "1m0.5s") replaced by "D", then runs of spaces
// and of '-' collapsed, so tables whose `took` column differs in width compare.
std::string MaskDurations(const std::string& text);
// JSON's "dbSizeInUse" value replaced by "N": etcd reclaims pages in the background
// (after a burst of writes), so it can change between two consecutive calls.
std::string MaskSizeInUse(const std::string& text);
// The lines of text sorted (for output whose order etcdctl does not fix).
std::string SortedLines(const std::string& text);

// Runs etcdctl, then ectl; expects equal stdout (after mask), exit code and final stderr
// line (logs removed). Returns ectl's result.
RunResult ExpectSameAsEtcdctl(const Invocation& inv,
                              std::string (*mask)(const std::string&) = nullptr);

// The member ID (hex) of the leader and of one follower, from `etcdctl endpoint status`.
struct Roles {
  std::string leader;
  std::string follower;
  std::string follower_endpoint;
  std::string leader_endpoint;
};
Roles FindRoles(const EtcdCluster& cluster);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_CLUSTER_SUITE_H_
