// snapshot restore and defrag --data-dir against real etcd: a snapshot with binary keys,
// leases, users, roles and a compaction is restored by ectl and by etcdctl; etcd is
// started on each result and everything it serves is compared. Also a 3-member restore
// forming a quorum, bad inputs (corrupt, truncated, existing target) and offline
// defragmentation followed by a restart with an unchanged hashkv.
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
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
}

// bucket -> key -> value of a bbolt file (nested buckets do not occur in etcd files).
using Dump = std::map<std::string, std::map<std::string, std::string>>;
Dump DumpDb(const std::string& path) {
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
    auto deadline = Clock::now() + std::chrono::seconds(60);
    while (!EtcdHealthy(client_port_, std::chrono::milliseconds(500))) {
      if (!process_->Running() || Clock::now() > deadline) {
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

TEST_F(SnapshotRestore, SameFilesAndSameServedDataAsEtcdctl) {
  std::vector<int> ports = PickFreePorts(2);
  ASSERT_EQ(ports.size(), 2u);
  std::string cluster = "r1=http://127.0.0.1:" + std::to_string(ports[1]);
  std::string ours = dir_ + "/ours", theirs = dir_ + "/theirs";
  RunResult a = Restore(Tool::kEctl, snapshot_, ours, "r1", cluster);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, "");
  EXPECT_EQ(a.err, "");
  RunResult b = Restore(Tool::kEtcdctl, snapshot_, theirs, "r1", cluster);
  ASSERT_EQ(b.exit_code, 0) << b.err;

  // Same tree, modes, WAL and .snap bytes.
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(theirs)) {
    std::string rel = fs::relative(e.path(), theirs).string();
    names.push_back(rel);
    struct stat want {}, got {};
    ASSERT_EQ(stat(e.path().c_str(), &want), 0);
    ASSERT_EQ(stat((ours + "/" + rel).c_str(), &got), 0) << rel;
    EXPECT_EQ(got.st_mode, want.st_mode) << rel;
    if (rel.ends_with(".wal") || rel.ends_with(".snap")) {
      EXPECT_TRUE(ReadFile(ours + "/" + rel) == ReadFile(e.path())) << rel << " differs";
    }
  }
  size_t count = 0;
  for ([[maybe_unused]] const auto& e : fs::recursive_directory_iterator(ours)) ++count;
  EXPECT_EQ(count, names.size());
  EXPECT_EQ(fs::directory_entry(fs::path(dir_)).exists(), true);
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_TRUE(e.path().filename() == "ours" || e.path().filename() == "theirs") << e.path();
  }

  // Same buckets, except that ectl drops the old members where etcdctl keeps them.
  Dump got = DumpDb(ours + "/member/snap/db"), want = DumpDb(theirs + "/member/snap/db");
  EXPECT_FALSE(want["members"].empty());
  EXPECT_TRUE(got["members"].empty());
  got.erase("members");
  want.erase("members");
  EXPECT_TRUE(got == want);
  EXPECT_EQ(got["meta"]["consistent_index"], std::string(7, '\0') + "\x01");

  // etcd serves the same from both, and each accepts writes.
  std::string served[2];
  const std::string dirs[2] = {ours, theirs};
  for (int i = 0; i < 2; ++i) {
    SCOPED_TRACE(dirs[i]);
    Member m("r1", dirs[i], ports[0], ports[1], cluster);
    ASSERT_TRUE(m.Start());
    served[i] = Served(m.Endpoint());
    Invocation put;
    put.args = {"put", "after-restore", "ok"};
    put.endpoints = m.Endpoint();
    EXPECT_EQ(RunTool(Tool::kEctl, put).exit_code, 0);
    m.Stop();
    // And starts again on what it wrote.
    ASSERT_TRUE(m.Start());
    Invocation get;
    get.args = {"get", "after-restore", "--print-value-only"};
    get.endpoints = m.Endpoint();
    EXPECT_EQ(RunTool(Tool::kEctl, get).out, "ok\n");
  }
  EXPECT_EQ(served[0], served[1]);
  EXPECT_NE(served[0].find("{\"key\":\"a//+\""), std::string::npos);  // k\xff\xfe
  EXPECT_NE(served[0].find("r1, http://127.0.0.1:" + std::to_string(ports[1])), std::string::npos);
}

