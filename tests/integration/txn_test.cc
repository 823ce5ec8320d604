// `txn` and piped `txn -i`: both branches in every output format, the prompts, every
// grammar error and exit code compared with etcdctl 3.4; and where ectl deliberately
// differs (etcdctl panics, applies a txn it then cannot print, or hangs).
#include <string>
#include <vector>

#include "txn_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

TEST_F(Txn, SuccessBranchInEveryFormat) {
  ExpectFormatsMatch(
      "create(\"key1\") > \"0\"\nval(\"k2\") = \"y\"\nver(\"ka\") < \"5\"\nm(\"kb\") != \"0\"\n\n"
      "get key1\nput key1 y\ndel nokey\nget k --prefix\ndel k2 --prev-kv\n"
      "put \"bin\\x00\\xff\" \"v\\n\\t\"\n\nput f 1\n\n");
}

TEST_F(Txn, FailureBranchInEveryFormat) {
  ExpectFormatsMatch(
      "val(\"key1\") = \"nope\"\n\nput s 1\n\n"
      "get key1\nput key1 z --prev-kv\nget \"\" --prefix --keys-only --limit 2 --order DESCEND "
      "--sort-by=MODIFY\ndel ka kc --prev-kv\nget missing\n\n");
}

TEST_F(Txn, EmptyAndReadOnlyTransactions) {
  ExpectFormatsMatch("\n\n\n");
  ExpectFormatsMatch("ver(\"none\") = \"0\"\n\nget key1 --rev=0 --consistency=s\n\n\n");
}

TEST_F(Txn, CrlfAndSpacing) {
  ExpectFormatsMatch("  val(\"key1\")  =  \"x\"  \r\n\r\n\tput key1 crlf \r\n \r\n\r\n");
}

TEST_F(Txn, WordsQuotesAndFlagsAsEtcdctl) {
  const std::vector<std::string> inputs = {
      "\nput \"k v\n\n\n",             // a quote without its pair is skipped
      "\nput k\"x y\"z\n\n\n",          // bare words keep their quotes
      "\nput\tk\tv\n\n\n",
      "\n--prev-kv=true put key1 v\n\n\n",  // flags before the command
      "\nput --lease 0 k v extra\n\n\n",
      "\nput -- k -v\n\n\n",
      "\npu k v\nge key1\nd k2\n\n\n",  // abbreviated commands
      "\nget -- --x\nget k -\nget key1 --limit=-1 --rev -1\n\n\n",
      "\nput key1 v --prev-kv=0\nput k2 v --prev-kv false\n\n\n",
      "\nget \"\" --from-key --keys-only\nput k v --lease=0x0 --ignore-lease=false\n\n\n",
      "\nput \"a\"b c\n\n\n",
      "val(\"key1\")\t=\t\"x\"\n ver(\"k\") = \"0\"\ncreate(\"k\") = \"+0\"\n\n\n\n",
      "val(\"key1\") = `x`\nval(\"k2\") != \"\\u00e9\\U0010FFFF\"\nvalue(\"none\") != \"\"\n\n\n\n",
      "\n\n\n\ngarbage after the transaction",
  };
  for (const std::string& in : inputs) ExpectSameTxnAsOracle(Cmd({"txn"}, in), Format::kSimple, Seed);
}

TEST_F(Txn, InteractivePromptsWhenPiped) {
  const std::string input =
      "value(\"key1\") = \"x\"\n\nput key1 y --prev-kv\nget k2\n\nget key1\n\n";
  for (Format f : {Format::kSimple, Format::kJson}) {
    Args args = {"txn", "-i"};
    if (f == Format::kJson) args = {"-w", "json", "txn", "--interactive"};
    RunResult r = ExpectSameTxnAsOracle(Cmd(args, input), f, Seed);
    EXPECT_EQ(r.out.rfind("compares:\nsuccess requests (get, put, del):\n"
                          "failure requests (get, put, del):\n", 0), 0u) << r.out;
  }
  // The prompts printed up to an error.
  for (const std::string in : {"bogus\n", "\nput\n", "\n\nfoo bar\n", "\n\n"}) {
    RunResult r = ExpectSameErrorAsOracle(Cmd({"txn", "-i"}, in));
    EXPECT_EQ(r.exit_code, 3);
  }
  RunResult r = ExpectSameAsOracle(Cmd({"txn", "-i"}, "\nput\n\n\n"));
  EXPECT_EQ(r.out, "compares:\nsuccess requests (get, put, del):\n");
}

