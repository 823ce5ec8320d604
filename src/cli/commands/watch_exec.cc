#include "cli/commands/watch_exec.h"

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "common/bytes.h"

namespace ectl::cli {
namespace {

// Go spells errno and signal texts in lower case ("no such file or directory").
std::string LowerFirst(const char* text) {
  std::string s(text);
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

// 0 if path is an executable file, else the errno Go's findExecutable reports.
int CheckExecutable(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return errno;
  if (S_ISDIR(st.st_mode)) return EISDIR;
  if ((st.st_mode & 0111) == 0) return EPERM;
  return 0;
}

// exec.Command's lookup: a name without '/' is searched in PATH ("" meaning ".").
bool LookPath(const std::string& name, const std::string& path_var, std::string* found) {
  size_t start = 0;
  for (;;) {
    size_t colon = path_var.find(':', start);
    std::string_view dir = std::string_view(path_var).substr(
        start, colon == std::string::npos ? std::string::npos : colon - start);
    std::string candidate(dir.empty() ? std::string_view(".") : dir);
    candidate += '/';
    candidate += name;
    if (CheckExecutable(candidate) == 0) {
      *found = candidate;
      return true;
    }
    if (colon == std::string::npos) return false;
    start = colon + 1;
  }
}

std::vector<char*> CStrings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  out.reserve(v.size() + 1);
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string RunExecCommand(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env, const std::string& path_var,
                           std::atomic<pid_t>* running) {
  std::string path = argv.front();
  if (path.find('/') == std::string::npos && !path.empty() && !LookPath(path, path_var, &path)) {
    std::string err = "exec: ";
    err += GoQuote(argv.front());
    err += ": executable file not found in $PATH";
    return err;
  }

  // The child starts with no blocked signals and default handlers for the ones ectl
  // handles itself, as a child of etcdctl would.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGINT);
  sigaddset(&defaults, SIGTERM);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  auto c_argv = CStrings(argv);
  auto c_env = CStrings(env);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, path.c_str(), nullptr, &attr, c_argv.data(), c_env.data());
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    std::string err = "fork/exec ";
    err += path;
    err += ": ";
    err += LowerFirst(std::strerror(rc));
    return err;
  }

  running->store(pid);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  running->store(0);
  if (WIFEXITED(status)) {
    int code = WEXITSTATUS(status);
    if (code == 0) return "";
    std::string err = "exit status ";
    err += std::to_string(code);
    return err;
  }
  if (WIFSIGNALED(status)) {
    std::string text = "signal: ";
    text += LowerFirst(strsignal(WTERMSIG(status)));
    if (WCOREDUMP(status)) text += " (core dumped)";
    return text;
  }
  return "";
}

std::string GoQuoteList(const std::vector<std::string>& words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    out += GoQuote(words[i]);
  }
  out += ']';
  return out;
}

}  // namespace ectl::cli
