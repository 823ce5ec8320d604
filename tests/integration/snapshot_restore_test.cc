// snapshot restore against real etcd: the same snapshot restored by ectl and by etcdctl
// gives the same WAL and .snap bytes, the same buckets (but the old members) and the same
// served data; a 3-member restore forms a quorum; bad inputs fail as etcdctl's do and
// leave nothing behind; a member's db file restores with --skip-hash-check.
#include <filesystem>
#include <regex>
#include <thread>

#include "snapshot_restore_suite.h"

namespace ectl::integration {
namespace {

using Clock = std::chrono::steady_clock;

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

}  // namespace
}  // namespace ectl::integration
