// AskPassword, AskNewPassword and ReadPasswordFile (see password.h): prompts and etcdctl's
// messages; the terminal itself (echo, Ctrl-C during the read) is sys/terminal.h.
#include "cli/password.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ostream>

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
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(ExitCode::kBadArgs, "open " + path + ": " + ErrnoText(errno));
  // The mode of what was opened, not of what the path names a moment later.
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    throw Error(ExitCode::kBadArgs, "stat " + path + ": " + ErrnoText(err));
  }
  if (S_ISREG(st.st_mode) && (st.st_mode & 077) != 0) {
    close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    throw Error(ExitCode::kBadArgs, "password file " + path + " is accessible by group or others (mode " +
                                        mode + "); restrict it with chmod 600");
  }
  std::string text;
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      int err = errno;
      close(fd);
      throw Error(ExitCode::kBadArgs, "read " + path + ": " + ErrnoText(err));
    }
  }
  close(fd);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace ectl::cli
