// A real terminal for the tests of interactive behaviour (`txn -i`'s prompt, `shell`,
// shell completion): a private tmux server running one command, driven by typing keys and
// read back from the screen. Tests skip when tmux is not installed.
#ifndef ECTL_TESTS_INTEGRATION_TMUX_TERMINAL_H_
#define ECTL_TESTS_INTEGRATION_TMUX_TERMINAL_H_

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "process.h"

namespace ectl::integration {

// tmux's path on $PATH, or "" when it is not installed.
inline std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

inline std::string FindTmux() { return FindOnPath("tmux"); }

inline size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

using EnvPairs = std::vector<std::pair<std::string, std::string>>;

// One tmux server on a private socket (named after `name`) with one session running
// `command` in sh, with ETCDCTL_* removed from its environment and `env` added.
class Terminal {
 public:
  Terminal(std::string tmux, const std::string& command, const std::string& name,
           const EnvPairs& env = {})
      : tmux_(std::move(tmux)),
        socket_("ectl-" + name + "-" + std::to_string(getpid()) + "-" +
                std::to_string(++serial_)) {
    env_.unset_prefixes = {"ETCDCTL_", "TMUX"};
    env_.set = {{"TERM", "xterm"}};
    env_.set.insert(env_.set.end(), env.begin(), env.end());
    started_ = Tmux({"-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "50", "-s", "t",
                     command})
                   .exit_code == 0;
  }
  ~Terminal() { (void)Tmux({"kill-server"}); }
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  bool started() const { return started_; }
  void Type(const std::string& text) { (void)Tmux({"send-keys", "-t", "t", "-l", text}); }
  void Key(const std::string& key) { (void)Tmux({"send-keys", "-t", "t", key}); }
  std::string Screen() { return Tmux({"capture-pane", "-p", "-t", "t", "-S", "-100"}).out; }
  void Clear() { (void)Tmux({"clear-history", "-t", "t"}); }

  // Polls the screen until `text` shows `times` times (a loaded machine may be slow).
  bool WaitFor(const std::string& text, size_t times = 1) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      if (Count(Screen(), text) >= times) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

 private:
  RunResult Tmux(std::vector<std::string> args) {
    RunOptions o;
    o.argv = {tmux_, "-L", socket_};
    o.argv.insert(o.argv.end(), args.begin(), args.end());
    o.env = env_;
    return RunProcess(o);
  }

  static inline int serial_ = 0;
  std::string tmux_, socket_;
  EnvChanges env_;
  bool started_ = false;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_TMUX_TERMINAL_H_