TEST_F(SnapshotRestore, ThreeMembersFormAQuorum) {
  std::vector<int> ports = PickFreePorts(6);
  ASSERT_EQ(ports.size(), 6u);
  std::string cluster;
  for (int i = 0; i < 3; ++i) {
    cluster += (i ? "," : "") + std::string("n") + std::to_string(i) + "=http://127.0.0.1:" +
               std::to_string(ports[2 * i + 1]);
  }
  std::vector<std::unique_ptr<Member>> members;
  for (int i = 0; i < 3; ++i) {
    std::string name = "n" + std::to_string(i);
    std::string ours = dir_ + "/" + name, theirs = dir_ + "/" + name + "-etcdctl";
    RunResult r = Restore(Tool::kEctl, snapshot_, ours, name, cluster);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(Restore(Tool::kEtcdctl, snapshot_, theirs, name, cluster).exit_code, 0);
    const std::string wal = "/member/wal/0000000000000000-0000000000000000.wal";
    const std::string snap = "/member/snap/0000000000000001-0000000000000003.snap";
    EXPECT_TRUE(ReadFile(ours + wal) == ReadFile(theirs + wal)) << name;
    EXPECT_TRUE(ReadFile(ours + snap) == ReadFile(theirs + snap)) << name;
    members.push_back(
        std::make_unique<Member>(name, ours, ports[2 * i], ports[2 * i + 1], cluster));
  }
  for (auto& m : members) ASSERT_TRUE(m->Launch());
  for (auto& m : members) ASSERT_TRUE(m->WaitHealthy());

  Invocation list;
  list.args = {"member", "list"};
  list.endpoints = members[2]->Endpoint();
  RunResult l = RunTool(Tool::kEtcdctl, list);
  EXPECT_EQ(std::count(l.out.begin(), l.out.end(), '\n'), 3) << l.out;
  Invocation put;
  put.args = {"put", "quorum", "yes"};
  put.endpoints = members[0]->Endpoint();
  EXPECT_EQ(RunTool(Tool::kEctl, put).exit_code, 0);
  Invocation get;
  get.args = {"get", "quorum", "--print-value-only"};
  get.endpoints = members[2]->Endpoint();
  EXPECT_EQ(RunTool(Tool::kEctl, get).out, "yes\n");
  get.args = {"get", "foo", "--print-value-only"};
  EXPECT_EQ(RunTool(Tool::kEctl, get).out, "bar3\n");
}

