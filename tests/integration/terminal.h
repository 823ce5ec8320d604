// A real terminal for the tests of ectl's prompts (`txn -i`, `shell`): a private tmux
// server running one command, with keys typed into it and the screen read back.
#ifndef ECTL_TESTS_INTEGRATION_TERMINAL_H_
#define ECTL_TESTS_INTEGRATION_TERMINAL_H_

#include <string>
#include <vector>

#include "process.h"

namespace ectl::integration {

// The tmux binary on $PATH, or "" (the tests then skip).
std::string FindTmux();

// How many times what occurs in text.
size_t Count(const std::string& text, const std::string& what);

// One tmux server on a private socket with one session running `command` in sh, with
// XDG_STATE_HOME=state_dir and no ETCDCTL_* variables.
class Terminal {
 public:
  Terminal(std::string tmux, const std::string& command, const std::string& state_dir);
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  [[nodiscard]] bool started() const { return started_; }
  void Type(const std::string& text);  // literally
  void Key(const std::string& key);    // a tmux key name: Enter, Tab, C-c, Up
  std::string Screen();
  // Polls the screen until `text` shows `times` times (a loaded machine may be slow).
  bool WaitFor(const std::string& text, size_t times = 1);

 private:
  RunResult Tmux(std::vector<std::string> args);

  std::string tmux_, socket_;
  EnvChanges env_;
  bool started_ = false;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_TERMINAL_H_
