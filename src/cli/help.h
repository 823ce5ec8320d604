// Help and usage text in etcdctl's layout (NAME, USAGE, DESCRIPTION, COMMANDS, OPTIONS,
// GLOBAL OPTIONS), rendered from the command tree so it never drifts from the flags.
#ifndef ECTL_CLI_HELP_H_
#define ECTL_CLI_HELP_H_

#include <string>

namespace CLI {
class App;
}

namespace ectl::cli {

class CommandTree;

std::string RenderHelp(const CommandTree& tree, const CLI::App* app);
// "ectl get [options] <key> [range_end] [flags]".
std::string UseLine(const CommandTree& tree, const CLI::App* app);

}  // namespace ectl::cli

#endif  // ECTL_CLI_HELP_H_
