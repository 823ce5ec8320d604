// Shell completion: the bash, zsh and fish scripts, generated from the command tree so
// that they always offer exactly the commands and flags ectl has. The checked-in copies
// under completions/ are regenerated with `ectl completion <shell>` (the regen-docs
// target); a unit test fails when they are stale.
#ifndef ECTL_CLI_COMPLETION_H_
#define ECTL_CLI_COMPLETION_H_

#include <string>
#include <string_view>

namespace ectl::cli {

class CommandTree;

// shell is bash, zsh or fish; throws Error(kBadArgs) for anything else.
std::string RenderCompletion(CommandTree& tree, std::string_view shell);

// `completion <shell>`.
void RegisterCompletionCommands(CommandTree& tree);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMPLETION_H_
