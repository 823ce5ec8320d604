#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "common/error.h"
#include "version.h"

namespace ectl::cli {
namespace {

// The etcdctl release ectl is a drop-in for. Invoked as etcdctl, `version` says what
// that etcdctl says, so that scripts checking for 3.4 keep working; ectl's own version
// is `ectl version` and `--version`.
constexpr char kEtcdctlVersion[] = "3.4.23";

}  // namespace

void RegisterVersionCommand(CommandTree& tree) {
  Command* version =
      tree.Add(nullptr, "version", "Prints the version of " + tree.program(), [](FlagSet&) -> RunFn {
        return [](Context& ctx) {
          // Same shape as etcdctl's, whatever -w says.
          bool as_etcdctl = ctx.program() == "etcdctl";
          ctx.io().out << ctx.program() << " version: " << (as_etcdctl ? kEtcdctlVersion : kVersion)
                       << "\nAPI version: " << kApiVersion << "\n";
        };
      },
      "Prints the version of the program and of the etcd API it speaks, whatever -w says. It\n"
      "never connects; the server's version is in endpoint status.\n"
      "\n"
      "Examples:\n"
      "  ectl version\n"
      "  ectl endpoint status -w table    # the members' etcd versions");
  version->offline = true;
}

namespace {

// Accepted so that etcdctl's flags parse; the command itself is refused.
struct MigrateFlags {
  bool no_ttl = false;
  std::string data_dir, wal_dir, transformer;
};

}  // namespace

void RegisterMigrateCommand(CommandTree& tree) {
  // etcdctl 3.4's v2-to-v3 data conversion works on a stopped member's files and was
  // removed in 3.5. Present so that a script calling it fails loudly.
  tree.Add(nullptr, "migrate [options]",
           "Migrates keys in a v2 store to a mvcc store (not supported by " + tree.program() + ")",
           [](FlagSet& flags) -> RunFn {
             auto o = std::make_shared<MigrateFlags>();
             flags.Bool(&o->no_ttl, "no-ttl", "Do not convert TTL keys");
             flags.String(&o->data_dir, "data-dir", "Path to the data directory").Path(ValueKind::kDirectory);
             flags.String(&o->wal_dir, "wal-dir", "Path to the WAL directory").Path(ValueKind::kDirectory);
             flags.String(&o->transformer, "transformer",
                          "Path to the user-provided transformer program").Path();
             return [o](Context& ctx) {
               throw Error(ExitCode::kBadFeature,
                           "migrate is not supported by " + ctx.program() +
                               ": the v2 store conversion works on a stopped member's files");
             };
           },
      "Not supported: the v2 store conversion works on a stopped member's files (and was\n"
      "removed in etcdctl 3.5). The command fails with a clear error (exit 4).\n"
      "\n"
      "Instead, copy the keys of a running cluster with make-mirror, or restore a snapshot.\n"
      "\n"
      "Example:\n"
      "  ectl --endpoints=10.0.0.1:2379 make-mirror 10.1.0.1:2379");
}

}  // namespace ectl::cli
