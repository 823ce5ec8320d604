// `txn -i` at a real terminal, driven through tmux: a bad line is shown with a caret and
// asked for again, Tab completes, a full transaction commits; Ctrl-D and Ctrl-C leave
// without sending anything. Skipped when tmux is not installed.
#include <unistd.h>

#include <chrono>
#include <memory>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "terminal.h"
#include "txn_suite.h"

namespace ectl::integration {
namespace {

// ectl txn -i in a fresh terminal (private tmux server); the shell prints the exit code
// and stays, so the screen can still be read. State (history) goes to a temporary
// directory.
struct Session {
  explicit Session(const std::string& tmux, const std::string& endpoints)
      : state_dir(MakeTempDir("ectl-txn-state")) {
    std::string command = std::string("'") + ECTL_BINARY + "' --endpoints=" + endpoints +
                          " txn -i; echo \"EXIT=$?\"; sleep 600";
    terminal = std::make_unique<Terminal>(tmux, command, state_dir);
  }
  ~Session() {
    terminal.reset();
    if (!state_dir.empty()) (void)std::system(("rm -rf '" + state_dir + "'").c_str());
  }
  std::string state_dir;
  std::unique_ptr<Terminal> terminal;
};

#define OPEN_TERMINAL(t)                                                          \
  std::string tmux_path = FindTmux();                                             \
  if (tmux_path.empty()) GTEST_SKIP() << "tmux is not installed (apt-get install tmux)"; \
  Session session(tmux_path, Endpoints());                                        \
  Terminal* t = session.terminal.get();                                           \
  ASSERT_TRUE(t->started());                                                      \
  ASSERT_TRUE(t->WaitFor("compare>")) << t->Screen()

TEST_F(Txn, TerminalBadLineCompletionAndCommit) {
  OPEN_TERMINAL(t);
  // A bad line: the line, a caret under the operator, the error, and the prompt again.
  t->Type("val(\"tk\") == \"x\"");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("compare>", 2)) << t->Screen();
  std::string screen = t->Screen();
  EXPECT_NE(screen.find("val(\"tk\") == \"x\"\n          ^\n"
                        "Error: malformed comparison: val(\"tk\") == \"x\" (unknown operator ==)"),
            std::string::npos)
      << screen;

  // Tab completes the target, lists the operators, completes put and its flag.
  t->Type("ve");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("compare> version(\"")) << t->Screen();
  t->Type("tk\") ");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("=  !=  <  >  <=  >=")) << t->Screen();
  t->Type("= \"0\"");
  t->Key("Enter");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("success>")) << t->Screen();
  t->Type("pu");
  t->Key("Tab");
  t->Type("tk done --prev");
  t->Key("Tab");
  ASSERT_TRUE(t->WaitFor("success> put tk done --prev-kv")) << t->Screen();
  t->Key("Enter");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("failure>")) << t->Screen();
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("EXIT=0")) << t->Screen();
  screen = t->Screen();
  EXPECT_NE(screen.find("SUCCESS\n\nOK\n"), std::string::npos) << screen;
  EXPECT_EQ(StoredValue("tk"), "done");
  // The lines were kept for the next session.
  std::ifstream history(session.state_dir + "/ectl/txn_history");
  std::string saved((std::istreambuf_iterator<char>(history)), std::istreambuf_iterator<char>());
  EXPECT_NE(saved.find("put"), std::string::npos) << saved;
}

TEST_F(Txn, TerminalCtrlDLeavesWithoutSending) {
  OPEN_TERMINAL(t);
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("success>")) << t->Screen();
  t->Type("put tk2 v");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("success>", 2)) << t->Screen();
  t->Key("C-d");
  ASSERT_TRUE(t->WaitFor("EXIT=3")) << t->Screen();
  EXPECT_NE(t->Screen().find("Error: EOF; transaction not sent"), std::string::npos);
  EXPECT_FALSE(StoredValue("tk2").has_value());
}

TEST_F(Txn, TerminalCtrlCLeavesWithoutSending) {
  OPEN_TERMINAL(t);
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("success>")) << t->Screen();
  t->Type("put tk3 v");
  t->Key("Enter");
  ASSERT_TRUE(t->WaitFor("success>", 2)) << t->Screen();
  t->Type("put tk4 half-typed");
  t->Key("C-c");
  ASSERT_TRUE(t->WaitFor("EXIT=130")) << t->Screen();
  EXPECT_NE(t->Screen().find("Error: interrupted; transaction not sent"), std::string::npos);
  EXPECT_FALSE(StoredValue("tk3").has_value());
  EXPECT_FALSE(StoredValue("tk4").has_value());
}

}  // namespace
}  // namespace ectl::integration
