// Child processes for the integration tests.
//
// Holds: RunProcess(), which runs a binary to completion with given argv,
// stdin bytes and environment changes and captures exit code, stdout and
// stderr byte-exactly; and BackgroundProcess, a long-running child (an etcd
// member) whose output goes to a log file and which is stopped by PID.
//
// Deliberately does not hold anything etcd- or etcdctl-specific, and does not
// use a shell: argv is passed to execve() as is, so arguments may contain any
// byte except NUL.

#ifndef ECTL_TESTS_INTEGRATION_PROCESS_H_
#define ECTL_TESTS_INTEGRATION_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ectl::integration {

struct EnvChanges {
  // Variables removed from the inherited environment (exact names).
  std::vector<std::string> unset;
  // Every inherited variable whose name starts with one of these is removed,
  // e.g. "ETCDCTL_" so a developer's shell settings cannot leak into a test.
  std::vector<std::string> unset_prefixes;
  // Set after the removals; a later entry wins over an earlier one.
  std::vector<std::pair<std::string, std::string>> set;
};

struct RunOptions {
  // argv[0] is the path of the binary and also what the child sees as argv[0].
  std::vector<std::string> argv;
  // Written to the child's stdin, which is then closed; an empty string gives
  // the child an immediate EOF (never the test runner's own stdin).
  std::string stdin_data;
  EnvChanges env;
  // The child's whole process group is killed with SIGKILL after this long, so
  // a hung binary fails its test instead of hanging the run.
  std::chrono::milliseconds timeout{std::chrono::seconds(20)};
};

struct RunResult {
  // The exit status, or 128 + signal number if the child was killed by a
  // signal (the shell's convention), or -1 if it could not be started.
  int exit_code = -1;
  bool timed_out = false;
  std::string out;  // stdout bytes
  std::string err;  // stderr bytes
  std::chrono::milliseconds elapsed{0};
};

// Runs argv[0] to completion. Never throws for a failing child; a child that
// cannot be exec'd exits 127 with the reason on its stderr.
[[nodiscard]] RunResult RunProcess(const RunOptions& options);

// A child that runs until Stop(). Its stdout and stderr go to log_path; its
// stdin is /dev/null. Linux kills it with SIGKILL if the test process dies, so
// a crashed test run does not leave etcd members behind.
class BackgroundProcess {
 public:
  // Returns nullptr and sets *error if fork/exec preparation failed. An exec
  // failure shows up later as the child having exited (see Running()).
  static std::unique_ptr<BackgroundProcess> Start(
      const std::vector<std::string>& argv, const EnvChanges& env,
      const std::string& log_path, std::string* error);

  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;
  ~BackgroundProcess();  // Stop()s if still running.

  pid_t pid() const { return pid_; }

  // False once the child has exited (reaps it).
  bool Running();

  // SIGTERM, then SIGKILL if the child has not exited within `grace`. Reaps.
  void Stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

 private:
  explicit BackgroundProcess(pid_t pid) : pid_(pid) {}

  pid_t pid_;
  bool reaped_ = false;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_PROCESS_H_
