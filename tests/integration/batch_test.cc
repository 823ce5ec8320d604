// ectl batch against a real etcd: every line prints what the separate invocation prints,
// quoting, here-documents, failures with line numbers, --keep-going, refused commands,
// global flags; and ectl shell at a terminal (tmux).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include <csignal>

#include "child_process.h"
#include "kv_suite.h"
#include "tmux_terminal.h"

namespace ectl::integration {
namespace {

class Batch : public EtcdSuite {
 protected:
  // Runs `ectl --endpoints=... [flags...] batch` with the script on stdin.
  static RunResult RunBatch(const std::string& script, std::vector<std::string> flags = {}) {
    flags.push_back("batch");
    return RunTool(Tool::kEctl, Cmd(flags, script));
  }

  // One line of a script and the same command as separate arguments.
  struct Line {
    std::string text;
    std::vector<std::string> args;
  };
  // Expects the batch's stdout and stderr to be the concatenation of what each line
  // prints when run alone by `tool`, and the exit code to be 0.
  static void ExpectSameAsSeparate(const std::vector<Line>& lines, Tool tool) {
    std::string script, out, err;
    for (const auto& l : lines) {
      script += l.text + "\n";
      RunResult alone = RunTool(tool, Cmd(l.args));
      ASSERT_EQ(alone.exit_code, 0) << l.text << ": " << alone.err;
      out += alone.out;
      err += alone.err;
    }
    RunResult batch = RunBatch(script);
    EXPECT_EQ(batch.exit_code, 0) << batch.err;
    EXPECT_EQ(Printable(batch.out), Printable(out)) << ToolName(tool);
    EXPECT_EQ(batch.err, err);
  }
};

TEST_F(Batch, ReadsPrintAsSeparateInvocations) {
  PutAll({{"fruit/apple", "red"}, {"fruit/banana", "yellow"}, {"veg/leek", "green"}});
  Put("bin\xff", std::string("v\0\n\x01", 4));
  const std::vector<Line> lines = {
      {"get fruit/apple", {"get", "fruit/apple"}},
      {"get fruit/ --prefix -w json", {"get", "fruit/", "--prefix", "-w", "json"}},
      {"get '' --from-key -w fields", {"get", "", "--from-key", "-w", "fields"}},
      {"get fruit/ --prefix --keys-only --hex", {"get", "fruit/", "--prefix", "--keys-only", "--hex"}},
      {"-w protobuf get $'bin\\xff'", {"-w", "protobuf", "get", "bin\xff"}},
      {"get $'bin\\xff' --print-value-only", {"get", "bin\xff", "--print-value-only"}},
      {"get --prefix fruit/ --limit 1 --sort-by=MODIFY --order=DESCEND",
       {"get", "--prefix", "fruit/", "--limit", "1", "--sort-by=MODIFY", "--order=DESCEND"}},
      {"get v --prefix -w json --hex", {"get", "v", "--prefix", "-w", "json", "--hex"}},
      {"member list -w table", {"member", "list", "-w", "table"}},
      {"alarm list", {"alarm", "list"}},
      {"lease list", {"lease", "list"}},
  };
  ExpectSameAsSeparate(lines, Tool::kEtcdctl);
  ExpectSameAsSeparate(lines, Tool::kEctl);
}

TEST_F(Batch, WritesPrintAsSeparateInvocations) {
  RunResult r = RunBatch("put a 1\nput a 2 --prev-kv\ndel a\ndel nothing\nput b 3 -w json\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  // put -w json's header carries the revision: compare its shape with etcdctl's.
  std::string json = r.out.substr(r.out.find("{"));
  EXPECT_EQ(r.out.substr(0, r.out.find("{")), "OK\nOK\na\n1\n1\n0\n");
  int64_t rev = Revision();
  RunResult oracle = RunTool(Tool::kEtcdctl, Cmd({"put", "b", "3", "-w", "json"}));
  EXPECT_EQ(NormalizeRevisions(Format::kJson, json, rev),
            NormalizeRevisions(Format::kJson, oracle.out, rev + 1));
  EXPECT_FALSE(StoredValue("a").has_value());
}

TEST_F(Batch, Quoting) {
  RunResult r = RunBatch(
      "put 'a key' \"a \\\"quoted\\\" value\"   # a comment\n"
      "put '#hash' ''\n"
      "put back\\ slash 'it'\\''s'\n"
      "put $'nul\\x00key' $'\\xff\\x00\\n'\n"
      "put \"$HOME\" '*'\n"
      "put con\\\n"
      "tinued \\\n"
      "  value\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "OK\nOK\nOK\nOK\nOK\nOK\n");
  EXPECT_EQ(StoredValue("a key"), "a \"quoted\" value");
  EXPECT_EQ(StoredValue("#hash"), "");
  EXPECT_EQ(StoredValue("back slash"), "it's");
  // A NUL cannot pass through argv (or etcdctl): read the key back as JSON.
  RunResult json = RunTool(Tool::kEctl, Cmd({"get", "nul", "--prefix", "-w", "json"}));
  EXPECT_NE(json.out.find("\"key\":\"" + Base64(std::string("nul\0key", 7)) + "\""),
            std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"value\":\"" + Base64(std::string("\xff\0\n", 3)) + "\""),
            std::string::npos) << json.out;
  EXPECT_EQ(StoredValue("$HOME"), "*");
  EXPECT_EQ(StoredValue("continued"), "value");
}

TEST_F(Batch, StopsAtTheFirstFailure) {
  RunResult r = RunBatch("put s1 1\n\n# nothing\nget\nput s2 2\n");
  EXPECT_EQ(r.exit_code, 128);
  RunResult alone = RunTool(Tool::kEctl, Cmd({"get"}));
  EXPECT_EQ(r.out, "OK\n" + alone.out);
  EXPECT_EQ(r.err, alone.err + "Error: line 4: command failed with exit code 128; batch stopped\n");
  EXPECT_EQ(StoredValue("s1"), "1");
  EXPECT_FALSE(StoredValue("s2").has_value());

  // A server error keeps its exit code (1) and text.
  r = RunBatch("lease revoke 1234\nput s3 3\n");
  EXPECT_EQ(r.exit_code, 1);
  alone = RunTool(Tool::kEctl, Cmd({"lease", "revoke", "1234"}));
  EXPECT_EQ(r.err, alone.err + "Error: line 1: command failed with exit code 1; batch stopped\n");
  EXPECT_FALSE(StoredValue("s3").has_value());
}

TEST_F(Batch, KeepGoingRunsEverythingAndExitsWithTheFirstFailure) {
  RunResult r = RunBatch("put k1 1\nlease revoke 1234\nput k2 2\nget\nput k3 3\n", {"--keep-going"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(StoredValue("k1"), "1");
  EXPECT_EQ(StoredValue("k2"), "2");
  EXPECT_EQ(StoredValue("k3"), "3");
  RunResult get_alone = RunTool(Tool::kEctl, Cmd({"get"}));
  RunResult revoke_alone = RunTool(Tool::kEctl, Cmd({"lease", "revoke", "1234"}));
  EXPECT_EQ(r.err,
            revoke_alone.err +
                "Error: line 2: command failed with exit code 1\n" +
                get_alone.err +
                "Error: line 4: command failed with exit code 128\n"
                "Error: 2 of 5 commands failed; the first at line 2 (exit code 1)\n");
}

TEST_F(Batch, HereDocumentsFeedStandardInput) {
  const std::string txn = "value(\"h1\") = \"hello\\nworld\\n\"\n\nput h2 yes\n\nput h2 no\n\n";
  RunResult r = RunBatch(
      "put h1 <<EOF\nhello\nworld\nEOF\n"
      "txn <<END\n" + txn + "END\n"
      "txn -i <<-X\n\tvalue(\"h2\") = \"yes\"\n\n\tput h3 v\n\n\n\tX\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(StoredValue("h1"), "hello\nworld\n");
  EXPECT_EQ(StoredValue("h2"), "yes");
  EXPECT_EQ(StoredValue("h3"), "v");
  // The transactions print as `etcdctl txn` and `etcdctl txn -i` with that input.
  RunResult oracle = RunTool(Tool::kEtcdctl, Cmd({"txn"}, txn));
  RunResult oracle_i =
      RunTool(Tool::kEtcdctl, Cmd({"txn", "-i"}, "value(\"h2\") = \"yes\"\n\nput h3 v\n\n\n"));
  EXPECT_EQ(r.out, "OK\n" + oracle.out + oracle_i.out);

  // Without a here-document, standard input is empty, as with </dev/null.
  r = RunBatch("put empty\n");
  RunResult alone = RunTool(Tool::kEctl, Cmd({"put", "empty"}));
  EXPECT_EQ(r.exit_code, alone.exit_code);
  EXPECT_EQ(r.err, alone.err + "Error: line 1: command failed with exit code " +
                       std::to_string(alone.exit_code) + "; batch stopped\n");
}

TEST_F(Batch, RefusesLongRunningCommandsBeforeRunningAnything) {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"watch k", "watch cannot run in a batch: it runs until interrupted"},
      {"lease keep 1", "lease keep-alive cannot run in a batch: it runs until interrupted"},
      {"lock l", "lock cannot run in a batch: it holds the lock until interrupted"},
      {"elect e p", "elect cannot run in a batch: it campaigns or listens until interrupted"},
      {"make-mirror --dest-cluster x:1", "make-mirror cannot run in a batch: it runs until interrupted"},
      {"check perf", "check perf cannot run in a batch: it loads the cluster for a minute or more; run it on its own"},
      {"check datascale", "check datascale cannot run in a batch: it loads the cluster for minutes; run it on its own"},
      {"batch", "batch cannot run inside a batch"},
      {"shell x", "shell cannot run inside a batch"},
  };
  for (const auto& [line, message] : refused) {
    SCOPED_TRACE(line);
    RunResult r = RunBatch("put r 1\n" + line + "\n");
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "Error: line 2: " + message + "\n");
  }
  EXPECT_FALSE(StoredValue("r").has_value());
}

TEST_F(Batch, ScriptErrorsChangeNothing) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"put q 1\nput 'q 2\n", "Error: line 2: unterminated single quote\n"},
      {"put q 1\n\nput \"q 2\n", "Error: line 3: unterminated double quote\n"},
      {"put q 1\nput q <<EOF\nv\n", "Error: line 2: here-document delimited by \"EOF\" is not closed\n"},
      {"put q 1\nget q --endpoints=x:1\n",
       "Error: line 2: --endpoints must be given to batch, not on a line (all lines share one "
       "connection)\n"},
      {"put q 1\nget q --user u\n",
       "Error: line 2: --user must be given to batch, not on a line (all lines share one "
       "connection)\n"},
  };
  for (const auto& [script, err] : bad) {
    SCOPED_TRACE(script);
    RunResult r = RunBatch(script);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, err);
  }
  EXPECT_FALSE(StoredValue("q").has_value());
}

