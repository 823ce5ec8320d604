// Running a command as Go's os/exec does, for `lock <name> <command>` and watch's exec
// form: a name without '/' is looked up in $PATH (an empty element meaning "."), the
// child is started with posix_spawn with no blocked signals and standard streams
// inherited, and its end is reported in Go's words, which etcdctl prints.
// Not here: what the caller prints around those words, or the environment it builds.
#ifndef ECTL_SYS_CHILD_PROCESS_H_
#define ECTL_SYS_CHILD_PROCESS_H_

#include <sys/types.h>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace ectl::sys {

struct ChildOutcome {
  // The child's exit status, or 128 + signal when a signal ended it.
  int exit_code = 0;
  // Empty on success; else Go's text: "exit status 7", "signal: killed",
  // `exec: "x": executable file not found in $PATH`, "fork/exec /x: no such file or directory".
  std::string error;
  bool started = false;
};

struct ChildSpec {
  std::vector<std::string> argv;  // argv[0] is looked up in path_env
  std::vector<std::string> env;   // the child's whole environment, "NAME=value"
  std::string path_env;           // $PATH's value for the lookup
  // While the child runs, its PID (else 0), for a caller that must pass a signal on.
  std::atomic<pid_t>* running = nullptr;
};

// The executable a command name stands for, by $PATH search when the name holds no '/'.
// nullopt when the search finds nothing. path_env is $PATH's value.
std::optional<std::string> LookPath(const std::string& name, const std::string& path_env);

// The child's environment: extra first, then every inherited entry whose name is not
// set by extra.
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra,
                                          const std::vector<std::string>& inherited);

// Runs a child to completion. Never throws; a child that cannot be started is reported
// with started = false and exit_code 1.
ChildOutcome RunChild(const ChildSpec& spec);

// RunChild with this process's environment and $PATH, extra_env placed first.
ChildOutcome RunChild(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env);

}  // namespace ectl::sys

#endif  // ECTL_SYS_CHILD_PROCESS_H_
