// The man page, generated from the command tree so that it always lists exactly the
// commands and flags ectl has. The checked-in copy under man/ is regenerated with
// `ectl __man`; a unit test fails when it is stale. (Completion: completion.h.)
#ifndef ECTL_CLI_DOCS_H_
#define ECTL_CLI_DOCS_H_

#include <string>
#include <string_view>

namespace ectl::cli {

class CommandTree;

std::string RenderManPage(CommandTree& tree);

void RegisterDocCommands(CommandTree& tree);

}  // namespace ectl::cli

#endif  // ECTL_CLI_DOCS_H_
