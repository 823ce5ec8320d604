// The gtest base of the offline suite (snapshot restore, defrag --data-dir): one source
// etcd filled once with binary keys, a lease, users, roles and a compaction and saved as a
// snapshot; restores by either tool; etcd started on a restored data dir (Member); and
// what such a member serves, for comparing two restores.
//
// Deliberately no test cases here; they live in snapshot_restore_test.cc and
// offline_defrag_test.cc.
#ifndef ECTL_TESTS_INTEGRATION_SNAPSHOT_RESTORE_SUITE_H_
#define ECTL_TESTS_INTEGRATION_SNAPSHOT_RESTORE_SUITE_H_

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "binaries.h"
#include "cluster_suite.h"
#include "offline/bolt_reader.h"

namespace ectl::integration {

namespace fs = std::filesystem;

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

// bucket -> key -> value of a bbolt file (nested buckets do not occur in etcd files).
using Dump = std::map<std::string, std::map<std::string, std::string>>;
inline Dump DumpDb(const std::string& path) {
  Dump d;
  offline::BoltReader db(ReadFile(path));
  std::string bucket;
  db.Walk([&](std::string_view b) { d[bucket = std::string(b)]; },
          [&](std::string_view k, std::string_view v) { d[bucket][std::string(k)] = v; });
  return d;
}

// One etcd started on a restored data dir.
class Member {
 public:
  Member(std::string name, std::string data_dir, int client_port, int peer_port,
         std::string initial_cluster)
      : name_(std::move(name)),
        data_dir_(std::move(data_dir)),
        client_port_(client_port),
        peer_port_(peer_port),
        initial_cluster_(std::move(initial_cluster)) {}
  ~Member() { Stop(); }

  std::string Endpoint() const { return "127.0.0.1:" + std::to_string(client_port_); }
  std::string PeerUrl() const { return "http://127.0.0.1:" + std::to_string(peer_port_); }

