#include "terminal.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

namespace ectl::integration {

std::string FindTmux() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/tmux";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Terminal::Terminal(std::string tmux, const std::string& command, const std::string& state_dir)
    : tmux_(std::move(tmux)) {
  static int serial = 0;
  socket_ = "ectl-term-" + std::to_string(getpid()) + "-" + std::to_string(++serial);
  env_.unset_prefixes = {"ETCDCTL_", "TMUX"};
  env_.set = {{"XDG_STATE_HOME", state_dir}, {"TERM", "xterm"}};
  started_ = Tmux({"-f", "/dev/null", "new-session", "-d", "-x", "160", "-y", "50", "-s", "t",
                   command})
                 .exit_code == 0;
}

Terminal::~Terminal() { (void)Tmux({"kill-server"}); }

void Terminal::Type(const std::string& text) { (void)Tmux({"send-keys", "-t", "t", "-l", text}); }

void Terminal::Key(const std::string& key) { (void)Tmux({"send-keys", "-t", "t", key}); }

std::string Terminal::Screen() { return Tmux({"capture-pane", "-p", "-t", "t", "-S", "-100"}).out; }

bool Terminal::WaitFor(const std::string& text, size_t times) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Count(Screen(), text) >= times) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

RunResult Terminal::Tmux(std::vector<std::string> args) {
  RunOptions o;
  o.argv = {tmux_, "-L", socket_};
  o.argv.insert(o.argv.end(), args.begin(), args.end());
  o.env = env_;
  return RunProcess(o);
}

}  // namespace ectl::integration
