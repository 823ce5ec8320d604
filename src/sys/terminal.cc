// Terminal checks and the no-echo line read; see terminal.h.
#include "sys/terminal.h"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "sys/signal_watcher.h"

namespace ectl::sys {
namespace {

// Echo off for the lifetime of the object; restored on destruction, or by the first
// SIGINT/SIGTERM, which then ends the process.
class EchoOff {
 public:
  EchoOff()
      : saved_ok_(tcgetattr(STDIN_FILENO, &saved_) == 0),
        watcher_([this](int sig) {
          Restore();
          SignalWatcher::DieOf(sig);
        }) {
    if (!saved_ok_) return;
    struct termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() { Restore(); }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  void Restore() {
    if (saved_ok_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }

  struct termios saved_ {};
  const bool saved_ok_;
  SignalWatcher watcher_;
};

}  // namespace

bool IsTerminal(int fd) { return isatty(fd) == 1; }

int TerminalWidth(int fd) {
  if (!IsTerminal(fd)) return 0;
  winsize ws{};
  return ioctl(fd, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}

std::string ReadLine(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string ReadHiddenLine(std::istream& in) {
  EchoOff quiet;
  return ReadLine(in);
}

}  // namespace ectl::sys