  // Starts etcd without waiting.
  ::testing::AssertionResult Launch() {
    std::string client = "http://" + Endpoint();
    std::vector<std::string> argv = {kEtcdBinary,
                                     "--name=" + name_,
                                     "--data-dir=" + data_dir_,
                                     "--listen-client-urls=" + client,
                                     "--advertise-client-urls=" + client,
                                     "--listen-peer-urls=" + PeerUrl(),
                                     "--initial-advertise-peer-urls=" + PeerUrl(),
                                     "--initial-cluster=" + initial_cluster_};
    EnvChanges env;
    env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
    std::string error;
    log_ = data_dir_ + ".log";
    process_ = BackgroundProcess::Start(argv, env, log_, &error);
    if (!process_) return ::testing::AssertionFailure() << error;
    return ::testing::AssertionSuccess();
  }
  // Waits until /health answers (which needs a leader).
  ::testing::AssertionResult WaitHealthy() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!EtcdHealthy(client_port_, std::chrono::milliseconds(500))) {
      if (!process_->Running() || std::chrono::steady_clock::now() > deadline) {
        return ::testing::AssertionFailure() << name_ << " did not become healthy:\n"
                                             << ReadFile(log_);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult Start() {
    auto r = Launch();
    return r ? WaitHealthy() : r;
  }
  void Stop() {
    if (process_) process_->Stop();
    process_.reset();
  }

 private:
  std::string name_, data_dir_;
  int client_port_, peer_port_;
  std::string initial_cluster_;
  std::string log_;
  std::unique_ptr<BackgroundProcess> process_;
};

class SnapshotRestore : public ClusterSuite<SnapshotRestore> {
 public:
  static EtcdClusterOptions Options() {
    EtcdClusterOptions o;
    o.members = 1;
    return o;
  }

 protected:
  static void SetUpTestSuite() {
    ClusterSuite::SetUpTestSuite();
    suite_dir_ = MakeTempDir("ectl-it-restore-");
    Fill();
  }
  static void TearDownTestSuite() {
    std::error_code ignored;
    fs::remove_all(suite_dir_, ignored);
    ClusterSuite::TearDownTestSuite();
  }
  void SetUp() override {
    ClusterSuite::SetUp();
    ASSERT_TRUE(fill_error_.empty()) << fill_error_;
    dir_ = MakeTempDir("ectl-it-restore-case-");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  static void Must(const std::vector<std::string>& args, const std::string& stdin_data = "") {
    Invocation inv = Cmd(args);
    inv.stdin_data = stdin_data;
    RunResult r = RunTool(Tool::kEtcdctl, inv);
    if (r.exit_code != 0 && fill_error_.empty()) fill_error_ = Describe(inv) + ": " + r.err;
  }

  // The source data, saved once as snapshot_.
  static void Fill() {
    Must({"put", "foo", "bar"});
    Must({"put", "foo", "bar2"});
    Must({"put", "gone", "x"});
    Must({"del", "gone"});
    Must({"put", "k\xff\xfe", "invalid utf8 key"});
    Must({"put", "k\nnl", "newline key"});
    Must({"put", "k<>&\x01", "html and control"});
    Must({"put", "big", std::string(10000, 'b')});
    Must({"compaction", "5"});  // revisions 1..4 are gone afterwards
    Must({"put", "foo", "bar3"});
    // etcd allows 128 operations per txn.
    for (int start = 0; start < 300; start += 100) {
      std::string txn = "\n";
      for (int i = start; i < start + 100; ++i) {
        txn += "put many/" + std::to_string(1000 + i) + " value\n";
      }
      Must({"txn"}, txn + "\n\n");
    }
    Invocation grant = Cmd({"lease", "grant", "3600"});
    RunResult g = RunTool(Tool::kEtcdctl, grant);
    std::smatch m;
    if (std::regex_search(g.out, m, std::regex("lease ([0-9a-f]+) granted"))) {
      Must({"put", "leased", "v", "--lease=" + m[1].str()});
    } else {
      fill_error_ = "lease grant: " + g.out + g.err;
    }
    Must({"user", "add", "alice", "--new-user-password=pw"});
    Must({"role", "add", "reader"});
    Must({"role", "grant-permission", "reader", "read", "/a", "/b"});
    Must({"user", "grant-role", "alice", "reader"});
    snapshot_ = suite_dir_ + "/s.db";
    Must({"snapshot", "save", snapshot_});
  }

  // `snapshot restore` with one member `name` on the given peer port, by `tool`.
  RunResult Restore(Tool tool, const std::string& snapshot, const std::string& data_dir,
                    const std::string& name, const std::string& cluster,
                    std::vector<std::string> extra = {}) {
    std::string peer = cluster.substr(cluster.find(name + "=") + name.size() + 1);
    peer = peer.substr(0, peer.find(','));
    Invocation inv;
    inv.args = {"snapshot",          "restore",
                snapshot,            "--data-dir=" + data_dir,
                "--name=" + name,    "--initial-cluster=" + cluster,
                "--initial-cluster-token=restored",
                "--initial-advertise-peer-urls=" + peer};
    inv.args.insert(inv.args.end(), extra.begin(), extra.end());
    return RunTool(tool, inv);
  }

  // Everything a restored single member serves that must not depend on who restored it.
  static std::string Served(const std::string& ep) {
    static const std::regex header(R"("header":\{[^}]*\},?)");
    std::string out;
    auto run = [&](const std::vector<std::string>& args) {
      Invocation inv;
      inv.args = args;
      inv.endpoints = ep;
      RunResult r = RunTool(Tool::kEtcdctl, inv);
      out += "$ " + Join(args, " ") + " -> " + std::to_string(r.exit_code) + "\n" +
             std::regex_replace(r.out, header, "") + LastLine(WithoutLogs(r.err)) + "\n";
    };
    run({"get", "", "--from-key", "-w", "json"});
    run({"get", "foo", "--rev=6", "-w", "json"});  // after the compaction point
    run({"get", "foo", "--rev=4"});                 // compacted
    run({"member", "list"});
    run({"user", "list"});
    run({"user", "get", "alice"});
    run({"role", "list"});
    run({"role", "get", "reader"});
    run({"lease", "list"});
    run({"endpoint", "status", "-w", "fields"});
    return std::regex_replace(out, std::regex(R"re("(DBSize|DBSizeInUse|RaftIndex|RaftAppliedIndex)" : \d+)re"),
                              "\"$1\" : N");
  }

  static inline std::string suite_dir_;
  static inline std::string snapshot_;
  static inline std::string fill_error_;
  std::string dir_;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_SNAPSHOT_RESTORE_SUITE_H_
