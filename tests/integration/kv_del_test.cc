// `del`: key, range, --prefix, --from-key, --prev-kv in every output format,
// compared with etcdctl 3.4 after normalising revisions (see normalize.h).

#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class KvDel : public EtcdSuite {
 protected:
  void SetUp() override {
    EtcdSuite::SetUp();
    if (HasFatalFailure()) return;
    lease_ = GrantLease(600);
  }

  void Seed() const {
    PutAll({{"a", "1"},
            {"a/x", "2", lease_},
            {"a/y", "3"},
            {"b", "4"},
            {"c", "5"}});
    Put("c", "5b");  // a second version
  }

  // Each case without and with --prev-kv, in every output format.
  void ExpectAllMatch(const std::vector<Args>& cases) {
    for (const Args& base : cases) {
      for (bool prev_kv : {false, true}) {
        Args args = base;
        if (prev_kv) args.push_back("--prev-kv");
        for (const OutputVariant& v : OutputVariants()) {
          // --hex only changes how keys and values print, and without
          // --prev-kv there are none: skip those runs to save time.
          if (!prev_kv && v.label.find("--hex") != std::string::npos) continue;
          SCOPED_TRACE(v.label);
          RunResult r = ExpectSameMutationAsOracle(
              Cmd(WithFlags(v.flags, args)), v.format, [this] { Seed(); });
          EXPECT_EQ(r.exit_code, 0);  // every case here is a successful del
        }
      }
    }
  }

  std::string lease_;
};

TEST_F(KvDel, KeyAndRange) {
  ExpectAllMatch({{"del", "a"}, {"del", "a", "c"}, {"del", "missing"}});
}

TEST_F(KvDel, PrefixAndFromKey) {
  ExpectAllMatch({{"del", "--prefix", "a"},
                  {"del", "--prefix", ""},
                  {"del", "--from-key", "a/y"},
                  {"del", "--prefix", "missing"}});
}

TEST_F(KvDel, TableIsRefusedBeforeDeleting) {
  for (const Args& args :
       std::vector<Args>{{"-w", "table", "del", "a"},
                         {"del", "--prefix", "", "-w", "table"}}) {
    SCOPED_TRACE(Join(args, " "));
    WipeKeyspace();
    Seed();
    const std::string before = StateDump();
    RunResult ectl = RunTool(Tool::kEctl, Cmd(args));
    EXPECT_EQ(ectl.exit_code, 4);
    EXPECT_EQ(ectl.out, "");
    EXPECT_EQ(LastLine(ectl.err),
              "Error: table not supported as output format");
    EXPECT_EQ(StateDump(), before)
        << "ectl deleted despite refusing the format";
    // etcdctl deletes first, then refuses: compare only exit code and message.
    RunResult oracle = RunTool(Tool::kEtcdctl, Cmd(args));
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(LastLine(ectl.err), LastLine(oracle.err));
  }
}

}  // namespace
}  // namespace ectl::integration
