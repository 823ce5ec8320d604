// Shell completions, generated from the command tree so that they always list exactly
// the commands and flags ectl has, and the commands that print them and the man pages
// (cli/man.h). The checked-in copies under completions/ and man/ are regenerated with
// `ectl completion <shell>` and `ectl __man <dir>`; a unit test fails when they are stale.
#ifndef ECTL_CLI_DOCS_H_
#define ECTL_CLI_DOCS_H_

#include <string>
#include <string_view>

namespace ectl::cli {

class CommandTree;

// shell is bash, zsh or fish; throws Error(kBadArgs) for anything else.
std::string RenderCompletion(CommandTree& tree, std::string_view shell);

void RegisterDocCommands(CommandTree& tree);

}  // namespace ectl::cli

#endif  // ECTL_CLI_DOCS_H_
