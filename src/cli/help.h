// Help and usage text in etcdctl's layout (NAME, USAGE, DESCRIPTION, COMMANDS, OPTIONS,
// GLOBAL OPTIONS), rendered from the command tree so it never drifts from the flags.
#ifndef ECTL_CLI_HELP_H_
#define ECTL_CLI_HELP_H_

#include <string>

namespace ectl::cli {

class CommandTree;
struct Command;

// Materializes command (its flags are part of the text).
std::string RenderHelp(CommandTree& tree, Command* command);
// "ectl get [options] <key> [range_end] [flags]".
std::string UseLine(const CommandTree& tree, const Command* command);

}  // namespace ectl::cli

#endif  // ECTL_CLI_HELP_H_
