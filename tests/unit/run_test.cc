// The command line driven in-process through Run(): parsing, help and the errors that
// come before any connection.
#include "cli/run.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ectl::cli {
namespace {

struct Result {
  int code;
  std::string out, err;
};

Result RunArgs(std::vector<std::string> argv, std::map<std::string, std::string> env = {}) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = Run(argv, env, {in, out, err, false});
  return {code, out.str(), err.str()};
}

std::string LastLine(const std::string& s) {
  std::string t = s;
  if (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') + 1);
}

TEST(Run, VersionNamesTheProgram) {
  auto r = RunArgs({"ectl", "version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("ectl version: "), std::string::npos);
  EXPECT_NE(r.out.find("API version: 3.4\n"), std::string::npos);
  r = RunArgs({"/usr/local/bin/etcdctl", "vers"});
  EXPECT_EQ(r.out.rfind("etcdctl version: ", 0), 0u);
}

TEST(Run, UnknownCommand) {
  auto r = RunArgs({"etcdctl", "foo"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "Error: unknown command \"foo\" for \"etcdctl\"\nRun 'etcdctl --help' for usage.\n");
}

TEST(Run, UnknownFlagsInPflagWording) {
  auto r = RunArgs({"ectl", "get", "--bogus", "k"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(LastLine(r.err), "Error: unknown flag: --bogus");
  r = RunArgs({"ectl", "put", "k", "-5"});
  EXPECT_EQ(LastLine(r.err), "Error: unknown shorthand flag: '5' in -5");
  r = RunArgs({"ectl", "get", "k", "-w"});
  EXPECT_EQ(LastLine(r.err), "Error: flag needs an argument: 'w' in -w");
}

TEST(Run, ValidationBeforeConnecting) {
  auto r = RunArgs({"ectl", "--endpoints=127.0.0.1:1", "get"});
  EXPECT_EQ(r.code, 128);
  r = RunArgs({"ectl", "--endpoints=127.0.0.1:1", "-w", "bogus", "get", "k"});
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: unsupported output format");
  r = RunArgs({"ectl", "--endpoints=127.0.0.1:1", "-w", "table", "put", "k", "v"});
  EXPECT_EQ(r.code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: table not supported as output format");
  r = RunArgs({"ectl", "--endpoints=127.0.0.1:1", "-w", "json", "get", "k", "--print-value-only"});
  EXPECT_EQ(r.code, 128);
  EXPECT_EQ(LastLine(r.err), "Error: print-value-only is only for `--write-out=simple`");
}

TEST(Run, NoEndpointsIsABadConnection) {
  auto r = RunArgs({"ectl", "--endpoints=", "get", "k"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(LastLine(r.err), "Error: etcdclient: no available endpoints");
}

TEST(Run, ApiVersionVariable) {
  auto r = RunArgs({"ectl", "version"}, {{"ETCDCTL_API", "4"}});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "unsupported API version 4\n");
  EXPECT_EQ(RunArgs({"ectl", "version"}, {{"ETCDCTL_API", "3"}}).code, 0);
}

TEST(Run, HelpForEveryCommandAndGroups) {
  for (auto args : std::vector<std::vector<std::string>>{
           {"ectl"}, {"ectl", "--help"}, {"ectl", "help", "get"}, {"ectl", "put", "-h"}}) {
    auto r = RunArgs(args);
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("USAGE:"), std::string::npos);
  }
}

}  // namespace
}  // namespace ectl::cli
