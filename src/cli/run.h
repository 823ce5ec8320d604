// Run: ectl's testable entry point. Builds the command tree, parses argv, runs the chosen
// command, and is the one place that turns errors into "Error: ..." and an exit code.
#ifndef ECTL_CLI_RUN_H_
#define ECTL_CLI_RUN_H_

#include <map>
#include <string>
#include <vector>

#include "cli/io.h"

namespace ectl::cli {

// argv[0] decides the program's name in messages: "etcdctl" when invoked under that
// name, "ectl" otherwise. env holds the environment ("ETCDCTL_*" variables are read).
int Run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
        Io io);

// The program name for argv[0].
std::string ProgramName(const std::string& argv0);

}  // namespace ectl::cli

#endif  // ECTL_CLI_RUN_H_
