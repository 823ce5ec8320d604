// The one child-process runner (posix_spawn) and its PATH lookup; see child_process.h.
#include "sys/child_process.h"

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "common/bytes.h"
#include "common/errno_text.h"

extern char** environ;

namespace ectl::sys {
namespace {

bool IsExecutable(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) && (st.st_mode & 0111) != 0;
}

// Go's ProcessState text for a death by signal: "signal: killed".
std::string SignalText(int status) {
  int sig = WTERMSIG(status);
  const char* name = sigdescr_np(sig);
  std::string text = name ? name : "signal " + std::to_string(sig);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  text = "signal: " + text;
  if (WCOREDUMP(status)) text += " (core dumped)";
  return text;
}

std::string EnvName(const std::string& entry) { return entry.substr(0, entry.find('=')); }

std::vector<char*> CStrings(const std::vector<std::string>& v) {
  std::vector<char*> out;
  out.reserve(v.size() + 1);
  for (const auto& s : v) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

bool InheritedIgnored(int sig) {
  struct sigaction current {};
  return sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN;
}

ChildOutcome Failed(std::string error) {
  ChildOutcome outcome;
  outcome.exit_code = 1;
  outcome.error = std::move(error);
  return outcome;
}

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

ChildOutcome RunChild(const ChildSpec& spec) {
  auto path = LookPath(spec.argv.front(), spec.path_env);
  if (!path) {
    return Failed("exec: " + GoQuote(spec.argv.front()) + ": executable file not found in $PATH");
  }
  // No blocked signals (a SignalWatcher blocks SIGINT and SIGTERM here) and default
  // actions for the ones a child of etcdctl would have them for; a signal ectl inherited
  // as ignored stays ignored in the child too.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGPIPE}) {
    if (sig == SIGPIPE || !InheritedIgnored(sig)) sigaddset(&defaults, sig);
  }
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  auto c_argv = CStrings(spec.argv);
  auto c_env = CStrings(spec.env);
  std::cout.flush();
  std::cerr.flush();
  pid_t pid = 0;
  // glibc's posix_spawn reports a failed exec as its result.
  int rc = posix_spawn(&pid, path->c_str(), nullptr, &attr, c_argv.data(), c_env.data());
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return Failed("fork/exec " + *path + ": " + ErrnoText(rc));

  if (spec.running != nullptr) spec.running->store(pid);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (spec.running != nullptr) spec.running->store(0);
  ChildOutcome outcome;
  outcome.started = true;
  if (WIFEXITED(status)) {
    outcome.exit_code = WEXITSTATUS(status);
    if (outcome.exit_code != 0) outcome.error = "exit status " + std::to_string(outcome.exit_code);
  } else if (WIFSIGNALED(status)) {
    outcome.exit_code = 128 + WTERMSIG(status);
    outcome.error = SignalText(status);
  }
  return outcome;
}

ChildOutcome RunChild(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env) {
  std::vector<std::string> inherited;
  for (char** e = environ; *e != nullptr; ++e) inherited.emplace_back(*e);
  const char* path_env = std::getenv("PATH");
  return RunChild(ChildSpec{argv, ChildEnvironment(extra_env, inherited), path_env ? path_env : "", nullptr});
}

}  // namespace ectl::sys
