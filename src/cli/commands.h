// Registration of every command group. Each *_commands.cc adds its commands to the tree.
#ifndef ECTL_CLI_COMMANDS_H_
#define ECTL_CLI_COMMANDS_H_

namespace ectl::cli {

class CommandTree;

void RegisterCommands(CommandTree& tree);

void RegisterKvCommands(CommandTree& tree);
void RegisterVersionCommand(CommandTree& tree);
// lease

// txn

// watch

// cluster and maintenance

// auth
void RegisterAuthCommands(CommandTree& tree);


// concurrency


}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_H_
