// --color, NO_COLOR and the terminal checks, through Run() in-process: the "Error:"
// prefix on stderr is the colour that needs no server.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cli/run.h"

namespace ectl::cli {
namespace {

struct Outcome {
  int code;
  std::string err;
};

Outcome RunWith(std::vector<std::string> argv, std::map<std::string, std::string> env,
                bool terminal) {
  std::istringstream in;
  std::ostringstream out, err;
  Io io{in, out, err};
  io.out_is_terminal = terminal;
  io.err_is_terminal = terminal;
  int code = Run(argv, env, io);
  return {code, err.str()};
}

const std::string kPlain = "Error: get command needs one argument as key and an optional argument as range_end\n";
const std::string kRed =
    "\x1b[1;31mError:\x1b[0m get command needs one argument as key and an optional argument "
    "as range_end\n";

TEST(Color, NotATerminalStaysPlain) {
  EXPECT_EQ(RunWith({"ectl", "get"}, {}, false).err, kPlain);
  EXPECT_EQ(RunWith({"ectl", "--color=auto", "get"}, {}, false).err, kPlain);
}

TEST(Color, TerminalGetsColour) {
  auto r = RunWith({"ectl", "get"}, {}, true);
  EXPECT_EQ(r.code, 128);
  EXPECT_EQ(r.err, kRed);
}

TEST(Color, NoColorTurnsAutoOff) {
  EXPECT_EQ(RunWith({"ectl", "get"}, {{"NO_COLOR", "1"}}, true).err, kPlain);
  // An empty NO_COLOR does not count (no-color.org).
  EXPECT_EQ(RunWith({"ectl", "get"}, {{"NO_COLOR", ""}}, true).err, kRed);
  EXPECT_EQ(RunWith({"ectl", "get"}, {{"TERM", "dumb"}}, true).err, kPlain);
}

TEST(Color, AlwaysAndNever) {
  EXPECT_EQ(RunWith({"ectl", "--color=always", "get"}, {}, false).err, kRed);
  EXPECT_EQ(RunWith({"ectl", "get", "--color", "always"}, {{"NO_COLOR", "1"}}, false).err, kRed);
  EXPECT_EQ(RunWith({"ectl", "--color=never", "get"}, {}, true).err, kPlain);
}

TEST(Color, FromTheEnvironment) {
  EXPECT_EQ(RunWith({"ectl", "get"}, {{"ETCDCTL_COLOR", "always"}}, false).err, kRed);
  EXPECT_EQ(RunWith({"ectl", "get"}, {{"ETCDCTL_COLOR", "never"}}, true).err, kPlain);
}

TEST(Color, BadValueIsAFlagError) {
  auto r = RunWith({"ectl", "--color=sometimes", "get", "k"}, {}, false);
  EXPECT_EQ(r.code, 1);
  std::string last = r.err.substr(r.err.rfind("Error:"));
  EXPECT_EQ(last,
            "Error: invalid argument \"sometimes\" for \"--color\" flag: must be auto, always or "
            "never\n");
}

}  // namespace
}  // namespace ectl::cli
