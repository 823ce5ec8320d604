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
    // etcdctl writes first, then refuses: only its exit code and message count.
    ExpectRefusedBeforeChange(Cmd(args), 4, "Error: table not supported as output format");
  }
}

}  // namespace
}  // namespace ectl::integration
