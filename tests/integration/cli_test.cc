// Behaviour that needs no server: `version`, the program name in messages
// (ectl, or etcdctl when run through a symlink of that name), unknown
// commands and flags, and `--help` on every command.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "binaries.h"
#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

using Args = std::vector<std::string>;

Invocation Plain(Args args) {
  Invocation inv;
  inv.args = std::move(args);
  return inv;
}

class Cli : public ::testing::Test {
 protected:
  // A directory with a symlink named etcdctl pointing at the built ectl, as
  // a drop-in installation would have.
  void SetUp() override {
    dir_ = MakeTempDir("ectl-it-cli-");
    ASSERT_FALSE(dir_.empty());
    symlink_ = dir_ + "/etcdctl";
    ASSERT_EQ(symlink(kEctlBinary, symlink_.c_str()), 0);
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string dir_;
  std::string symlink_;
};

TEST_F(Cli, Version) {
  const std::regex expected("ectl version: [^\\s]+\nAPI version: 3\\.4\n");
  for (const Args& args : {Args{"version"}, Args{"-w", "json", "version"}}) {
    RunResult r = RunTool(Tool::kEctl, Plain(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::regex_match(r.out, expected)) << r.out;
    EXPECT_EQ(r.err, "");
  }
}

TEST_F(Cli, VersionThroughEtcdctlSymlink) {
  RunResult r = RunBinary(symlink_, Plain({"version"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_match(
      r.out, std::regex("etcdctl version: [^\\s]+\nAPI version: 3\\.4\n")))
      << r.out;
}

// Invoked as etcdctl, `version` says exactly what etcdctl 3.4.23 says.
TEST_F(Cli, VersionAsEtcdctlIsEtcdctls) {
  RunResult oracle = RunTool(Tool::kEtcdctl, Plain({"version"}));
  RunResult r = RunBinary(symlink_, Plain({"version"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, oracle.out);
  EXPECT_EQ(r.out, "etcdctl version: 3.4.23\nAPI version: 3.4\n");
  EXPECT_EQ(r.err, "");
}

// --version tells ectl's own version, under either name, as `ectl version` does.
TEST_F(Cli, VersionFlagTellsEctlsVersion) {
  RunResult own = RunTool(Tool::kEctl, Plain({"version"}));
  std::smatch m;
  ASSERT_TRUE(std::regex_match(own.out, m, std::regex("ectl version: ([^\\s]+)\nAPI version: 3\\.4\n")))
      << own.out;
  for (const std::string& binary : {std::string(kEctlBinary), symlink_}) {
    RunResult r = RunBinary(binary, Plain({"--version"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "ectl version " + m[1].str() + "\n") << binary;
    EXPECT_EQ(r.err, "");
  }
}

// An unknown command: cobra's report with its suggestions, as etcdctl prints it, but
// once (etcdctl repeats the first paragraph).
TEST_F(Cli, UnknownCommandDidYouMean) {
  for (const char* word : {"gett", "GET", "l", "m", "c", "e", "memebr", "lese", "x", "xyzzy"}) {
    SCOPED_TRACE(word);
    RunResult oracle = RunTool(Tool::kEtcdctl, Plain({word}));
    RunResult r = RunBinary(symlink_, Plain({word}));
    EXPECT_EQ(r.exit_code, oracle.exit_code);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, oracle.out);
    const std::string end = "Run 'etcdctl --help' for usage.\n";
    size_t at = oracle.err.find(end);
    ASSERT_NE(at, std::string::npos) << oracle.err;
    std::string expected = oracle.err.substr(0, at + end.size());
    // ectl's own commands follow etcdctl's in the list.
    if (std::string_view(word) == "e") {
      size_t elect = expected.find("\telect\n");
      ASSERT_NE(elect, std::string::npos) << expected;
      expected.insert(elect + 7, "\texport\n");
    }
    EXPECT_EQ(r.err, expected);
    EXPECT_EQ(Count(r.err, "Error:"), 1u) << r.err;
  }
  RunResult r = RunTool(Tool::kEctl, Plain({"gett"}));
  EXPECT_EQ(r.err,
            "Error: unknown command \"gett\" for \"ectl\"\n\nDid you mean this?\n\tget\n\n"
            "Run 'ectl --help' for usage.\n");
}

TEST_F(Cli, UnknownCommand) {
  RunResult oracle = RunTool(Tool::kEtcdctl, Plain({"foo"}));
  RunResult r = RunTool(Tool::kEctl, Plain({"foo"}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.exit_code, oracle.exit_code);
  EXPECT_EQ(r.err, "Error: unknown command \"foo\" for \"ectl\"\nRun 'ectl --help' for usage.\n");
}

TEST_F(Cli, UnknownCommandThroughEtcdctlSymlink) {
  RunResult oracle = RunTool(Tool::kEtcdctl, Plain({"foo"}));
  RunResult r = RunBinary(symlink_, Plain({"foo"}));
  EXPECT_EQ(r.exit_code, oracle.exit_code);
  // etcdctl's report, once (etcdctl repeats its first line after it).
  EXPECT_EQ(oracle.err.rfind(r.err, 0), 0u) << oracle.err;
  EXPECT_EQ(r.err, "Error: unknown command \"foo\" for \"etcdctl\"\nRun 'etcdctl --help' for usage.\n");
}

TEST_F(Cli, UnknownRootFlag) {
  for (const char* flag : {"--bogus"}) {
    RunResult oracle = RunTool(Tool::kEtcdctl, Plain({flag}));
    RunResult r = RunTool(Tool::kEctl, Plain({flag}));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.exit_code, oracle.exit_code);
    EXPECT_EQ(LastLine(r.err), LastLine(oracle.err));
  }
}

TEST_F(Cli, NoArgumentsPrintsUsage) {
  for (const Args& args : {Args{}, Args{"help"}, Args{"--help"}}) {
    RunResult r = RunTool(Tool::kEctl, Plain(args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out, "");
    EXPECT_EQ(r.err, "");
  }
}

// Every 3.4.23 command path (reference section 2; Debian's extra
// `completion` excluded). Help wording is ectl's own, so only the exit code
// and that help went to stdout are checked.
const std::vector<std::string>& CommandPaths() {
  static const std::vector<std::string> kPaths = {"get",
                                                  "put",
                                                  "del",
                                                  "txn",
                                                  "compaction",
                                                  "alarm",
                                                  "alarm disarm",
                                                  "alarm list",
                                                  "defrag",
                                                  "endpoint",
                                                  "endpoint health",
                                                  "endpoint status",
                                                  "endpoint hashkv",
                                                  "move-leader",
                                                  "watch",
                                                  "version",
                                                  "lease",
                                                  "lease grant",
                                                  "lease revoke",
                                                  "lease timetolive",
                                                  "lease list",
                                                  "lease keep-alive",
                                                  "member",
                                                  "member add",
                                                  "member remove",
                                                  "member update",
                                                  "member list",
                                                  "member promote",
                                                  "snapshot",
                                                  "snapshot save",
                                                  "snapshot restore",
                                                  "snapshot status",
                                                  "make-mirror",
                                                  "migrate",
                                                  "lock",
                                                  "elect",
                                                  "auth",
                                                  "auth enable",
                                                  "auth disable",
                                                  "user",
                                                  "user add",
                                                  "user delete",
                                                  "user get",
                                                  "user list",
                                                  "user passwd",
                                                  "user grant-role",
                                                  "user revoke-role",
                                                  "role",
                                                  "role add",
                                                  "role delete",
                                                  "role get",
                                                  "role list",
                                                  "role grant-permission",
                                                  "role revoke-permission",
                                                  "check",
                                                  "check perf",
                                                  "check datascale"};
  return kPaths;
}

class CliHelp : public ::testing::TestWithParam<std::string> {};

TEST_P(CliHelp, AnswersHelpWithExitZero) {
  Args args;
  std::istringstream words(GetParam());
  for (std::string w; words >> w;) args.push_back(w);
  for (const char* flag : {"--help", "-h"}) {
    Args with_flag = args;
    with_flag.push_back(flag);
    SCOPED_TRACE(Join(with_flag, " "));
    RunResult oracle = RunTool(Tool::kEtcdctl, Plain(with_flag));
    RunResult r = RunTool(Tool::kEctl, Plain(with_flag));
    EXPECT_EQ(oracle.exit_code, 0);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out, "");
    EXPECT_EQ(r.err, "");
  }
}

std::string ParamName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllCommands, CliHelp,
                         ::testing::ValuesIn(CommandPaths()), ParamName);

}  // namespace
}  // namespace ectl::integration
