// `get`: every option in every output format, compared with etcdctl 3.4 on
// the same server state (read-only, so outputs must be byte-identical).

#include <algorithm>
#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class KvGet : public EtcdSuite {
 protected:
  // Keys whose key order, create order, modify order, value order and
  // version order all differ, one with a lease, so every --sort-by and
  // --order combination gives a distinct result.
  void SetUp() override {
    EtcdSuite::SetUp();
    if (HasFatalFailure()) return;
    lease_ = GrantLease(600);
    Put("c", "v1");
    Put("a", "v3");
    Put("b", "vv2", lease_);
    Put("a", "v3b");
    mid_revision_ = Revision();
    Put("d", "v0");
    Put("c", "v1b");
    Put("c", "v1c");
    Put("a/1", "x");
    Put("a/2", "y");
    Put("zoo", "last");
  }

  // Runs each argument list in each output format against the oracle.
  void ExpectAllFormatsMatch(const std::vector<Args>& cases) {
    for (const Args& args : cases) {
      for (const OutputVariant& v : OutputVariants()) {
        SCOPED_TRACE(v.label);
        Args full = {"get"};
        full.insert(full.end(), args.begin(), args.end());
        full.insert(full.end(), v.flags.begin(), v.flags.end());
        RunResult r = ExpectSameAsOracle(Cmd(full));
        // Guards against a matrix that passes because both tools fail alike.
        const bool value_only = std::find(args.begin(), args.end(),
                                          "--print-value-only") != args.end();
        EXPECT_EQ(r.exit_code,
                  value_only && v.format != Format::kSimple ? 128 : 0);
      }
    }
  }

  std::string lease_;
  int64_t mid_revision_ = 0;
};

TEST_F(KvGet, KeyRangePrefixFromKey) {
  ExpectAllFormatsMatch({
      {"a"},
      {"b"},  // has a lease
      {"a", "c"},
      {"a", "c", "zzz"},  // extra arguments are ignored by etcdctl
      {"--prefix", "a"},
      {"--prefix", ""},  // whole keyspace
      {"--from-key", "b"},
      {"--from-key", ""},
      {"missing"},
      {"--prefix", "missing"},
      {"zz", "a"},  // empty range: range_end before key
  });
}

TEST_F(KvGet, LimitAndRevision) {
  const std::string rev = "--rev=" + std::to_string(mid_revision_);
  ExpectAllFormatsMatch({
      {"--prefix", "", "--limit=2"},
      {"--prefix", "", "--limit", "1"},
      {"--prefix", "", "--limit=100"},
      {"--prefix", "", rev},
      {"a", rev},
      {"d", rev},  // created after that revision
  });
}

TEST_F(KvGet, OrderAndSortBy) {
  std::vector<Args> cases = {{"--prefix", "", "--order=DESCEND"},
                             {"--prefix", "", "--order=ASCEND"},
                             {"--prefix", "", "--order=descend"}};
  for (const char* target : {"CREATE", "KEY", "MODIFY", "VALUE", "VERSION"}) {
    const std::string sort = std::string("--sort-by=") + target;
    cases.push_back({"--prefix", "", sort});
    cases.push_back({"--prefix", "", sort, "--order=ASCEND"});
    cases.push_back({"--prefix", "", sort, "--order=DESCEND"});
  }
  cases.push_back(
      {"--prefix", "", "--sort-by=value", "--order=descend", "--limit=2"});
  ExpectAllFormatsMatch(cases);
}

TEST_F(KvGet, KeysOnlyAndPrintValueOnly) {
  // --print-value-only with a format other than simple fails with exit 128 in
  // the oracle; the matrix checks that too.
  ExpectAllFormatsMatch({
      {"--prefix", "", "--keys-only"},
      {"a", "--keys-only"},
      {"--prefix", "", "--print-value-only"},
      {"b", "--print-value-only"},
      {"--prefix", "", "--keys-only", "--print-value-only"},
      {"missing", "--print-value-only"},
  });
}

