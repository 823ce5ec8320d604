// Shell completion against a real etcd: the bash script in a real bash in tmux (type,
// press Tab, read the screen), fish's completions through its own `complete -C`, zsh's
// script through its syntax checker, and the hidden `__complete-keys` command itself.
// The shells' parts are skipped when the shell is not installed.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "binaries.h"
#include "kv_suite.h"
#include "tmux_terminal.h"

namespace ectl::integration {
namespace {

const std::string kScripts = std::string(ECTL_SOURCE_DIR) + "/completions/";
// In place of the 300 ms a shell waits for keys, so that a loaded machine cannot empty
// an answer; the tests of silence keep the real budget.
const std::string kGenerous = "10s";

class Completion : public EtcdSuite {
 protected:
  void SetUp() override {
    EtcdSuite::SetUp();
    dir_ = MakeTempDir("ectl-it-completion-");
    ASSERT_FALSE(dir_.empty());
    // `ectl` on PATH, as an installation has it, and files to complete.
    std::filesystem::create_directories(dir_ + "/bin");
    ASSERT_EQ(symlink(kEctlBinary, (dir_ + "/bin/ectl").c_str()), 0);
    std::ofstream(dir_ + "/ca-bundle.pem") << "x";
    std::ofstream(dir_ + "/snap-old.db") << "x";
    std::filesystem::create_directories(dir_ + "/member-dir");
    PutAll({{"foo1", "v1"}, {"foo2", "v2"}, {"fo o", "spaced"}, {"fo$o", "dollar"},
            {"other", "x"}, {"lk/694d9b8c1c3e2a04", "x"}});
  }
  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  RunResult CompleteKeys(std::vector<std::string> args) {
    Invocation inv;
    inv.args = {"__complete-keys"};
    inv.args.insert(inv.args.end(), args.begin(), args.end());
    inv.endpoints = Endpoints();
    inv.env = {{"ECTL_COMPLETE_KEYS_TIMEOUT", kGenerous}};
    return RunTool(Tool::kEctl, inv);
  }

  std::string dir_;
};

TEST_F(Completion, CompleteKeysListsKeysUnderThePrefix) {
  RunResult r = CompleteKeys({"--", "fo"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "fo o\nfo$o\nfoo1\nfoo2\n");
  EXPECT_EQ(r.err, "");
  r = CompleteKeys({"--names", "--", "l"});
  EXPECT_EQ(r.out, "lk\n");
  r = CompleteKeys({"--", ""});
  EXPECT_EQ(r.out, "fo o\nfo$o\nfoo1\nfoo2\nlk/694d9b8c1c3e2a04\nother\n");
}

// No server: nothing on either stream, exit 0, and no wait beyond the dial budget
// (the generous bound below only catches a dial that would wait --dial-timeout).
TEST_F(Completion, CompleteKeysIsSilentWithoutAServer) {
  Invocation inv;
  inv.args = {"--dial-timeout=10s", "__complete-keys", "--", "fo"};
  inv.endpoints = "127.0.0.1:1";
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_FALSE(r.timed_out);
}

// --user without a password would prompt: completion never does, it answers nothing.
TEST_F(Completion, CompleteKeysNeverPrompts) {
  Invocation inv;
  inv.args = {"--user=root", "__complete-keys", "--", "fo"};
  inv.endpoints = Endpoints();
  inv.stdin_data = "secret\n";
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

// The screen as tmux captures it has no trailing blanks, so "completed with a space
// after it" reads as the line ending there ("...\n"). Each case ends with Ctrl-U, which
// empties the line in order with the keys typed (an interrupt could overtake them).
#define OPEN_BASH(t)                                                                      \
  std::string tmux_path = FindTmux();                                                     \
  if (tmux_path.empty()) GTEST_SKIP() << "tmux is not installed (apt-get install tmux)";  \
  Terminal terminal(tmux_path, "bash --norc --noprofile", "bash",                         \
                    EnvPairs{{"PATH", dir_ + "/bin:/usr/bin:/bin"},                      \
                             {"HOME", dir_},                                              \
                             {"ETCDCTL_ENDPOINTS", Endpoints()},                          \
                             {"ECTL_COMPLETE_KEYS_TIMEOUT", kGenerous}});                \
  Terminal* t = &terminal;                                                                \
  ASSERT_TRUE(t->started());                                                              \
  t->Type("PS1='$ '; cd '" + dir_ + "' && source '" + kScripts + "ectl.bash' && echo READY"); \
  t->Key("Enter");                                                                        \
  ASSERT_TRUE(t->WaitFor("\nREADY")) << t->Screen()

TEST_F(Completion, BashCompletesKeysFromTheServer) {
  OPEN_BASH(t);
  // Several keys: the second Tab lists them, quoted as bash needs them.
  t->Type("ectl get fo");
  t->Key("Tab");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("foo1")) << t->Screen();
  // bash draws the line again under the list; wait for it before emptying the line.
  ASSERT_TRUE(t->WaitFor("$ ectl get fo\n", 2)) << t->Screen();
  std::string screen = t->Screen();
  EXPECT_NE(screen.find("fo\\ o"), std::string::npos) << screen;
  EXPECT_NE(screen.find("fo\\$o"), std::string::npos) << screen;
  EXPECT_NE(screen.find("foo2"), std::string::npos) << screen;
  t->Key("C-u");

  // A key with a space, completed and run: the shell passes it as one word.
  t->Type("ectl get fo\\ ");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl get fo\\ o\n")) << t->Screen();
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("fo o\nspaced\n")) << t->Screen();

  // Lock names without their lease suffix.
  t->Type("ectl lock l");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl lock lk\n")) << t->Screen();
  t->Key("C-u");

  // One match, with the endpoint given on the line instead of ETCDCTL_ENDPOINTS.
  t->Type("unset ETCDCTL_ENDPOINTS");
  t->Key("Enter");
  t->Type("ectl --endpoints=" + Endpoints() + " del oth");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor(" del other\n")) << t->Screen();
  t->Key("C-u");
}

TEST_F(Completion, BashCompletesFlagValuesAndFiles) {
  OPEN_BASH(t);
  t->Type("ectl get --order=DE");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl get --order=DESCEND\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl get --sort-by ");
  t->Key("Tab");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("MODIFY")) << t->Screen();
  ASSERT_TRUE(t->WaitFor("$ ectl get --sort-by\n", 2)) << t->Screen();
  std::string screen = t->Screen();
  for (const char* v : {"CREATE", "KEY", "VALUE", "VERSION"}) {
    EXPECT_NE(screen.find(v), std::string::npos) << v << "\n" << screen;
  }
  t->Key("C-u");

