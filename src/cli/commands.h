// Registration of every command group. Each *_commands.cc adds its commands to the tree.
#ifndef ECTL_CLI_COMMANDS_H_
#define ECTL_CLI_COMMANDS_H_

namespace ectl::cli {

class CommandTree;

void RegisterCommands(CommandTree& tree);

void RegisterKvCommands(CommandTree& tree);
// export, import
void RegisterBulkCommands(CommandTree& tree);
void RegisterVersionCommand(CommandTree& tree);
void RegisterMigrateCommand(CommandTree& tree);
// lease
void RegisterLeaseCommands(CommandTree& tree);
void RegisterCompactionCommand(CommandTree& tree);

// txn
void RegisterTxnCommand(CommandTree& tree);

// watch
void RegisterWatchCommand(CommandTree& tree);

// cluster and maintenance
void RegisterAlarmCommands(CommandTree& tree);
void RegisterDefragCommand(CommandTree& tree);
void RegisterEndpointCommands(CommandTree& tree);
void RegisterMoveLeaderCommand(CommandTree& tree);
void RegisterMemberCommands(CommandTree& tree);
void RegisterSnapshotCommands(CommandTree& tree);

// auth
void RegisterAuthCommands(CommandTree& tree);


// concurrency
void RegisterConcurrencyCommands(CommandTree& tree);
void RegisterMirrorCommand(CommandTree& tree);
void RegisterCheckCommands(CommandTree& tree);

// batch and shell
void RegisterBatchCommands(CommandTree& tree);


}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_H_