TEST_F(Txn, ErrorsAndExitCodesAsEtcdctl) {
  Seed();
  const std::vector<std::string> inputs = {
      "", "\n", "\n\n", "\n\nget key1\n", "\n\nget key1", "bogus\n",
      "mod(key1) > \"1\"\n\n\n\n", "ver(\"key1\") = \"x\"\n\n\n\n", "foo(\"k\") = \"1\"\n\n\n\n",
      "val(\"key1\") = \"x\n", "val(\"key1\") =\n", "val(\"key1\")\n", "val(\"key1\"=\"x\")\n",
      "val(\"key1\")=\"x\"\n", "val(\"\\q\") = \"v\"\n", "val(\"k\") != \"\\ud800\"\n",
      "\nput\n\n\n", "\nput k\n\n\n", "\nfoo k\n\n\n", "\nget k --bogus\n\n\n",
      "\nget k --limit abc\n\n\n", "\nget --limit\n\n\n", "\nget k --order=x\n\n\n",
      "\nget k --sort-by=x\n\n\n", "\nget k --consistency=x\n\n\n",
      "\nget k --prefix --from-key\n\n\n", "\nget k z --prefix\n\n\n",
      "\nput k v --lease=zz\n\n\n", "\nput k v --ignore-value\n\n\n", "\ndel a b c\n\n\n",
      "\ndel\n\n\n", "\nput \"k\\q\" v\n\n\n", "\nget key1 --prefix=maybe\n\n\n",
      "\nput k v\ndel k\n\n\n",  // rejected by the server: duplicate key
      "\n\nput \"\" v\n\n",        // etcdserver: key is not provided
  };
  for (const std::string& in : inputs) {
    SCOPED_TRACE(Printable(in));
    ExpectSameErrorAsOracle(Cmd({"txn"}, in));
  }
  ExpectSameErrorAsOracle(Cmd({"txn", "extra"}, "\n\n\n"));
  ExpectSameErrorAsOracle(Cmd({"-w", "bogus", "txn"}, "bogus\n"));
}

TEST_F(Txn, TableIsRefusedBeforeTheTransactionIsSent) {
  // etcdctl applies the transaction, then refuses the format (exit 4).
  RunResult r = RunTool(Tool::kEctl, Cmd({"-w", "table", "txn"}, "\nput tk v\n\n\n"));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: table not supported as output format");
  EXPECT_FALSE(StoredValue("tk").has_value());
  // Input errors still come first, as with etcdctl.
  ExpectSameErrorAsOracle(Cmd({"-w", "table", "txn"}, "bogus\n"));
}

TEST_F(Txn, LeaseComparesTakeAHexLeaseId) {
  // etcdctl 3.4 panics ("bad value", exit 2) on every lease compare.
  const std::string lease = GrantLease(600);
  Put("lk", "v", lease);
  Put("nolease", "v");
  auto txn = [](const std::string& input) {
    return RunTool(Tool::kEctl, Cmd({"txn"}, input)).out;
  };
  EXPECT_EQ(txn("lease(\"lk\") = \"" + lease + "\"\n\n\n\n"), "SUCCESS\n");
  EXPECT_EQ(txn("lease(\"lk\") = \"1\"\n\n\n\n"), "FAILURE\n");
  EXPECT_EQ(txn("lease(\"nolease\") = \"0\"\n\n\n\n"), "SUCCESS\n");
  EXPECT_EQ(txn("lease(\"lk\") >= \"" + lease + "\"\nlease(\"lk\") <= \"" + lease + "\"\n\n\n\n"),
            "SUCCESS\n");
  RunResult oracle = RunTool(Tool::kEtcdctl, Cmd({"txn"}, "lease(\"lk\") = \"1\"\n\n\n\n"));
  EXPECT_EQ(oracle.exit_code, 2) << "etcdctl no longer panics: " << oracle.err;
}

