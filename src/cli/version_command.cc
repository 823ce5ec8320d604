#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "common/error.h"
#include "version.h"

namespace ectl::cli {

void RegisterVersionCommand(CommandTree& tree) {
  Command* version =
      tree.Add(nullptr, "version", "Prints the version of " + tree.program(), [](CLI::App&) -> RunFn {
        return [](Context& ctx) {
          // Same shape as etcdctl's, whatever -w says.
          ctx.io().out << ctx.program() << " version: " << kVersion
                       << "\nAPI version: " << kApiVersion << "\n";
        };
      });
  version->offline = true;
}

void RegisterMigrateCommand(CommandTree& tree) {
  // etcdctl 3.4's v2-to-v3 data conversion works on a stopped member's files and was
  // removed in 3.5. Present so that a script calling it fails loudly.
  tree.Add(nullptr, "migrate [options]",
           "Migrates keys in a v2 store to a mvcc store (not supported by " + tree.program() + ")",
           [](CLI::App& app) -> RunFn {
             auto flags = std::make_shared<Flags>(&app);
             flags->Bool("no-ttl", "Do not convert TTL keys");
             flags->String("data-dir", "", "Path to the data directory");
             flags->String("wal-dir", "", "Path to the WAL directory");
             flags->String("transformer", "", "Path to the user-provided transformer program");
             return [](Context& ctx) {
               throw Error(ExitCode::kBadFeature,
                           "migrate is not supported by " + ctx.program() +
                               ": the v2 store conversion works on a stopped member's files");
             };
           });
}

}  // namespace ectl::cli
