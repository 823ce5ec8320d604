// Running the command given to `lock`: found and started as Go's os/exec does (a name
// without '/' is looked up in $PATH), with extra variables placed before the inherited
// environment, and standard streams inherited.
#ifndef ECTL_SYS_CHILD_PROCESS_H_
#define ECTL_SYS_CHILD_PROCESS_H_

#include <optional>
#include <string>
#include <vector>

namespace ectl::sys {

struct ChildOutcome {
  // The child's exit status, or 128 + signal when a signal ended it.
  int exit_code = 0;
  // Empty on success; else etcdctl's text: "exit status 7", "signal: killed",
  // `exec: "x": executable file not found in $PATH`, "fork/exec /x: no such file or directory".
  std::string error;
  bool started = false;
};

// The executable a command name stands for, by $PATH search when the name holds no '/'.
// nullopt when the search finds nothing. path_env is $PATH's value.
std::optional<std::string> LookPath(const std::string& name, const std::string& path_env);

// The child's environment: extra first, then every inherited entry whose name is not
// set by extra.
std::vector<std::string> ChildEnvironment(const std::vector<std::string>& extra,
                                          const std::vector<std::string>& inherited);

// Runs argv to completion. Never throws; a child that cannot be started is reported in
// the outcome with started = false.
ChildOutcome RunChild(const std::vector<std::string>& argv, const std::vector<std::string>& extra_env);

}  // namespace ectl::sys

#endif  // ECTL_SYS_CHILD_PROCESS_H_
