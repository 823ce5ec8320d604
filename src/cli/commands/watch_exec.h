// The exec form of watch (`watch key -- cmd args...`): runs the command once per event
// with the caller's stdout and stderr, and reports failures in the words of Go's
// os/exec, which etcdctl prints.
#ifndef ECTL_CLI_COMMANDS_WATCH_EXEC_H_
#define ECTL_CLI_COMMANDS_WATCH_EXEC_H_

#include <sys/types.h>

#include <atomic>
#include <string>
#include <vector>

namespace ectl::cli {

// Runs argv (looked up in path_var like Go's exec.LookPath when it holds no '/') with
// the environment env ("NAME=value") and waits for it. While it runs, *running holds its
// PID. Returns "" on success, else Go's error text: "exit status 3", "signal: killed",
// `exec: "x": executable file not found in $PATH`, "fork/exec ./x: permission denied".
std::string RunExecCommand(const std::vector<std::string>& argv,
                           const std::vector<std::string>& env, const std::string& path_var,
                           std::atomic<pid_t>* running);

// Go's %q of a []string: ["sh" "-c" "exit 3"].
std::string GoQuoteList(const std::vector<std::string>& words);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_WATCH_EXEC_H_
