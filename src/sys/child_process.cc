#include "sys/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

extern char** environ;

namespace ectl::sys {
namespace {

bool IsExecutable(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) && (st.st_mode & 0111) != 0;
}

// Go's text for an errno: strerror with a lower-case first letter.
std::string ErrnoText(int err) {
  std::string text = std::strerror(err);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}

std::string SignalText(int sig) {
  const char* name = strsignal(sig);
  std::string text = name ? name : "signal " + std::to_string(sig);
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return "signal: " + text;
}

std::string EnvName(const std::string& entry) { return entry.substr(0, entry.find('=')); }

}  // namespace

std::optional<std::string> LookPath(const std::string& name, const std::string& path_env) {
  if (name.find('/') != std::string::npos) return name;
  size_t start = 0;
  for (;;) {
    size_t end = path_env.find(':', start);
    std::string dir = path_env.substr(start, end == std::string::npos ? end : end - start);
    // An empty element means the current directory.
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
    if (IsExecutable(candidate)) return candidate;
    if (end == std::string::npos) return std::nullopt;
    start = end + 1;
  }
}

std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra,
                                          const std::vector<std::string>& inherited) {
  std::vector<std::string> env = extra;
  for (const auto& entry : inherited) {
    bool shadowed = false;
    for (const auto& e : extra) shadowed = shadowed || EnvName(e) == EnvName(entry);
    if (!shadowed) env.push_back(entry);
  }
  return env;
}

ChildOutcome RunChild(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env) {
  ChildOutcome outcome;
  const char* path_env = std::getenv("PATH");
  auto path = LookPath(argv[0], path_env ? path_env : "");
  if (!path) {
    outcome.exit_code = 1;
    outcome.error = "exec: \"" + argv[0] + "\": executable file not found in $PATH";
    return outcome;
  }
  std::vector<std::string> inherited;
  for (char** e = environ; *e != nullptr; ++e) inherited.emplace_back(*e);
  std::vector<std::string> env = ChildEnvironment(extra_env, inherited);
  std::vector<char*> cargv, cenv;
  std::vector<std::string> args = argv;
  for (auto& a : args) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  for (auto& e : env) cenv.push_back(e.data());
  cenv.push_back(nullptr);

  // The exec's errno comes back through a close-on-exec pipe; EOF means it succeeded.
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) {
    outcome.exit_code = 1;
    outcome.error = "fork/exec " + *path + ": " + ErrnoText(errno);
    return outcome;
  }
  std::cout.flush();
  std::cerr.flush();
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execve(path->c_str(), cargv.data(), cenv.data());
    int err = errno;
    (void)!write(report[1], &err, sizeof err);
    _exit(127);
  }
  close(report[1]);
  int exec_errno = 0;
  bool exec_failed = false;
  if (pid < 0) {
    exec_errno = errno;
    exec_failed = true;
  } else {
    ssize_t n;
    do {
      n = read(report[0], &exec_errno, sizeof exec_errno);
    } while (n < 0 && errno == EINTR);
    exec_failed = n == static_cast<ssize_t>(sizeof exec_errno);
  }
  close(report[0]);
  int status = 0;
  if (pid > 0) {
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (exec_failed) {
    outcome.exit_code = 1;
    outcome.error = "fork/exec " + *path + ": " + ErrnoText(exec_errno);
    return outcome;
  }
  outcome.started = true;
  if (WIFEXITED(status)) {
    outcome.exit_code = WEXITSTATUS(status);
    if (outcome.exit_code != 0) outcome.error = "exit status " + std::to_string(outcome.exit_code);
  } else if (WIFSIGNALED(status)) {
    outcome.exit_code = 128 + WTERMSIG(status);
    outcome.error = SignalText(WTERMSIG(status));
  }
  return outcome;
}

}  // namespace ectl::sys