TEST_F(SnapshotRestore, BadInputsLeaveNothingBehind) {
  std::string data = ReadFile(snapshot_);
  const std::string corrupt = dir_ + "/corrupt.db", truncated = dir_ + "/truncated.db";
  std::string flipped = data;
  flipped[flipped.size() / 2] ^= 0x55;
  WriteFile(corrupt, flipped);
  WriteFile(truncated, data.substr(0, data.size() / 2));
  const std::string cluster = "default=http://localhost:2380";

  struct Case {
    std::string file;
    std::vector<std::string> extra;
    std::string error_prefix;
  };
  const Case cases[] = {
      {corrupt, {}, "Error: expected sha256 ["},
      {truncated, {}, "Error: snapshot missing hash but --skip-hash-check=false"},
      {dir_ + "/missing.db", {}, "Error: open " + dir_ + "/missing.db: no such file or directory"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    RunResult ours = Restore(Tool::kEctl, c.file, dir_ + "/out", "default", cluster, c.extra);
    RunResult theirs = Restore(Tool::kEtcdctl, c.file, dir_ + "/theirs", "default", cluster, c.extra);
    EXPECT_EQ(ours.exit_code, 1);
    EXPECT_EQ(theirs.exit_code, 1);
    EXPECT_EQ(ours.err.rfind(c.error_prefix, 0), 0u) << ours.err;
    EXPECT_EQ(LastLine(ours.err), LastLine(WithoutLogs(theirs.err)));
    EXPECT_EQ(std::count(ours.err.begin(), ours.err.end(), '\n'), 1) << ours.err;
    EXPECT_FALSE(fs::exists(dir_ + "/out"));
    std::error_code ignored;
    fs::remove_all(dir_ + "/theirs", ignored);
  }
  // A truncated file whose check is skipped is still not a database.
  RunResult r = Restore(Tool::kEctl, truncated, dir_ + "/out", "default", cluster,
                        {"--skip-hash-check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("Error: snapshot " + truncated + " is not a valid database: ", 0), 0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  // Nothing left: no data dir, no temporary directory beside it.
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_TRUE(e.path() == corrupt || e.path() == truncated) << e.path();
  }
}

TEST_F(SnapshotRestore, ErrorsAsEtcdctl) {
  fs::create_directory(dir_ + "/exists");
  const std::vector<std::vector<std::string>> cases = {
      {"snapshot", "restore"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/exists"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/x", "--wal-dir=" + dir_ + "/exists"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/x", "--name=other"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/x",
       "--initial-advertise-peer-urls=ftp://a:1"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/x",
       "--initial-cluster=default=http://localhost:2380,b=http://localhost:2380"},
      {"snapshot", "restore", snapshot_, "--data-dir=" + dir_ + "/x",
       "--initial-advertise-peer-urls=http://localhost:2380/path"},
  };
  for (const auto& args : cases) {
    Invocation inv;
    inv.args = args;
    ExpectSameAsEtcdctl(inv);
    std::error_code ignored;
    fs::remove_all(dir_ + "/x", ignored);
  }
}

TEST_F(SnapshotRestore, DbFileFromADataDirAndWalDir) {
  // A member's db file has no hash trailer: refused without --skip-hash-check.
  std::string first = dir_ + "/first";
  ASSERT_EQ(Restore(Tool::kEctl, snapshot_, first, "default", "default=http://localhost:2380")
                .exit_code,
            0);
  const std::string db = first + "/member/snap/db";
  Invocation refused;
  refused.args = {"snapshot", "restore", db, "--data-dir=" + dir_ + "/second"};
  RunResult theirs = RunTool(Tool::kEtcdctl, refused);
  std::error_code ignored;
  fs::remove_all(dir_ + "/second", ignored);  // etcdctl leaves its partial directory
  RunResult ours = RunTool(Tool::kEctl, refused);
  EXPECT_EQ(ours.exit_code, theirs.exit_code);
  EXPECT_EQ(ours.err, LastLine(WithoutLogs(theirs.err)) + "\n");
  EXPECT_FALSE(fs::exists(dir_ + "/second"));

  std::vector<int> ports = PickFreePorts(2);
  ASSERT_EQ(ports.size(), 2u);
  std::string cluster = "w=http://127.0.0.1:" + std::to_string(ports[1]);
  std::string data = dir_ + "/second", wal = dir_ + "/elsewhere/wal";
  RunResult r = Restore(Tool::kEctl, db, data, "w", cluster, {"--skip-hash-check", "--wal-dir=" + wal});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(wal + "/0000000000000000-0000000000000000.wal"));
  EXPECT_FALSE(fs::exists(data + "/member/wal"));
  Member m("w", data, ports[0], ports[1], cluster);
  // etcd finds the WAL through --wal-dir.
  std::string client = "http://127.0.0.1:" + std::to_string(ports[0]);
  EnvChanges env;
  env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
  std::string error;
  auto etcd = BackgroundProcess::Start(
      {kEtcdBinary, "--name=w", "--data-dir=" + data, "--wal-dir=" + wal,
       "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
       "--listen-peer-urls=" + m.PeerUrl(), "--initial-advertise-peer-urls=" + m.PeerUrl(),
       "--initial-cluster=" + cluster},
      env, dir_ + "/w.log", &error);
  ASSERT_NE(etcd, nullptr) << error;
  auto deadline = Clock::now() + std::chrono::seconds(60);
  while (!EtcdHealthy(ports[0], std::chrono::milliseconds(500))) {
    ASSERT_TRUE(etcd->Running() && Clock::now() < deadline) << ReadFile(dir_ + "/w.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  Invocation get;
  get.args = {"get", "foo", "--print-value-only"};
  get.endpoints = m.Endpoint();
  EXPECT_EQ(RunTool(Tool::kEctl, get).out, "bar3\n");
  etcd->Stop();
}

TEST_F(SnapshotRestore, UserKeysNamedLikeMembersAreKept) {
  // etcdctl 3.4 deletes a user key spelled like an old member ID; ectl leaves user data
  // alone and drops the old member entries instead.
  Invocation list;
  list.args = {"member", "list"};
  list.endpoints = cluster().ClientEndpoints();
  RunResult members = RunTool(Tool::kEtcdctl, list);
  std::string id = members.out.substr(0, members.out.find(','));
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"put", id, "user data"})).exit_code, 0);
  std::string snap = dir_ + "/member-key.db";
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"snapshot", "save", snap})).exit_code, 0);
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", id})).exit_code, 0);

  std::string ours = dir_ + "/ours", theirs = dir_ + "/theirs";
  const std::string cluster = "default=http://localhost:2380";
  ASSERT_EQ(Restore(Tool::kEctl, snap, ours, "default", cluster).exit_code, 0);
  ASSERT_EQ(Restore(Tool::kEtcdctl, snap, theirs, "default", cluster).exit_code, 0);
  Dump got = DumpDb(ours + "/member/snap/db"), want = DumpDb(theirs + "/member/snap/db");
  EXPECT_TRUE(got["members"].empty());
  EXPECT_EQ(want["members"].count(id), 1u);
  // etcdctl added a tombstone; ectl's key bucket is the snapshot's.
  EXPECT_EQ(got["key"].size() + 1, want["key"].size());
}

