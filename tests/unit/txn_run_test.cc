// `txn` driven in-process through Run(): the errors that come before any connection, and
// the piped -i prompts.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/run.h"

namespace ectl::cli {
namespace {

struct Result {
  int code;
  std::string out, err;
};

Result RunTxn(std::vector<std::string> argv, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  // An endpoint nobody listens on: none of these cases may get as far as connecting.
  argv.insert(argv.begin() + 1, "--endpoints=127.0.0.1:1");
  int code = Run(argv, {}, {in, out, err, false});
  return {code, out.str(), err.str()};
}

TEST(TxnRun, ArgumentsAreRefused) {
  auto r = RunTxn({"ectl", "txn", "extra"}, "\n\n\n");
  EXPECT_EQ(r.code, 128);
  EXPECT_EQ(r.err, "Error: txn command does not accept argument\n");
}

TEST(TxnRun, InputErrorsBeforeAnyConnection) {
  auto r = RunTxn({"ectl", "txn"}, "\n\n");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "Error: EOF\n");
  r = RunTxn({"ectl", "-w", "table", "txn"}, "bogus\n");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "Error: malformed comparison: bogus\n");
  r = RunTxn({"ectl", "txn"}, "\nput k\n\n\n");
  EXPECT_EQ(r.code, 128);
}

TEST(TxnRun, FormatsRefusedBeforeSending) {
  auto r = RunTxn({"ectl", "-w", "bogus", "txn"}, "bogus\n");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "Error: unsupported output format\n");
  r = RunTxn({"ectl", "-w", "table", "txn"}, "\nput k v\n\n\n");
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(r.err, "Error: table not supported as output format\n");
}

TEST(TxnRun, PipedInteractivePrompts) {
  auto r = RunTxn({"ectl", "txn", "-i"}, "\nput\n");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "compares:\nsuccess requests (get, put, del):\n");
  EXPECT_EQ(r.err, "Error: invalid txn compare request: put\n");
}

}  // namespace
}  // namespace ectl::cli