TEST_F(Batch, GlobalFlagsApplyToEveryLine) {
  Put("g", "v");
  RunResult r = RunBatch("get g\nget g -w simple\nget g --hex\n", {"-w", "fields"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string expected;
  for (std::vector<std::string> args : {std::vector<std::string>{"-w", "fields", "get", "g"},
                                         {"-w", "fields", "get", "g", "-w", "simple"},
                                         {"-w", "fields", "get", "g", "--hex"}}) {
    expected += RunTool(Tool::kEtcdctl, Cmd(args)).out;
  }
  EXPECT_EQ(r.out, expected);
  EXPECT_NE(r.out.find("\"Key\" : \"g\""), std::string::npos);
  EXPECT_NE(r.out.find("g\nv\n"), std::string::npos);

  // An unreachable endpoint given to batch: the first line fails as it would alone.
  Invocation inv;
  inv.args = {"--endpoints=127.0.0.1:1", "--dial-timeout=300ms", "batch"};
  inv.stdin_data = "put u 1\nput u 2\n";
  r = RunTool(Tool::kEctl, inv);
  inv.args = {"--endpoints=127.0.0.1:1", "--dial-timeout=300ms", "put", "u", "1"};
  RunResult alone = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, alone.exit_code);
  EXPECT_EQ(r.err, alone.err + "Error: line 1: command failed with exit code " +
                       std::to_string(alone.exit_code) + "; batch stopped\n");
}

TEST_F(Batch, ReadsAFileAndShellWithoutTerminalIsBatch) {
  std::string dir = MakeTempDir("ectl-batch-");
  std::string path = dir + "/script";
  std::ofstream(path) << "put f 1\nget f\n";
  RunResult r = RunTool(Tool::kEctl, Cmd({"batch", path}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "OK\nf\n1\n");
  r = RunTool(Tool::kEctl, Cmd({"shell"}, "put f 2\nget f --print-value-only\n"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "OK\n2\n");
  r = RunTool(Tool::kEctl, Cmd({"batch", dir + "/missing"}));
  EXPECT_EQ(r.exit_code, 128);
  EXPECT_EQ(r.err, "Error: open " + dir + "/missing: no such file or directory\n");
  r = RunTool(Tool::kEctl, Cmd({"batch", path, path}));
  EXPECT_EQ(r.exit_code, 128);
  EXPECT_EQ(r.err, "Error: batch takes at most one argument, the script file\n");
  (void)std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_F(Batch, SignalStopsAfterTheRunningCommand) {
  std::string script;
  for (int i = 0; i < 20000; ++i) script += "put sig/" + std::to_string(i) + " v\n";
  std::string error;
  auto child = StartCtl(ToolPath(Tool::kEctl), Cmd({"batch"}), &error);
  ASSERT_NE(child, nullptr) << error;
  child->WriteStdin(script);
  child->CloseStdin();
  ASSERT_TRUE(child->WaitForOut([](const std::string& out) { return out.find("OK\n") != std::string::npos; }));
  child->Signal(SIGINT);
  EXPECT_EQ(child->Wait(), 130);
  // Every command that started finished and printed; the line after the last is named.
  size_t done = LineCount(child->Out());
  ASSERT_LT(done, 20000u);
  EXPECT_EQ(child->Err(), "Error: line " + std::to_string(done) + ": interrupted; batch stopped\n");
  RunResult count = RunTool(Tool::kEctl, Cmd({"get", "sig/", "--prefix", "--count-only", "-w", "fields"}));
  EXPECT_NE(count.out.find("\"Count\" : " + std::to_string(done) + "\n"), std::string::npos)
      << count.out;
}

// A command that stops on the signal itself (export here, sent the signal between two
// pages) cleans up as it does alone, and the batch then stops on that line.
TEST_F(Batch, SignalDuringExportStopsTheExportThenTheBatch) {
  const std::string dir = MakeTempDir("ectl-batch-export-");
  const std::string marker = dir + "/sent";
  std::string script;
  for (int i = 0; i < 60; ++i) script += "put x/" + std::to_string(100 + i) + " v\n";
  script += "export x/ --prefix -o " + dir + "/out/x.jsonl\n";  // line 61
  script += "put after v\n";
  ASSERT_EQ(std::system(("mkdir '" + dir + "/out'").c_str()), 0);
  Invocation inv = Cmd({"batch"}, script);
  inv.env.emplace_back("ECTL_PAGE_KEYS", "5");
  // Once: a second signal would end the process at once.
  inv.env.emplace_back("ECTL_TEST_BETWEEN_PAGES",
                       "[ -e '" + marker + "' ] || { : > '" + marker + "'; kill -INT $PPID; }");
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 130) << r.err;
  EXPECT_EQ(r.err, "Error: line 61: interrupted; batch stopped\n");
  EXPECT_TRUE(std::filesystem::is_empty(dir + "/out")) << "left behind in " << dir << "/out";
  EXPECT_EQ(StoredValue("after"), std::nullopt);
  EXPECT_EQ(StoredValue("x/159"), "v");
  (void)std::system(("rm -rf '" + dir + "'").c_str());
}

TEST_F(Batch, SnapshotSaveRuns) {
  std::string dir = MakeTempDir("ectl-batch-snap-");
  RunResult r = RunBatch("put snap 1\nsnapshot save " + dir + "/db\nsnapshot status " + dir +
                         "/db -w json\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Snapshot saved at " + dir + "/db\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"totalKey\":"), std::string::npos) << r.out;
  (void)std::system(("rm -rf '" + dir + "'").c_str());
}

// ectl shell in a real terminal: a command runs, Tab completes a command name and a key,
// the history recalls a line and is saved.
TEST_F(Batch, ShellAtATerminal) {
  std::string tmux = FindTmux();
  if (tmux.empty()) GTEST_SKIP() << "tmux is not installed (apt-get install tmux)";
  Put("shell/apple", "1");
  std::string state_dir = MakeTempDir("ectl-shell-state-");
  {
    Terminal t(tmux,
               std::string("'") + ECTL_BINARY + "' --endpoints=" + Endpoints() +
                   " shell; echo \"EXIT=$?\"; sleep 600",
               "shell", EnvPairs{{"XDG_STATE_HOME", state_dir}});
    ASSERT_TRUE(t.started());
    ASSERT_TRUE(t.WaitFor("ectl>")) << t.Screen();
    t.Type("put shell/banana 2");
    t.Key("Enter");
    ASSERT_TRUE(t.WaitFor("OK")) << t.Screen();
    // A command name, then a key under the typed prefix.
    t.Type("ge");
    t.Key("Tab");
    t.Type("shell/a");
    t.Key("Tab");
    ASSERT_TRUE(t.WaitFor("ectl> get shell/apple")) << t.Screen();
    t.Key("Enter");
    ASSERT_TRUE(t.WaitFor("shell/apple\n1\n")) << t.Screen();
    // Several candidates are listed.
    t.Type("get shell/");
    t.Key("Tab");
    ASSERT_TRUE(t.WaitFor("shell/apple  shell/banana")) << t.Screen();
    t.Key("C-c");
    // Up recalls the previous lines.
    t.Key("Up");
    t.Key("Up");
    ASSERT_TRUE(t.WaitFor("ectl> put shell/banana 2", 2)) << t.Screen();
    t.Key("C-u");
    t.Type("get nothing --bad");
    t.Key("Enter");
    ASSERT_TRUE(t.WaitFor("Error: unknown flag: --bad")) << t.Screen();
    t.Type("exit");
    t.Key("Enter");
    ASSERT_TRUE(t.WaitFor("EXIT=1")) << t.Screen();
  }
  std::ifstream history(state_dir + "/ectl/history");
  std::string saved((std::istreambuf_iterator<char>(history)), std::istreambuf_iterator<char>());
  // libedit's history file encodes blanks as octal escapes.
  EXPECT_NE(saved.find("put\\040shell/banana\\0402\n"), std::string::npos) << saved;
  EXPECT_EQ(StoredValue("shell/banana"), "2");
  (void)std::system(("rm -rf '" + state_dir + "'").c_str());
}

}  // namespace
}  // namespace ectl::integration
