// put/get/del failures: argument validation (exit 128), bad enum values and
// formats (exit 4), flag parsing (exit 1) and server/transport errors
// (exit 1). Each compares the exit code and final stderr line with etcdctl
// 3.4, and for put/del that a refused command wrote nothing.

#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class KvErrors : public EtcdSuite {
 protected:
  void Seed() const { PutAll({{"a", "1"}, {"b", "2"}}); }

  // Oracle comparison of a failing command (stdout included, which is empty
  // for these), plus: the expected exit code, and no write by either tool.
  void ExpectRefused(const Args& args, int exit_code,
                     const std::string& stdin_data = "") {
    SCOPED_TRACE(Join(args, " "));
    const std::string before = StateDump();
    RunResult r = ExpectSameAsOracle(Cmd(args, stdin_data));
    EXPECT_EQ(r.exit_code, exit_code) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(StateDump(), before) << "a refused command wrote";
  }

  // Like ExpectRefused for parse errors, where etcdctl prints its usage on
  // stdout: that text is ectl's own, so only exit code and last line count.
  void ExpectParseError(const Args& args, const std::string& last_line) {
    SCOPED_TRACE(Join(args, " "));
    const std::string before = StateDump();
    RunResult r = ExpectSameErrorAsOracle(Cmd(args));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(LastLine(r.err), last_line);
    EXPECT_EQ(StateDump(), before) << "a refused command wrote";
  }
};

TEST_F(KvErrors, MissingArguments) {
  Seed();
  ExpectRefused({"get"}, 128);
  ExpectRefused({"put"}, 128);
  ExpectRefused({"put", "a"}, 128);  // no value and an empty stdin
  ExpectRefused({"del"}, 128);
  ExpectRefused({"del", "a", "b", "c"}, 128);
  ExpectRefused({"put", "a", "x", "--ignore-value"}, 128);
}

TEST_F(KvErrors, PrefixAndFromKeyConflicts) {
  Seed();
  for (const char* cmd : {"get", "del"}) {
    ExpectRefused({cmd, "a", "--prefix", "--from-key"}, 128);
    ExpectRefused({cmd, "a", "b", "--prefix"}, 128);
    ExpectRefused({cmd, "a", "b", "--from-key"}, 128);
  }
}

TEST_F(KvErrors, BadOrderSortByAndConsistency) {
  Seed();
  ExpectRefused({"get", "a", "--order=UP"}, 4);
  ExpectRefused({"get", "a", "--sort-by=SIZE"}, 4);
  ExpectRefused({"get", "a", "--consistency=x"}, 4);
  ExpectRefused({"get", "a", "--consistency=S"}, 4);  // case-sensitive
}

TEST_F(KvErrors, BadLeaseId) {
  Seed();
  ExpectRefused({"put", "a", "x", "--lease=zz"}, 128);
  ExpectRefused({"put", "a", "x", "--lease="}, 128);
  ExpectRefused({"put", "a", "x", "--lease=0x10"}, 128);
  ExpectRefused({"put", "a", "x", "--lease=ffffffffffffffffff"},
                128);                                       // out of range
  ExpectRefused({"put", "a", "x", "--lease=1234abcd"}, 1);  // no such lease
}

TEST_F(KvErrors, UnsupportedOutputFormat) {
  Seed();
  for (const Args& args :
       {Args{"-w", "bogus", "get", "a"}, Args{"put", "a", "x", "-w", "yaml"},
        Args{"--write-out=Json", "del", "a"}}) {
    ExpectRefused(args, 4);
  }
}

TEST_F(KvErrors, PrintValueOnlyNeedsSimpleFormat) {
  Seed();
  for (const char* format : {"json", "fields", "protobuf"}) {
    ExpectRefused({"get", "a", "--print-value-only", "-w", format}, 128);
  }
}

TEST_F(KvErrors, ServerRefusals) {
  Seed();
  ExpectRefused({"put", "missing", "--ignore-value"},
                1);                    // etcdserver: key not found
  ExpectRefused({"put", "", "v"}, 1);  // key is not provided
  ExpectRefused({"get", ""}, 1);
  ExpectRefused({"del", ""}, 1);
  const int64_t rev = Revision();
  ExpectRefused({"get", "a", "--rev=" + std::to_string(rev + 1000)},
                1);  // future
}

TEST_F(KvErrors, CompactedRevision) {
  Seed();
  const int64_t old_rev = Revision();
  Put("a", "newer");
  RunResult c =
      RunTool(Tool::kEtcdctl, Cmd({"compaction", std::to_string(old_rev + 1)}));
  ASSERT_EQ(c.exit_code, 0) << c.err;
  ExpectRefused({"get", "a", "--rev=" + std::to_string(old_rev)}, 1);
}

// 3,000,000 bytes exceed the client's 2 MiB send limit (ResourceExhausted
// from gRPC, message sizes included in the text); 1,600,000 bytes pass the
// client but exceed the server's 1.5 MiB request limit.
TEST_F(KvErrors, OversizeValues) {
  Seed();
  ExpectRefused({"put", "big"}, 1, std::string(3'000'000, 'a'));
  ExpectRefused({"put", "big"}, 1, std::string(1'600'000, 'a'));
  ExpectRefused({"put", "big", "--prev-kv"}, 1, std::string(3'000'000, 'a'));
}

TEST_F(KvErrors, UnknownFlagAndBadFlagValue) {
  Seed();
  ExpectParseError({"get", "--bogus"}, "Error: unknown flag: --bogus");
  ExpectParseError({"put", "a", "x", "--bogus"},
                   "Error: unknown flag: --bogus");
  ExpectParseError({"del", "a", "--bogus"}, "Error: unknown flag: --bogus");
  ExpectParseError({"get", "a", "--limit=abc"},
                   "Error: invalid argument \"abc\" for \"--limit\" flag: "
                   "strconv.ParseInt: parsing \"abc\": invalid syntax");
  ExpectParseError({"put", "a", "x", "--prev-kv=maybe"},
                   "Error: invalid argument \"maybe\" for \"--prev-kv\" flag: "
                   "strconv.ParseBool: parsing \"maybe\": invalid syntax");
}

}  // namespace
}  // namespace ectl::integration
