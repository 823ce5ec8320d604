#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "version.h"

namespace ectl::cli {

void RegisterVersionCommand(CommandTree& tree) {
  tree.Add(nullptr, "version", "Prints the version of " + tree.program(), [](CLI::App&) -> RunFn {
    return [](Context& ctx) {
      // Same shape as etcdctl's, whatever -w says.
      ctx.io().out << ctx.program() << " version: " << kVersion << "\nAPI version: " << kApiVersion
                   << "\n";
    };
  });
}

}  // namespace ectl::cli