TEST_F(Txn, GreaterOrEqualAndLessOrEqualAnswerAsTheirEquivalents) {
  // etcdctl panics ("Unknown result op") on >= and <=. Each ectl compare is checked
  // against an equivalent that etcdctl accepts, on the same state, in json (so a nested
  // transaction would show): read-only, so even the revisions agree.
  PutAll({{"vk", "b"}, {"n", "1"}});
  Put("n", "3");  // version 2
  struct Case {
    std::string ectl, oracle;
  };
  const std::vector<Case> cases = {
      {"val(\"vk\") >= \"b\"", "val(\"vk\") = \"b\""},
      {"val(\"vk\") >= \"a\"", "val(\"vk\") > \"a\""},
      {"val(\"vk\") >= \"c\"", "val(\"vk\") > \"c\""},
      {"val(\"vk\") >= \"\"", "val(\"vk\") = \"b\""},
      {"val(\"vk\") >= \"b\\x00\"", "val(\"vk\") > \"b\""},
      {"val(\"vk\") <= \"b\"", "val(\"vk\") = \"b\""},
      {"val(\"vk\") <= \"a\"", "val(\"vk\") < \"a\""},
      {"val(\"nokey\") >= \"a\"", "val(\"nokey\") > \"a\""},
      {"val(\"nokey\") <= \"a\"", "val(\"nokey\") < \"a\""},
      {"ver(\"n\") >= \"2\"", "ver(\"n\") = \"2\""},
      {"ver(\"n\") >= \"3\"", "ver(\"n\") > \"2\""},
      {"ver(\"n\") <= \"2\"", "ver(\"n\") < \"3\""},
      {"ver(\"n\") <= \"1\"", "ver(\"n\") < \"2\""},
      {"val(\"vk\") >= \"a\"\nval(\"n\") >= \"3\"\nver(\"n\") >= \"1\"",
       "val(\"vk\") > \"a\"\nval(\"n\") = \"3\"\nver(\"n\") > \"0\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.ectl);
    const std::string ops = "\n\nget vk\nget n --keys-only\n\nget nokey\n\n";
    RunResult oracle = RunTool(Tool::kEtcdctl, Cmd({"-w", "json", "txn"}, c.oracle + ops));
    RunResult ectl = RunTool(Tool::kEctl, Cmd({"-w", "json", "txn"}, c.ectl + ops));
    EXPECT_EQ(oracle.exit_code, 0) << oracle.err;
    EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
    EXPECT_EQ(ectl.out, oracle.out);
  }
  // A nested chain applies the success branch once.
  RunResult r = RunTool(Tool::kEctl, Cmd({"txn"}, "val(\"vk\") >= \"b\"\n\nput vk c\n\nput vk z\n\n"));
  EXPECT_EQ(r.out, "SUCCESS\n\nOK\n");
  EXPECT_EQ(StoredValue("vk"), "c");
  r = RunTool(Tool::kEctl, Cmd({"txn"}, "val(\"vk\") >= \"d\"\n\nput vk d\n\nput vk e\n\n"));
  EXPECT_EQ(r.out, "FAILURE\n\nOK\n");
  EXPECT_EQ(StoredValue("vk"), "e");
}

TEST_F(Txn, NestedGreaterOrEqualPrintsAsAFlatTransactionInEveryFormat) {
  // ectl's `val >= v` (a nested chain) against etcdctl's `val = v` (flat), mutating, on
  // the same starting state: the outputs must not show the nesting in any format.
  auto run = [](Tool tool, const std::vector<std::string>& args, const std::string& input,
                Format format) {
    WipeKeyspace();
    Seed();
    const int64_t base = Revision();
    RunResult r = RunTool(tool, Cmd(args, input));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return format == Format::kProtobuf ? DumpTxnResponse(r.out, base)
                                       : NormalizeRevisions(format, r.out, base);
  };
  const std::string ops = "\n\nget key1\nput key1 new --prev-kv\ndel ka --prev-kv\n\nput kb 3\n\n";
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    std::vector<std::string> args = WithFlags(v.flags, {"txn"});
    for (const auto& [ectl, oracle] : std::vector<std::pair<std::string, std::string>>{
             {"val(\"key1\") >= \"x\"", "val(\"key1\") = \"x\""},
             {"val(\"key1\") >= \"y\"", "val(\"key1\") > \"y\""}}) {
      EXPECT_EQ(Printable(run(Tool::kEctl, args, ectl + ops, v.format)),
                Printable(run(Tool::kEtcdctl, args, oracle + ops, v.format)));
    }
  }
}

TEST_F(Txn, SingleQuotedWordsKeepTheirText) {
  // etcdctl 3.4 cuts them by the number of words on the line: key "s", value "s".
  RunResult r = RunTool(Tool::kEctl, Cmd({"txn"}, "\nput 'sq key' 'single quoted'\n\n\n"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StoredValue("sq key"), "single quoted");
}

TEST_F(Txn, UnreachableClusterDoesNotHang) {
  // etcdctl sends the txn without a deadline and waits forever.
  std::vector<int> ports = PickFreePorts(1);
  ASSERT_EQ(ports.size(), 1u);
  Invocation inv;
  inv.args = {"--endpoints=127.0.0.1:" + std::to_string(ports[0]), "--dial-timeout=1s", "txn"};
  inv.stdin_data = "\n\nput k v\n\n\n";
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_FALSE(r.timed_out);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
}

}  // namespace
}  // namespace ectl::integration
