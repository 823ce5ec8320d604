// A long-running ectl or etcdctl (a watcher) under a test's control.
//
// Holds: Watcher, a child whose stdout and stderr go to files the test polls, whose
// stdin is a pipe the test writes to, and which the test signals and waits for. Polling
// functions wait for a condition with a generous deadline instead of sleeping, so the
// tests stay robust on a loaded machine. Deliberately nothing watch-specific beyond the
// name: any streaming command fits.
#ifndef ECTL_TESTS_INTEGRATION_WATCH_PROCESS_H_
#define ECTL_TESTS_INTEGRATION_WATCH_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ectl::integration {

class Watcher {
 public:
  // Starts argv (argv[0] is the binary) with every ETCDCTL_* variable removed and env
  // set. Returns nullptr and *error on failure.
  static std::unique_ptr<Watcher> Start(const std::vector<std::string>& argv,
                                        const std::vector<std::pair<std::string, std::string>>& env,
                                        std::string* error);
  ~Watcher();  // kills the child if still running and removes the files

  std::string Out() const;
  std::string Err() const;
  // Polls until pred(stdout) holds or the child exits or timeout passes; returns pred.
  bool WaitForOut(const std::function<bool(const std::string&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(30));
  void WriteStdin(const std::string& data);
  void CloseStdin();
  void Signal(int sig);
  // Waits for the exit; the exit code, 128 + signal if killed, -1 on timeout (the
  // child is then killed).
  int Wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  bool Running();
  pid_t pid() const { return pid_; }

 private:
  Watcher() = default;
  std::string dir_;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int status_ = -1;
  bool reaped_ = false;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_WATCH_PROCESS_H_
