// Op lines of a transaction (put/get/del with their flags, pflag's parsing, etcdctl's
// errors) and the prompt's Tab completion.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/commands/txn_complete.h"
#include "cli/commands/txn_ops.h"
#include "common/error.h"
#include "txn/argify.h"
#include "txn/line_error.h"

namespace ectl::cli {
namespace {

etcdserverpb::RequestOp Op(const std::string& line) {
  return ParseTxnOp(txn::Argify(line), line);
}

TEST(TxnOps, GetWithFlags) {
  auto op = Op("get k --prefix --limit 5 --rev=7 --order DESCEND --sort-by=value --keys-only "
               "--consistency s --print-value-only");
  ASSERT_TRUE(op.has_request_range());
  const auto& r = op.request_range();
  EXPECT_EQ(r.key(), "k");
  EXPECT_EQ(r.range_end(), "l");
  EXPECT_EQ(r.limit(), 5);
  EXPECT_EQ(r.revision(), 7);
  EXPECT_EQ(r.sort_order(), etcdserverpb::RangeRequest::DESCEND);
  EXPECT_EQ(r.sort_target(), etcdserverpb::RangeRequest::VALUE);
  EXPECT_TRUE(r.keys_only());
  EXPECT_TRUE(r.serializable());
  EXPECT_EQ(Op("get a b").request_range().range_end(), "b");
  EXPECT_EQ(Op("get --from-key a").request_range().range_end(), std::string(1, '\0'));
  EXPECT_TRUE(Op("get a --count-only").request_range().count_only());
  EXPECT_EQ(Op("get a --limit=0x10").request_range().limit(), 16);
}

TEST(TxnOps, PutAndDel) {
  auto put = Op("put k \"v w\" --lease=1a --prev-kv");
  ASSERT_TRUE(put.has_request_put());
  EXPECT_EQ(put.request_put().key(), "k");
  EXPECT_EQ(put.request_put().value(), "v w");
  EXPECT_EQ(put.request_put().lease(), 0x1a);
  EXPECT_TRUE(put.request_put().prev_kv());
  EXPECT_TRUE(Op("put k --ignore-value").request_put().ignore_value());
  EXPECT_EQ(Op("put -- k -v").request_put().value(), "-v");
  auto del = Op("del k --prefix --prev-kv=true");
  ASSERT_TRUE(del.has_request_delete_range());
  EXPECT_EQ(del.request_delete_range().range_end(), "l");
  EXPECT_TRUE(del.request_delete_range().prev_kv());
}

TEST(TxnOps, AbbreviatedCommandsAsCobraPrefixMatching) {
  EXPECT_TRUE(Op("g k").has_request_range());
  EXPECT_TRUE(Op("pu k v").has_request_put());
  EXPECT_TRUE(Op("d k").has_request_delete_range());
  EXPECT_TRUE(Op("--prev-kv=true put k v").has_request_put());
}

struct ErrorCase {
  std::string line;
  ExitCode code;
  std::string message;
};

TEST(TxnOps, ErrorsAsEtcdctl) {
  const std::vector<ErrorCase> cases = {
      {"foo k", ExitCode::kInvalidInput, "invalid txn request: foo k"},
      {"help get", ExitCode::kInvalidInput, "invalid txn request: help get"},
      {"get k --bogus", ExitCode::kInvalidInput, "invalid txn request: get k --bogus"},
      {"get k -x", ExitCode::kInvalidInput, "invalid txn request: get k -x"},
      {"get k --help", ExitCode::kInvalidInput, "invalid txn request: get k --help"},
      {"get k --limit abc", ExitCode::kInvalidInput, "invalid txn request: get k --limit abc"},
      {"get k --limit", ExitCode::kInvalidInput, "invalid txn request: get k --limit"},
      {"get k --prefix=maybe", ExitCode::kInvalidInput, "invalid txn request: get k --prefix=maybe"},
      {"put k v --lease", ExitCode::kInvalidInput, "invalid txn request: put k v --lease"},
      {"get k --order=x", ExitCode::kBadFeature, "bad sort order x"},
      {"get k --sort-by=x", ExitCode::kBadFeature, "bad sort target x"},
      {"get k --consistency=x", ExitCode::kBadFeature, "unknown consistency flag \"x\""},
      {"get k --prefix --from-key", ExitCode::kBadArgs,
       "`--prefix` and `--from-key` cannot be set at the same time, choose one"},
      {"get --prefix", ExitCode::kBadArgs,
       "get command needs one argument as key and an optional argument as range_end"},
      {"put k", ExitCode::kBadArgs, "put command needs 1 argument and input from stdin or 2 arguments"},
      {"put k v --ignore-value", ExitCode::kBadArgs,
       "put command needs only 1 argument when 'ignore-value' is set"},
      {"put k v --lease=zz", ExitCode::kBadArgs,
       "bad lease ID (strconv.ParseInt: parsing \"zz\": invalid syntax), expecting ID in Hex"},
      {"del a b c", ExitCode::kBadArgs,
       "del command needs one argument as key and an optional argument as range_end"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    try {
      Op(c.line);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.what(), c.message);
      EXPECT_EQ(e.code(), c.code);
    }
  }
  // The caret points at the offending word.
  try {
    Op("get k --bogus");
  } catch (const txn::LineError& e) {
    EXPECT_EQ(e.offset(), 6u);
  }
}

TEST(TxnComplete, ComparesAndOps) {
  using V = std::vector<std::string>;
  auto c = CompleteTxnLine(txn::Section::kCompares, "");
  EXPECT_EQ(c.candidates, (V{"version", "create", "mod", "value", "lease"}));
  c = CompleteTxnLine(txn::Section::kCompares, "ve");
  EXPECT_EQ(c.candidates, (V{"version"}));
  EXPECT_EQ(c.suffix, "(\"");
  c = CompleteTxnLine(txn::Section::kCompares, "v");
  EXPECT_EQ(CommonPrefix(c.candidates), "v");
  c = CompleteTxnLine(txn::Section::kCompares, "val(\"k\") ");
  EXPECT_EQ(c.candidates, (V{"=", "!=", "<", ">", "<=", ">="}));
  c = CompleteTxnLine(txn::Section::kCompares, "val(\"k\") !");
  EXPECT_EQ(c.candidates, (V{"!="}));
  EXPECT_EQ(c.suffix, " \"");
  EXPECT_TRUE(CompleteTxnLine(txn::Section::kCompares, "val(\"k\") = \"x").candidates.empty());

  c = CompleteTxnLine(txn::Section::kSuccess, "p");
  EXPECT_EQ(c.candidates, (V{"put"}));
  c = CompleteTxnLine(txn::Section::kFailure, "get k --pr");
  EXPECT_EQ(c.candidates, (V{"--prefix", "--print-value-only"}));
  EXPECT_EQ(CommonPrefix(c.candidates), "--pr");
  c = CompleteTxnLine(txn::Section::kSuccess, "del k --p");
  EXPECT_EQ(c.candidates, (V{"--prefix", "--prev-kv"}));
  EXPECT_TRUE(CompleteTxnLine(txn::Section::kSuccess, "put k v").candidates.empty());
}

}  // namespace
}  // namespace ectl::cli
