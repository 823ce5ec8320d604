// ChildProcess: ectl or etcdctl running in the background while a test acts on it (a
// watcher, a keep-alive, a lock holder, an election candidate, a mirror): stdout and
// stderr captured in files, stdin a pipe, signals sent to it, its exit code collected.
//
// The child gets the test's environment without any ETCDCTL_* variable, plus the ones
// given. Polling helpers take generous deadlines; nothing here sleeps a fixed time to
// "let something happen".
#ifndef ECTL_TESTS_INTEGRATION_CHILD_PROCESS_H_
#define ECTL_TESTS_INTEGRATION_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ctl.h"

namespace ectl::integration {

class ChildProcess {
 public:
  // Starts argv (argv[0] is the binary). nullptr and *error on failure.
  static std::unique_ptr<ChildProcess> Start(
      const std::vector<std::string>& argv,
      const std::vector<std::pair<std::string, std::string>>& env, std::string* error);
  ~ChildProcess();  // kills the child if still running and removes the files
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  std::string Out() const;
  std::string Err() const;
  // Complete lines of stdout so far.
  std::vector<std::string> OutLines() const;
  // Polls until pred(stdout) holds, the child exits or the timeout passes; returns pred.
  bool WaitForOut(const std::function<bool(const std::string&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void WriteStdin(const std::string& data);
  void CloseStdin();
  void Signal(int sig);
  // The exit code (128 + signal if killed); after the timeout the child is killed and
  // -1 returned.
  int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // The exit code if the child ends within timeout, else nullopt (it keeps running).
  std::optional<int> WaitExit(std::chrono::milliseconds timeout);
  bool Running();
  pid_t pid() const { return pid_; }

 private:
  ChildProcess() = default;
  std::string dir_;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int status_ = -1;
  bool reaped_ = false;
};

// tool (or a symlink to it, path) with --endpoints=inv.endpoints, inv.args and inv.env.
std::unique_ptr<ChildProcess> StartCtl(const std::string& path, const Invocation& inv,
                                       std::string* error);

// Counts '\n' in text.
size_t LineCount(const std::string& text);
// Polls done every 50 ms until it holds or timeout passes; returns its last value.
bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_CHILD_PROCESS_H_
