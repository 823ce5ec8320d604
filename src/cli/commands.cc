#include "cli/commands.h"

#include "cli/completion.h"
#include "cli/man.h"

namespace ectl::cli {

// Order matters only for help listings; etcdctl's order is kept.
void RegisterCommands(CommandTree& tree) {
  RegisterKvCommands(tree);
  // txn
  RegisterTxnCommand(tree);

  // watch
  RegisterWatchCommand(tree);

  // lease
  RegisterCompactionCommand(tree);
  RegisterLeaseCommands(tree);

  // cluster and maintenance
  RegisterAlarmCommands(tree);
  RegisterDefragCommand(tree);
  RegisterEndpointCommands(tree);
  RegisterMoveLeaderCommand(tree);
  RegisterMemberCommands(tree);
  RegisterSnapshotCommands(tree);

  // auth
  RegisterAuthCommands(tree);


  // concurrency
  RegisterMirrorCommand(tree);
  RegisterConcurrencyCommands(tree);
  RegisterCheckCommands(tree);
  RegisterBatchCommands(tree);

  // export, import
  RegisterBulkCommands(tree);

  RegisterMigrateCommand(tree);
  RegisterVersionCommand(tree);
  RegisterCompletionCommands(tree);
  RegisterManCommand(tree);
}

}  // namespace ectl::cli
