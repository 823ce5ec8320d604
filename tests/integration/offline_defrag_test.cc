// defrag --data-dir against real etcd: a fragmented member's db rewritten offline keeps
// every bucket and the hashkv etcd reports after a restart, is no bigger, and is refused
// while etcd holds it; failures are etcdctl's one line with exit 1.
#include <sys/stat.h>

#include <filesystem>

#include "snapshot_restore_suite.h"

namespace ectl::integration {
namespace {

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
