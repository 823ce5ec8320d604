// Run: ectl's testable entry point. Builds the command tree, parses argv, runs the chosen
// command, and is the one place that turns errors into "Error: ..." and an exit code.
//
// Run() keeps no state between calls and touches nothing process-wide but the gRPC log
// level (--debug), so one process can run many commands, in tests or in a batch.
#ifndef ECTL_CLI_RUN_H_
#define ECTL_CLI_RUN_H_

#include <string>
#include <vector>

#include "cli/io.h"

namespace ectl::cli {

class Connection;

// argv[0] decides the program's name in messages: "etcdctl" when invoked under that
// name, "ectl" otherwise. env holds the environment ("ETCDCTL_*" variables are read).
// connection, when given, is used instead of one made from this call's global flags
// (several commands over one connection).
int Run(const std::vector<std::string>& argv, const Environment& env, Io io,
        Connection* connection = nullptr);

// The command argv names as Run() would choose it ("lease keep-alive"; "help" for the help
// command; "" for the root or an unknown command), without running it (batch checks every
// line before it runs the first).
std::string CommandPath(const std::vector<std::string>& argv);

// The program name for argv[0].
std::string ProgramName(const std::string& argv0);

}  // namespace ectl::cli

#endif  // ECTL_CLI_RUN_H_
