// snapshot save and snapshot status (restore is not provided).
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <memory>
#include <ostream>
#include <thread>

#include "cli/command.h"
#include "cli/connection.h"
#include "cli/commands.h"
#include "cli/global_options.h"
#include "client/client.h"
#include "client/rpc_error.h"
#include "client/snapshot.h"
#include "common/error.h"
#include "output/cluster_results.h"
#include "output/printer.h"
#include "output/rows.h"

namespace ectl::cli {
namespace {

// Turns SIGINT/SIGTERM into a cancellation of the running save, so the partial file is
// removed; blocked before any gRPC thread exists so that none of them takes the signal.
class SignalCancel {
 public:
  explicit SignalCancel(client::SnapshotCancel& cancel) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
    thread_ = std::thread([this, set, &cancel] {
      timespec wait{0, 100 * 1000 * 1000};
      while (!done_) {
        if (sigtimedwait(&set, nullptr, &wait) > 0) {
          cancel.Cancel();
          return;
        }
      }
    });
  }
  ~SignalCancel() {
    done_ = true;
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t old_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

void RunSave(Context& ctx) {
  if (ctx.args().size() != 1) {
    throw Error(ExitCode::kBadArgs, "snapshot save expects one argument");
  }
  const std::string& path = ctx.args()[0];
  (void)ctx.printer();  // -w is validated, though save prints fixed text
  const client::ClientConfig& config = ctx.connection().config();
  // A snapshot is one member's backend, so exactly one endpoint (exit 5 as etcdctl).
  if (config.endpoints.size() != 1) {
    std::string eps;
    for (const auto& ep : config.endpoints) eps += (eps.empty() ? "" : " ") + ep;
    throw Error(ExitCode::kInterrupted,
                "snapshot must be requested to one selected node, not multiple [" + eps + "]");
  }
  // As etcdctl: no deadline unless --command-timeout was given.
  std::optional<client::Duration> timeout;
  if (ctx.global().command_timeout_set()) timeout = config.command_timeout;
  bool progress_bar = isatty(STDERR_FILENO) == 1;
  std::ostream& err = ctx.io().err;
  client::SnapshotCancel cancel;
  SignalCancel signals(cancel);
  try {
    auto c = ctx.connection().ClientFor(config.endpoints.front());
    client::SaveSnapshot(
        *c, path, timeout,
        [&, shown = std::string()](uint64_t bytes) mutable {
          if (!progress_bar) return;
          // Redrawn only when the figure changes: a message is only 32 kB.
          std::string text = output::HumanizeBytes(bytes);
          if (text == shown) return;
          shown = text;
          err << "\rReceived " << text << "   " << std::flush;
        },
        &cancel);
  } catch (const client::SnapshotError& e) {
    if (progress_bar) err << "\n";
    throw Error(ExitCode::kInterrupted, e.what());
  } catch (const client::RpcError& e) {
    if (progress_bar) err << "\n";
    throw Error(ExitCode::kInterrupted, e.what());
  }
  if (progress_bar) err << "\n";
  ctx.io().out << "Snapshot saved at " << path << "\n" << std::flush;
}

void RunStatus(Context& ctx) {
  if (ctx.args().size() != 1) {
    throw Error(ExitCode::kBadArgs, "snapshot status requires exactly one argument");
  }
  output::Printer& printer = ctx.printer();
  printer.Require(output::Result::kSnapshotStatus);
  client::SnapshotFileStatus s;
  try {
    s = client::ReadSnapshotStatus(ctx.args()[0]);
  } catch (const client::SnapshotError& e) {
    throw Error(ExitCode::kError, e.what());
  }
  printer.SnapshotStatus({s.hash, s.revision, s.total_key, s.total_size});
}

struct RestoreFlags {
  std::string data_dir;
  std::string wal_dir;
  std::string initial_cluster = "default=http://localhost:2380";
  std::string initial_cluster_token = "etcd-cluster";
  std::string initial_advertise_peer_urls = "http://localhost:2380";
  std::string name = "default";
  bool skip_hash_check = false;
};

void BindRestore(FlagSet& f, RestoreFlags* o) {
  f.String(&o->data_dir, "data-dir", "Path to the data directory");
  f.String(&o->wal_dir, "wal-dir", "Path to the WAL directory (use --data-dir if none given)");
  f.String(&o->initial_cluster, "initial-cluster",
           "Initial cluster configuration for restore bootstrap");
  f.String(&o->initial_cluster_token, "initial-cluster-token",
           "Initial cluster token for the etcd cluster during restore bootstrap");
  f.String(&o->initial_advertise_peer_urls, "initial-advertise-peer-urls",
           "List of this member's peer URLs to advertise to the rest of the cluster");
  f.String(&o->name, "name", "Human-readable name for this member");
  f.Bool(&o->skip_hash_check, "skip-hash-check",
         "Ignore snapshot integrity hash value (required if copied from data directory)");
}

void RunRestore(Context& ctx, const RestoreFlags&) {
  throw Error(ExitCode::kBadFeature,
              "snapshot restore is not supported by " + ctx.program() +
                  ": restoring rebuilds a data directory offline; use the etcd server's own "
                  "tooling");
}

}  // namespace

void RegisterSnapshotCommands(CommandTree& tree) {
  Command* snapshot = tree.Add(nullptr, "snapshot <subcommand>", "Manages etcd node snapshots", nullptr,
      "save fetches a snapshot from one running member; status inspects a snapshot file\n"
      "locally. restore, which rebuilds a member's data directory offline, is not supported.\n"
      "\n"
      "Example:\n"
      "  ectl --endpoints=10.0.0.1:2379 snapshot save backup.db\n"
      "  ectl -w table snapshot status backup.db");
  tree.Add(snapshot, "save <filename>", "Stores an etcd node backend snapshot to a given file",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunSave(ctx); }; },
      "Streams a snapshot of the member's backend into <filename>.part (mode 0600), verifies\n"
      "the SHA-256 checksum etcd appends, syncs the file and renames it to <filename>, then\n"
      "prints \"Snapshot saved at <filename>\". When stderr is a terminal a \"Received <size>\"\n"
      "counter is drawn there.\n"
      "\n"
      "Needs exactly one endpoint (\"Error: snapshot must be requested to one selected node, not\n"
      "multiple [...]\"). On any failure, a checksum mismatch or Ctrl-C, the partial file is\n"
      "removed and the exit code is 5. An unreachable endpoint fails after --dial-timeout; the\n"
      "transfer itself has no deadline unless --command-timeout is given.");
  tree.Add(
      snapshot, "status <filename>", "Gets backend snapshot status of a given file",
      [](FlagSet&) -> RunFn { return [](Context& ctx) { RunStatus(ctx); }; },
      "When --write-out is set to simple, this command prints out comma-separated status lists "
      "for each endpoint.\nThe items in the lists are hash, revision, total keys, total size.\n"
      "\n"
      "The file is read without opening it for writing. Its meta pages and page bounds are\n"
      "checked, not the whole database as etcdctl does; a damaged file reports e.g.\n"
      "\"Error: invalid database\", exit 1.");
  // Restoring rebuilds a member's data directory offline, which ectl does not do. The
  // command exists so that a script calling it fails loudly instead of getting the group's
  // usage and exit 0.
  tree.Add(snapshot, "restore <filename> [options]",
           "Restores an etcd member snapshot to an etcd directory (not supported by ectl)",
           WithOptions(BindRestore, RunRestore),
      "Not supported: restoring rebuilds a member's data directory offline, which ectl does not\n"
      "do. The command exists so that a script calling it fails with a clear error (exit 4).");
}

}  // namespace ectl::cli
