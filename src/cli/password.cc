#include "cli/password.h"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>

#include "common/error.h"

namespace ectl::cli {
namespace {

struct termios g_saved;
volatile sig_atomic_t g_restore = 0;

// Puts the terminal back and dies of the signal as it would have without us.
void RestoreAndReraise(int sig) {
  if (g_restore) tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
  signal(sig, SIG_DFL);
  raise(sig);
}

// Echo off for the lifetime of the object, restored on destruction or a fatal signal.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &g_saved) != 0) return;
    struct termios quiet = g_saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    g_restore = 1;
    old_int_ = signal(SIGINT, RestoreAndReraise);
    old_term_ = signal(SIGTERM, RestoreAndReraise);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (!g_restore) return;
    tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    g_restore = 0;
    signal(SIGINT, old_int_);
    signal(SIGTERM, old_term_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  sighandler_t old_int_ = SIG_DFL;
  sighandler_t old_term_ = SIG_DFL;
};

std::string ReadLine(std::istream& in) {
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::string AskPassword(Io& io, const std::string& prompt) {
  if (!io.in_is_terminal) return ReadLine(io.in);
  io.err << prompt << std::flush;
  std::string answer;
  {
    EchoOff quiet;
    answer = ReadLine(io.in);
  }
  return answer;
}

std::string AskNewPassword(Io& io, const std::string& name) {
  std::string first = AskPassword(io, "Password of " + name + ": ");
  if (first.empty()) throw Error(ExitCode::kBadArgs, "empty password");
  std::string second = AskPassword(io, "Type password of " + name + " again for confirmation: ");
  if (first != second) throw Error(ExitCode::kBadArgs, "given passwords are different");
  return first;
}

std::string ReadPasswordFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string reason = std::strerror(errno);
    // Go spells system errors in lower case.
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    throw Error(ExitCode::kBadArgs, "open " + path + ": " + reason);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace ectl::cli
