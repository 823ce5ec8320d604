// snapshot save and status on one member; status compared with etcdctl's on the same
// files (small, and large enough for branch and overflow pages).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "cluster_suite.h"

namespace ectl::integration {
namespace {

class ClusterSnapshot : public ClusterSuite<ClusterSnapshot> {
 public:
  static EtcdClusterOptions Options() {
    EtcdClusterOptions o;
    o.members = 1;
    return o;
  }

 protected:
  void SetUp() override {
    ClusterSuite::SetUp();
    dir_ = MakeTempDir("ectl-it-snap-");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  static void PutMany(int count, size_t value_size, const std::string& prefix) {
    // One txn per 100 keys keeps it to a few processes.
    for (int start = 0; start < count; start += 100) {
      std::string txn = "\n";
      for (int i = start; i < std::min(count, start + 100); ++i) {
        txn += "put " + prefix + std::to_string(i) + " " + std::string(value_size, 'v') + "\n";
      }
      txn += "\n\n";  // ends the success ops, then the (empty) failure ops
      Invocation inv = Cmd({"txn"});
      inv.stdin_data = txn;
      RunResult r = RunTool(Tool::kEtcdctl, inv);
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  void ExpectSameStatus(const std::string& file) {
    for (const char* w : {"simple", "json", "fields", "table", "protobuf"}) {
      SCOPED_TRACE(std::string(w) + " " + file);
      ExpectSameAsEtcdctl(Cmd({"-w", w, "snapshot", "status", file}));
    }
  }
  std::string dir_;
};

TEST_F(ClusterSnapshot, SaveThenStatusAsEtcdctl) {
  PutMany(50, 10, "small");
  const std::string file = dir_ + "/s.db";
  RunResult save = RunTool(Tool::kEctl, Cmd({"snapshot", "save", file}));
  ASSERT_EQ(save.exit_code, 0) << save.err;
  EXPECT_EQ(save.out, "Snapshot saved at " + file + "\n");
  EXPECT_EQ(save.err, "");  // stderr is not a terminal: no progress
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size % 512, 32);
  EXPECT_FALSE(std::filesystem::exists(file + ".part"));
  ExpectSameStatus(file);

  // A file saved by etcdctl reads the same.
  const std::string theirs = dir_ + "/t.db";
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"snapshot", "save", theirs})).exit_code, 0);
  ExpectSameStatus(theirs);
}

TEST_F(ClusterSnapshot, LargeDatabaseWithBranchAndOverflowPages) {
  PutMany(3000, 40, "many");
  PutMany(3, 200 * 1000, "huge");
  const std::string file = dir_ + "/big.db";
  RunResult save = RunTool(Tool::kEctl, Cmd({"snapshot", "save", file}));
  ASSERT_EQ(save.exit_code, 0) << save.err;
  ExpectSameStatus(file);
}

TEST_F(ClusterSnapshot, ErrorsAsEtcdctl) {
  // Two endpoints: refused with exit 5.
  RunResult two = ExpectSameAsEtcdctl(
      Cmd({"snapshot", "save", dir_ + "/x.db"}, cluster().ClientEndpoint(0) + "," + cluster().ClientEndpoint(0)));
  EXPECT_EQ(two.exit_code, 5);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/x.db"));
  // Missing file, missing arguments.
  ExpectSameAsEtcdctl(Cmd({"snapshot", "status", dir_ + "/missing.db"}));
  ExpectSameAsEtcdctl(Cmd({"snapshot", "status"}));
  ExpectSameAsEtcdctl(Cmd({"snapshot", "save"}));
  // A directory that does not exist: the partial file cannot be created (exit 5).
  RunResult nodir = ExpectSameAsEtcdctl(Cmd({"snapshot", "save", dir_ + "/no/such/dir.db"}));
  EXPECT_EQ(nodir.exit_code, 5);
  // Not a bbolt file.
  std::ofstream(dir_ + "/junk.db") << std::string(8192, 'j');
  RunResult junk = RunTool(Tool::kEctl, Cmd({"snapshot", "status", dir_ + "/junk.db"}));
  EXPECT_EQ(junk.exit_code, 1);
  EXPECT_EQ(LastLine(junk.err), "Error: invalid database");
}

}  // namespace
}  // namespace ectl::integration