TEST_F(KvGet, Consistency) {
  ExpectAllFormatsMatch({
      {"--prefix", "", "--consistency=s"},
      {"a", "--consistency=l"},
      {"a", "--consistency", "s"},
  });
}

TEST_F(KvGet, FlagPositionDoesNotMatter) {
  for (const Args& args : std::vector<Args>{{"-w", "json", "get", "a"},
                                            {"get", "-w", "json", "a"},
                                            {"get", "a", "-w", "json"},
                                            {"get", "--hex", "--prefix", "a"},
                                            {"get", "a", "--", "c"}}) {
    ExpectSameAsOracle(Cmd(args));
  }
}

TEST_F(KvGet, TableIsRefused) {
  RunResult r = ExpectSameAsOracle(Cmd({"get", "a", "-w", "table"}));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: table not supported as output format");
}

// etcdctl 3.4.23 has no --count-only (`Error: unknown flag: --count-only`);
// ectl follows etcdctl 3.5 there: only with -w fields, which prints the
// header, `"More" : false` and `"Count" : N`. The expected text is derived
// from the oracle's -w fields output of the same range with the kv lines
// removed.
TEST_F(KvGet, CountOnlyWithFieldsFollowsEtcdctl35) {
  for (const Args& range : std::vector<Args>{{"--prefix", ""},
                                             {"a"},
                                             {"a", "c"},
                                             {"--from-key", "b"},
                                             {"missing"}}) {
    for (const Args& extra : std::vector<Args>{{}, {"--hex"}}) {
      Args base = {"get", "-w", "fields"};
      base.insert(base.end(), range.begin(), range.end());
      base.insert(base.end(), extra.begin(), extra.end());
      SCOPED_TRACE(Join(base, " "));
      RunResult oracle = RunTool(Tool::kEtcdctl, Cmd(base));
      ASSERT_EQ(oracle.exit_code, 0);
      std::string expected;
      for (size_t pos = 0; pos < oracle.out.size();) {
        size_t nl = oracle.out.find('\n', pos);
        std::string line = oracle.out.substr(pos, nl - pos + 1);
        pos = nl + 1;
        bool kv_line = false;
        for (const char* name :
             {"\"Key\"", "\"CreateRevision\"", "\"ModRevision\"", "\"Version\"",
              "\"Value\"", "\"Lease\""}) {
          kv_line = kv_line || line.rfind(name, 0) == 0;
        }
        if (!kv_line) expected += line;
      }
      Args with_count = base;
      with_count.push_back("--count-only");
      RunResult ectl = RunTool(Tool::kEctl, Cmd(with_count));
      EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
      EXPECT_EQ(Printable(ectl.out), Printable(expected));
      EXPECT_EQ(ectl.err, "");
    }
  }
}

TEST_F(KvGet, CountOnlyOutsideFieldsIsRefused) {
  for (const Args& flags : std::vector<Args>{
           {}, {"-w", "simple"}, {"-w", "json"}, {"-w", "protobuf"}}) {
    Args args = WithFlags(flags, {"get", "--prefix", "", "--count-only"});
    SCOPED_TRACE(Join(args, " "));
    RunResult r = RunTool(Tool::kEctl, Cmd(args));
    EXPECT_EQ(r.exit_code, 128);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(LastLine(r.err),
              "Error: --count-only is only for `--write-out=fields`");
  }
  RunResult r =
      RunTool(Tool::kEctl,
              Cmd({"get", "a", "--count-only", "--keys-only", "-w", "fields"}));
  EXPECT_EQ(r.exit_code, 128);
  EXPECT_EQ(
      LastLine(r.err),
      "Error: `--keys-only` and `--count-only` cannot be set at the same time, "
      "choose one");
}

}  // namespace
}  // namespace ectl::integration
