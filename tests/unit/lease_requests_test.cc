// Argument validation of the lease commands and compaction: etcdctl's messages and exit
// codes, both from the pure functions and through Run() before any connection.
#include "cli/commands/lease_requests.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/run.h"
#include "common/error.h"

namespace ectl::cli {
namespace {

using Args = std::vector<std::string>;

// The Error a call throws, as "<code>: <message>".
template <typename Fn>
std::string ErrorOf(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return std::to_string(static_cast<int>(e.code())) + ": " + e.what();
  }
  return "no error";
}

TEST(LeaseRequests, GrantTtl) {
  EXPECT_EQ(LeaseGrantTtl({"100"}), 100);
  EXPECT_EQ(LeaseGrantTtl({"-5"}), -5);  // the server raises it to its minimum
  EXPECT_EQ(ErrorOf([] { LeaseGrantTtl({}); }), "128: lease grant command needs TTL argument");
  EXPECT_EQ(ErrorOf([] { LeaseGrantTtl({"1", "2"}); }),
            "128: lease grant command needs TTL argument");
  EXPECT_EQ(ErrorOf([] { LeaseGrantTtl({"abc"}); }),
            "128: bad TTL (strconv.ParseInt: parsing \"abc\": invalid syntax)");
  EXPECT_EQ(ErrorOf([] { LeaseGrantTtl({"0x10"}); }),
            "128: bad TTL (strconv.ParseInt: parsing \"0x10\": invalid syntax)");
}

TEST(LeaseRequests, HexLeaseIds) {
  EXPECT_EQ(LeaseIdArg({"5df4a229c223e405"}, ""), 0x5df4a229c223e405);
  EXPECT_EQ(LeaseIdArg({"ABC"}, ""), 0xabc);
  EXPECT_EQ(LeaseIdArg({"-5"}, ""), -5);
  EXPECT_EQ(LeaseIdArg({"+7fffffffffffffff"}, ""), INT64_MAX);
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({}, "lease revoke command needs 1 argument"); }),
            "128: lease revoke command needs 1 argument");
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({"1", "2"}, "needs one"); }), "128: needs one");
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({"zz"}, ""); }),
            "128: bad lease ID arg (strconv.ParseInt: parsing \"zz\": invalid syntax), "
            "expecting ID in Hex");
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({"0x12"}, ""); }),
            "128: bad lease ID arg (strconv.ParseInt: parsing \"0x12\": invalid syntax), "
            "expecting ID in Hex");
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({"8000000000000000"}, ""); }),
            "128: bad lease ID arg (strconv.ParseInt: parsing \"8000000000000000\": value out "
            "of range), expecting ID in Hex");
  EXPECT_EQ(ErrorOf([] { LeaseIdArg({""}, ""); }),
            "128: bad lease ID arg (strconv.ParseInt: parsing \"\": invalid syntax), "
            "expecting ID in Hex");
}

TEST(LeaseRequests, Compaction) {
  auto r = BuildCompaction({"42"}, false);
  EXPECT_EQ(r.revision(), 42);
  EXPECT_FALSE(r.physical());
  EXPECT_TRUE(BuildCompaction({"7"}, true).physical());
  EXPECT_EQ(ErrorOf([] { BuildCompaction({}, false); }),
            "128: compaction command needs 1 argument");
  EXPECT_EQ(ErrorOf([] { BuildCompaction({"1", "2"}, false); }),
            "128: compaction command needs 1 argument");
  // Exit 1, not 128: etcdctl reports this one with its general error code.
  EXPECT_EQ(ErrorOf([] { BuildCompaction({"abc"}, false); }),
            "1: strconv.ParseInt: parsing \"abc\": invalid syntax");
}

TEST(LeaseRequests, LostMessages) {
  EXPECT_EQ(LeaseLostMessage(0x1234, false), "lease 0000000000001234 expired or revoked");
  EXPECT_EQ(LeaseLostMessage(0x1234, true),
            "lease 0000000000001234 expired or lost: no keep-alive response within its TTL");
}

struct Outcome {
  int code;
  std::string out, err;
};

Outcome RunArgs(Args argv) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = Run(argv, {}, {in, out, err, false});
  return {code, out.str(), err.str()};
}

// Nothing listens on port 1: every case here must fail before connecting.
TEST(LeaseRun, ErrorsBeforeConnecting) {
  struct Case {
    Args args;
    int code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"lease", "grant"}, 128, "Error: lease grant command needs TTL argument\n"},
      {{"lease", "grant", "x"}, 128,
       "Error: bad TTL (strconv.ParseInt: parsing \"x\": invalid syntax)\n"},
      {{"-w", "xml", "lease", "grant", "x"}, 128,
       "Error: bad TTL (strconv.ParseInt: parsing \"x\": invalid syntax)\n"},
      {{"-w", "table", "lease", "grant", "10"}, 4,
       "Error: table not supported as output format\n"},
      {{"lease", "revoke"}, 128, "Error: lease revoke command needs 1 argument\n"},
      {{"lease", "revoke", "zz"}, 128,
       "Error: bad lease ID arg (strconv.ParseInt: parsing \"zz\": invalid syntax), expecting "
       "ID in Hex\n"},
      {{"-w", "protobuf", "lease", "revoke", "1"}, 4,
       "Error: protobuf not supported as output format\n"},
      {{"lease", "timetolive"}, 128,
       "Error: lease timetolive command needs lease ID as argument\n"},
      // etcdctl checks -w before the ID here.
      {{"-w", "xml", "lease", "timetolive", "zz"}, 4, "Error: unsupported output format\n"},
      {{"lease", "timetolive", "--keys=maybe", "1"}, 1,
       "Error: invalid argument \"maybe\" for \"--keys\" flag: strconv.ParseBool: parsing "
       "\"maybe\": invalid syntax\n"},
      {{"-w", "table", "lease", "list"}, 4, "Error: table not supported as output format\n"},
      {{"lease", "keep-alive"}, 128,
       "Error: lease keep-alive command needs lease ID as argument\n"},
      {{"lease", "keep-alive", "--once", "0x1"}, 128,
       "Error: bad lease ID arg (strconv.ParseInt: parsing \"0x1\": invalid syntax), "
       "expecting ID in Hex\n"},
      {{"compaction"}, 128, "Error: compaction command needs 1 argument\n"},
      {{"compaction", "1", "2"}, 128, "Error: compaction command needs 1 argument\n"},
      {{"compaction", "abc"}, 1, "Error: strconv.ParseInt: parsing \"abc\": invalid syntax\n"},
      {{"-w", "xml", "compaction", "5"}, 4, "Error: unsupported output format\n"},
  };
  for (const Case& c : cases) {
    Args argv = {"ectl", "--endpoints=127.0.0.1:1", "--dial-timeout=100ms"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    Outcome r = RunArgs(argv);
    SCOPED_TRACE(c.args.back());
    EXPECT_EQ(r.code, c.code);
    EXPECT_EQ(r.err, c.err);
    // A flag error shows the command's usage on stdout, as etcdctl does; nothing else does.
    if (c.err.find(" flag: ") != std::string::npos) {
      EXPECT_EQ(r.out.rfind("NAME:\n", 0), 0u);
    } else {
      EXPECT_EQ(r.out, "");
    }
  }
}

TEST(LeaseRun, GroupWithoutSubcommandShowsUsage) {
  Outcome r = RunArgs({"ectl", "lease"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("keep-alive"), std::string::npos);
  EXPECT_NE(r.out.find("timetolive"), std::string::npos);
}

}  // namespace
}  // namespace ectl::cli
