// BackgroundCtl: ectl or etcdctl running in the background while a test acts on it
// (a lock holder, an election candidate, a mirror), with its stdout and stderr captured
// in files, signals sent to it, and its exit code collected.
//
// The environment is built as RunTool builds it (no inherited ETCDCTL_* variables, then
// Invocation::env). Polling helpers take generous deadlines; nothing here sleeps a fixed
// time to "let something happen".
#ifndef ECTL_TESTS_INTEGRATION_BACKGROUND_CTL_H_
#define ECTL_TESTS_INTEGRATION_BACKGROUND_CTL_H_

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "ctl.h"

namespace ectl::integration {

class BackgroundCtl {
 public:
  // Starts the binary at path (ToolPath or a symlink) with inv's arguments. Returns
  // nullptr with *error set on failure.
  static std::unique_ptr<BackgroundCtl> Start(const std::string& path, const Invocation& inv,
                                              std::string* error);
  ~BackgroundCtl();  // kills the process if it still runs, removes the files

  std::string Out() const;
  std::string Err() const;
  // Polls until pred(Out()) holds; false after the timeout.
  bool WaitForOut(const std::function<bool(const std::string&)>& pred,
                  std::chrono::milliseconds timeout = std::chrono::seconds(20)) const;
  void Signal(int sig);
  // The exit code (128 + signal when killed), or nullopt if it has not ended in time
  // (it is then killed).
  std::optional<int> Wait(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  bool Running();

 private:
  BackgroundCtl() = default;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  std::string dir_;
};

// Counts '\n' in text.
size_t LineCount(const std::string& text);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_BACKGROUND_CTL_H_