  t->Type("ectl -w js");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl -w json\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl check perf --load=x");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl check perf --load=xl\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl --cacert=ca");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl --cacert=ca-bundle.pem\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl --cacert ca");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl --cacert ca-bundle.pem\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl snapshot save sn");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl snapshot save snap-old.db\n")) << t->Screen();
  t->Key("C-u");

  t->Type("ectl snapshot restore x.db --data-dir mem");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("--data-dir member-dir/")) << t->Screen();
  t->Key("C-u");

  // Commands, abbreviated group names and flags.
  t->Type("ectl memb l");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl memb list\n")) << t->Screen();
  t->Key("C-u");
  t->Type("ectl get --keys-o");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("$ ectl get --keys-only\n")) << t->Screen();
  t->Key("C-u");
}

// No server answers: the key completion gives nothing and says nothing.
TEST_F(Completion, BashIsSilentWithoutAServer) {
  OPEN_BASH(t);
  t->Type("unset ETCDCTL_ENDPOINTS ECTL_COMPLETE_KEYS_TIMEOUT");
  t->Key("Enter");
  t->Type("ectl --endpoints=127.0.0.1:1 get fo");
  t->Key("Tab");
  t->Type("Z");
  ASSERT_TRUE(t->WaitFor("get foZ")) << t->Screen();
  std::string screen = t->Screen();
  EXPECT_EQ(screen.find("Error"), std::string::npos) << screen;
  EXPECT_EQ(screen.find("foo1"), std::string::npos) << screen;
  t->Key("C-u");
}

