// Real etcd servers for the integration tests.
//
// Holds: EtcdCluster, which starts N etcd members (N = 1 for most suites, 3
// for cluster tests) on free loopback ports with a temporary data directory
// under $TMPDIR, waits until every member reports healthy, and stops them by
// PID (SIGTERM, then SIGKILL) and removes the directory. Also the small
// helpers it needs: PickFreePorts(), MakeTempDir().
//
// Deliberately does not hold gtest code (see kv_suite.h) nor anything about
// ectl; it speaks plain HTTP to etcd's /health, so it does not depend on the
// client under test. TLS members are not supported yet: EtcdMemberConfig is
// the place to add them.

#ifndef ECTL_TESTS_INTEGRATION_ETCD_FIXTURE_H_
#define ECTL_TESTS_INTEGRATION_ETCD_FIXTURE_H_

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "process.h"

namespace ectl::integration {

// How one member is started. EtcdCluster fills it in; it is public so that a
// test can inspect (or, for a custom cluster, choose) each member's setup.
struct EtcdMemberConfig {
  std::string name;      // --name, also the key in --initial-cluster
  int client_port = 0;   // on 127.0.0.1, plain http
  int peer_port = 0;     // on 127.0.0.1, plain http
  std::string data_dir;  // --data-dir
  std::string log_path;  // etcd's stdout and stderr
  std::vector<std::string> extra_args;

  std::string ClientUrl() const;  // http://127.0.0.1:<client_port>
  std::string PeerUrl() const;    // http://127.0.0.1:<peer_port>
};

struct EtcdClusterOptions {
  int members = 1;
  std::vector<std::string> extra_args;  // appended to every member's argv
  // Until every member is healthy; includes the retries with new ports.
  std::chrono::milliseconds start_timeout{std::chrono::seconds(30)};
};

class EtcdCluster {
 public:
  // Starts the cluster and waits until every member is healthy. If a member
  // dies during start-up (a port was taken meanwhile), retries with fresh
  // ports. On failure returns nullptr and puts the reason and the tail of the
  // members' logs in *error.
  static std::unique_ptr<EtcdCluster> Start(const EtcdClusterOptions& options,
                                            std::string* error);

  EtcdCluster(const EtcdCluster&) = delete;
  EtcdCluster& operator=(const EtcdCluster&) = delete;
  ~EtcdCluster();  // Stop()

  size_t size() const { return configs_.size(); }
  const EtcdMemberConfig& member(size_t i) const { return configs_.at(i); }

  // "127.0.0.1:<client port>" of member i (etcdctl's scheme-less form).
  std::string ClientEndpoint(size_t i) const;
  // All members' client endpoints joined by ',' (the --endpoints value).
  std::string ClientEndpoints() const;

  // Stops one member (SIGTERM, then SIGKILL); its data dir stays.
  void StopMember(size_t i);
  // Sends a signal to a running member (SIGSTOP/SIGCONT to freeze it, SIGKILL to make it
  // vanish without a graceful stop: reap it with StopMember afterwards).
  void SignalMember(size_t i, int sig);
  // Starts a stopped member again with the same flags and data dir, and waits until
  // it reports healthy. False (with *error set) if it did not within `timeout`.
  bool RestartMember(size_t i, std::chrono::milliseconds timeout, std::string* error);

  // Stops every member and removes the temporary directory. Idempotent.
  void Stop();

 private:
  EtcdCluster() = default;

  // One attempt of Start(); false with *error set if a member died or the
  // deadline passed.
  bool Launch(const EtcdClusterOptions& options,
              std::chrono::steady_clock::time_point deadline,
              std::string* error);
  std::string LogTails() const;

  std::string root_dir_;
  std::vector<EtcdMemberConfig> configs_;
  std::vector<std::unique_ptr<BackgroundProcess>> processes_;
  std::vector<std::vector<std::string>> argvs_;  // per member, for RestartMember
};

// Returns `count` distinct ports that were free on 127.0.0.1 a moment ago
// (bound to port 0 and released). Empty on failure.
std::vector<int> PickFreePorts(int count);

// Creates a fresh directory under $TMPDIR (or /tmp); empty string on failure.
std::string MakeTempDir(const std::string& name_prefix);

// Whether etcd's GET /health on 127.0.0.1:<port> answers {"health":"true"}.
bool EtcdHealthy(int client_port, std::chrono::milliseconds timeout);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_ETCD_FIXTURE_H_
