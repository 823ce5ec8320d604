// `put`: value from argv and stdin, --prev-kv, --lease, --ignore-value,
// --ignore-lease and `--` handling, in every output format, compared with
// etcdctl 3.4 after normalising revisions (see normalize.h).

#include <algorithm>
#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

bool HasHex(const OutputVariant& v) {
  return std::find(v.flags.begin(), v.flags.end(), "--hex") != v.flags.end();
}

class KvPut : public EtcdSuite {
 protected:
  void SetUp() override {
    EtcdSuite::SetUp();
    if (HasFatalFailure()) return;
    // Granted once per test and reused by both runs, so lease IDs in the
    // outputs and in the keyspace are the same for etcdctl and ectl.
    old_lease_ = GrantLease(600);
    new_lease_ = GrantLease(600);
  }

  // The state every put case starts from: "k" exists with a lease.
  void Seed() const { PutAll({{"k", "old", old_lease_}, {"other", "x"}}); }

  // Runs `args` (and stdin) in each selected format against the oracle.
  void ExpectFormatsMatch(const Args& args, const std::string& stdin_data,
                          bool with_hex) {
    for (const OutputVariant& v : OutputVariants()) {
      if (HasHex(v) && !with_hex) continue;
      SCOPED_TRACE(v.label);
      RunResult r =
          ExpectSameMutationAsOracle(Cmd(WithFlags(v.flags, args), stdin_data),
                                     v.format, [this] { Seed(); });
      EXPECT_EQ(r.exit_code, 0);  // every case here is a successful put
    }
  }

  std::string old_lease_;
  std::string new_lease_;
};

TEST_F(KvPut, ValueFromArguments) {
  for (const Args& args :
       std::vector<Args>{{"put", "new", "v"},
                         {"put", "k", "v2"},
                         {"put", "k", "a", "b", "c"},  // extras ignored
                         {"put", "empty", ""}}) {
    ExpectFormatsMatch(args, "", /*with_hex=*/false);
  }
}

TEST_F(KvPut, ValueFromStdinIsByteExact) {
  const std::string value = "line1\nline2\n";  // trailing newline is kept
  ExpectFormatsMatch({"put", "k"}, value, /*with_hex=*/false);
  RunResult r = RunTool(Tool::kEctl, Cmd({"put", "fromstdin"}, value));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "OK\n");
  EXPECT_EQ(StoredValue("fromstdin"), value);
}

TEST_F(KvPut, PrevKv) {
  ExpectFormatsMatch({"put", "k", "v2", "--prev-kv"}, "", /*with_hex=*/true);
  ExpectFormatsMatch({"put", "new", "v", "--prev-kv"}, "", /*with_hex=*/true);
  ExpectFormatsMatch({"put", "k", "--prev-kv"}, "from stdin\n",
                     /*with_hex=*/true);
}

TEST_F(KvPut, Lease) {
  ExpectFormatsMatch({"put", "k", "v4", "--lease=" + new_lease_}, "", false);
  ExpectFormatsMatch({"put", "new", "v", "--lease", new_lease_}, "", false);
  ExpectFormatsMatch({"put", "k", "v5", "--lease=0"}, "", false);
}

TEST_F(KvPut, IgnoreValueAndIgnoreLease) {
  for (const Args& args : std::vector<Args>{
           {"put", "k", "--ignore-value"},
           {"put", "k", "--ignore-value", "--prev-kv"},
           {"put", "k", "v3", "--ignore-lease"},
           {"put", "k", "v3", "--ignore-lease", "--prev-kv"},
           {"put", "k", "--ignore-value", "--ignore-lease"},
           {"put", "k", "--ignore-value", "--lease=" + new_lease_}}) {
    ExpectFormatsMatch(args, "", /*with_hex=*/false);
  }
}

TEST_F(KvPut, DoubleDashEndsFlags) {
  for (const Args& args :
       std::vector<Args>{{"put", "--", "dash", "-value"},
                         {"put", "dash", "--", "-value"},
                         {"put", "--", "-key", "-value"},
                         {"put", "--prev-kv", "--", "k", "--x"}}) {
    ExpectFormatsMatch(args, "", /*with_hex=*/false);
  }
}

TEST_F(KvPut, FlagsAfterArguments) {
  ExpectSameMutationAsOracle(Cmd({"put", "k", "v", "-w", "json", "--prev-kv"}),
                             Format::kJson, [this] { Seed(); });
  ExpectSameMutationAsOracle(Cmd({"put", "k", "--prev-kv", "v", "--hex"}),
                             Format::kSimple, [this] { Seed(); });
}

// etcdctl 3.4 applies the put and only then says the format is unsupported;
// ectl refuses before sending anything. Only the exit code and message are
// compared with the oracle; the unchanged keyspace is ectl's own contract.
TEST_F(KvPut, TableIsRefusedBeforeWriting) {
  for (const Args& args :
       std::vector<Args>{{"-w", "table", "put", "k", "v"},
                         {"put", "new", "v", "--write-out=table"}}) {
    SCOPED_TRACE(Join(args, " "));
    Seed();
    // etcdctl writes first, then refuses: only its exit code and message count.
    ExpectRefusedBeforeChange(Cmd(args), 4, "Error: table not supported as output format");
  }
}

}  // namespace
}  // namespace ectl::integration
