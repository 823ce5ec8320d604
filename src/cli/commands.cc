#include "cli/commands.h"

namespace ectl::cli {

// Order matters only for help listings; etcdctl's order is kept.
void RegisterCommands(CommandTree& tree) {
  RegisterKvCommands(tree);
  // txn

  // watch

  // lease

  // cluster and maintenance

  // auth
  RegisterAuthCommands(tree);


  // concurrency

  RegisterVersionCommand(tree);
}

}  // namespace ectl::cli
