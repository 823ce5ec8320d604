// AskPassword, AskNewPassword and ReadPasswordFile (see password.h): prompts and etcdctl's
// messages; the terminal itself (echo, Ctrl-C during the read) is sys/terminal.h.
#include "cli/password.h"

#include <cerrno>
#include <fstream>
#include <ostream>
#include <sstream>

#include "common/errno_text.h"
#include "common/error.h"
#include "sys/terminal.h"

namespace ectl::cli {

std::string AskPassword(Io& io, const std::string& prompt) {
  if (!io.in_is_terminal) return sys::ReadLine(io.in);
  io.err << prompt << std::flush;
  return sys::ReadHiddenLine(io.in);
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
    throw Error(ExitCode::kBadArgs, "open " + path + ": " + ErrnoText(errno));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace ectl::cli