// zsh: its syntax check, then a real zsh with compinit in tmux.
TEST_F(Completion, ZshCompletesKeysValuesAndFiles) {
  std::string zsh = FindOnPath("zsh");
  if (zsh.empty()) GTEST_SKIP() << "zsh is not installed (apt-get install zsh)";
  RunOptions check;
  check.argv = {zsh, "-n", kScripts + "_ectl.zsh"};
  RunResult syntax = RunProcess(check);
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;
  EXPECT_EQ(syntax.err, "");

  std::string tmux_path = FindTmux();
  if (tmux_path.empty()) GTEST_SKIP() << "tmux is not installed (apt-get install tmux)";
  Terminal terminal(tmux_path, "zsh -f", "zsh",
                    EnvPairs{{"PATH", dir_ + "/bin:/usr/bin:/bin"},
                             {"HOME", dir_},
                             {"ETCDCTL_ENDPOINTS", Endpoints()},
                             {"ECTL_COMPLETE_KEYS_TIMEOUT", kGenerous}});
  Terminal* t = &terminal;
  ASSERT_TRUE(t->started());
  t->Type("PS1='%% '; cd '" + dir_ + "' && autoload -U compinit && compinit -u -D && source '" +
          kScripts + "_ectl.zsh' && echo READY");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("\nREADY")) << t->Screen();

  t->Type("ectl get fo");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("foo2")) << t->Screen();
  std::string screen = t->Screen();
  EXPECT_NE(screen.find("fo\\ o"), std::string::npos) << screen;
  EXPECT_NE(screen.find("fo\\$o"), std::string::npos) << screen;
  t->Key("C-u");

  t->Type("ectl get fo\\ ");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("% ectl get fo\\ o\n")) << t->Screen();
  t->Key("C-u");
  t->Type("ectl get --order=DE");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("% ectl get --order=DESCEND\n")) << t->Screen();
  t->Key("C-u");
  t->Type("ectl -w js");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("% ectl -w json\n")) << t->Screen();
  t->Key("C-u");
  t->Type("ectl --cacert=ca");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("% ectl --cacert=ca-bundle.pem\n")) << t->Screen();
  t->Key("C-u");
  t->Type("ectl memb l");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("% ectl memb list\n")) << t->Screen();
  t->Key("C-u");
  // Descriptions with the candidates.
  t->Type("ectl lease ");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("keep-alive  -- Keeps leases alive (renew)")) << t->Screen();
  t->Key("C-u");
}

// fish answers `complete -C LINE` with the candidates (and descriptions), without a
// terminal: a real completion of keys, values and files.
TEST_F(Completion, FishCompletesKeysValuesAndFiles) {
  std::string fish = FindOnPath("fish");
  if (fish.empty()) GTEST_SKIP() << "fish is not installed (apt-get install fish)";
  RunOptions check;
  check.argv = {fish, "--no-execute", kScripts + "ectl.fish"};
  RunResult syntax = RunProcess(check);
  EXPECT_EQ(syntax.exit_code, 0) << syntax.err;

  auto complete = [&](const std::string& line) {
    RunOptions o;
    o.argv = {fish, "--no-config", "-c",
              "cd '" + dir_ + "'; source '" + kScripts + "ectl.fish'; complete -C '" + line + "'"};
    o.env.unset_prefixes = {"ETCDCTL_"};
    o.env.set = {{"PATH", dir_ + "/bin:/usr/bin:/bin"}, {"HOME", dir_},
                 {"ETCDCTL_ENDPOINTS", Endpoints()}, {"ECTL_COMPLETE_KEYS_TIMEOUT", kGenerous}};
    RunResult r = RunProcess(o);
    EXPECT_EQ(r.exit_code, 0) << line << "\n" << r.err;
    return r.out;
  };
  EXPECT_EQ(complete("ectl get fo"), "fo o\nfo$o\nfoo1\nfoo2\n");
  EXPECT_EQ(complete("ectl lock l"), "lk\n");
  EXPECT_EQ(complete("ectl get --order=D"), "--order=DESCEND\tOrder of results; ASCEND or DESCEND (ASCEND by default)\n");
  EXPECT_EQ(complete("ectl get --sort-by M"), "MODIFY\tSort target; CREATE, KEY, MODIFY, VALUE, or VERSION\n");
  EXPECT_EQ(complete("ectl -w js"),
            "json\tset the output format (fields, json, jsonl, protobuf, simple, table)\n"
            "jsonl\tset the output format (fields, json, jsonl, protobuf, simple, table)\n");
  EXPECT_EQ(complete("ectl --cacert ca"), "ca-bundle.pem\n");
  EXPECT_EQ(complete("ectl snapshot save sn"), "snap-old.db\n");
  EXPECT_NE(complete("ectl memb").find("member\t"), std::string::npos);
  EXPECT_EQ(complete("ectl member li"), "list\tLists all members in the cluster\n");
}

}  // namespace
}  // namespace ectl::integration
