// A long-running ectl or etcdctl (lease keep-alive) whose output is read while it runs.
//
// Holds: LiveChild, which starts a tool with its stdout and stderr going to two files
// (read at any time), and lets a test send it a signal and collect its exit status.
// RunProcess() in process.h only returns once the child has ended, and
// BackgroundProcess mixes both streams and hides the exit status; keep-alive tests need
// all three. Polling helpers wait for a condition with a generous deadline instead of
// fixed sleeps. Deliberately no gtest here.
#ifndef ECTL_TESTS_INTEGRATION_LEASE_CHILD_H_
#define ECTL_TESTS_INTEGRATION_LEASE_CHILD_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ctl.h"

namespace ectl::integration {

class LiveChild {
 public:
  // Starts `tool` with `args` (after --endpoints=<endpoints> when not empty), in an
  // environment without ETCDCTL_* variables. nullptr and *error on failure.
  static std::unique_ptr<LiveChild> Start(Tool tool, const std::string& endpoints,
                                          const std::vector<std::string>& args,
                                          std::string* error);
  ~LiveChild();  // SIGKILLs the child if still running, removes the files
  LiveChild(const LiveChild&) = delete;
  LiveChild& operator=(const LiveChild&) = delete;

  std::string Stdout() const;
  std::string Stderr() const;
  // Complete lines of stdout so far.
  std::vector<std::string> StdoutLines() const;

  void Signal(int signo) const;
  // The exit status (128 + signal if killed) once the child ends within `timeout`;
  // nullopt if it is still running then.
  std::optional<int> WaitExit(std::chrono::milliseconds timeout);

 private:
  LiveChild() = default;

  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string dir_;
  std::string out_path_;
  std::string err_path_;
};

// Polls `done` every 50 ms until it holds or `timeout` passes; returns its last value.
bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_LEASE_CHILD_H_