TEST_F(SnapshotRestore, OfflineDefragKeepsHashKv) {
  std::vector<int> ports = PickFreePorts(2);
  ASSERT_EQ(ports.size(), 2u);
  std::string cluster = "d=http://127.0.0.1:" + std::to_string(ports[1]);
  std::string data = dir_ + "/d";
  ASSERT_EQ(Restore(Tool::kEctl, snapshot_, data, "d", cluster).exit_code, 0);
  Member m("d", data, ports[0], ports[1], cluster);
  ASSERT_TRUE(m.Start());
  // Fragment the file: many writes, then delete most of them.
  for (int start = 0; start < 500; start += 100) {
    std::string txn = "\n";
    for (int i = start; i < start + 100; ++i) {
      txn += "put frag/" + std::to_string(i) + " " + std::string(500, 'f') + "\n";
    }
    Invocation fill;
    fill.args = {"txn"};
    fill.stdin_data = txn + "\n\n";
    fill.endpoints = m.Endpoint();
    ASSERT_EQ(RunTool(Tool::kEtcdctl, fill).exit_code, 0);
  }
  Invocation del;
  del.args = {"del", "frag/", "--prefix"};
  del.endpoints = m.Endpoint();
  ASSERT_EQ(RunTool(Tool::kEtcdctl, del).exit_code, 0);
  Invocation hash;
  hash.args = {"endpoint", "hashkv"};
  hash.endpoints = m.Endpoint();
  std::string before = RunTool(Tool::kEtcdctl, hash).out;
  ASSERT_FALSE(before.empty());

  // While etcd runs the file is locked: refused, file untouched.
  const std::string db = data + "/member/snap/db";
  std::string running_bytes = ReadFile(db);
  Invocation defrag;
  defrag.args = {"defrag", "--data-dir=" + data};
  RunResult busy = RunTool(Tool::kEctl, defrag);
  EXPECT_EQ(busy.exit_code, 1);
  EXPECT_EQ(busy.err.rfind("Failed to defragment etcd data[" + data + "] (", 0), 0u) << busy.err;
  m.Stop();

  uintmax_t size_before = fs::file_size(db);
  Dump dump_before = DumpDb(db);
  RunResult r = RunTool(Tool::kEctl, defrag);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out + r.err, "");
  EXPECT_LE(fs::file_size(db), size_before);
  EXPECT_TRUE(DumpDb(db) == dump_before);
  for (const auto& e : fs::directory_iterator(data + "/member/snap")) {
    EXPECT_EQ(e.path().filename().string().rfind("db.tmp", 0), std::string::npos);
  }
  struct stat st {};
  ASSERT_EQ(stat(db.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  ASSERT_TRUE(m.Start());
  EXPECT_EQ(RunTool(Tool::kEtcdctl, hash).out, before);
  m.Stop();

  // etcdctl's offline defrag reads the result too, and prints nothing either.
  Invocation theirs = defrag;
  RunResult t = RunTool(Tool::kEtcdctl, theirs);
  EXPECT_EQ(t.exit_code, 0) << t.err;
  EXPECT_EQ(t.out, "");

  // A directory without a db: one line, exit 1.
  Invocation missing;
  missing.args = {"defrag", "--data-dir=" + dir_ + "/none"};
  RunResult mr = RunTool(Tool::kEctl, missing);
  EXPECT_EQ(mr.exit_code, 1);
  EXPECT_EQ(mr.err, "Failed to defragment etcd data[" + dir_ + "/none] (open " + dir_ +
                        "/none/member/snap/db: no such file or directory)\n");
}

}  // namespace
}  // namespace ectl::integration
