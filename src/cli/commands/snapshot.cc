// snapshot save, status and restore (the restore itself is in offline/).
#include <unistd.h>

#include <memory>
#include <ostream>
#include <utility>

#include "cli/command.h"
#include "cli/connection.h"
#include "cli/commands.h"
#include "cli/global_options.h"
#include "cli/signal_canceller.h"
#include "client/client.h"
#include "client/rpc_error.h"
#include "client/snapshot.h"
#include "common/error.h"
#include "offline/restore.h"
#include "output/cluster_results.h"
#include "output/printer.h"
#include "output/progress.h"
#include "output/rows.h"
#include "sys/signal_watcher.h"
#include "sys/terminal.h"

namespace ectl::cli {
namespace {

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
  client::SnapshotCancel cancel;
  // SIGINT/SIGTERM cancel the save, which removes the partial file. Before the client.
  sys::SignalWatcher signals([&cancel](int) { cancel.Cancel(); });
  {
    // On a terminal only; cleared before the result or the error is printed.
    output::Progress progress(ctx.io().err, ctx.io().err_is_terminal, "Saving snapshot",
                              output::ProgressUnit::kBytes, {},
                              sys::TerminalWidth(STDERR_FILENO));
    try {
      auto c = ctx.connection().ClientFor(config.endpoints.front());
      client::SaveSnapshot(
          *c, path, timeout,
          [&progress](uint64_t received, uint64_t remaining) {
            progress.SetTotal(received + remaining);
            progress.Set(received);
          },
          &cancel);
    } catch (const client::SnapshotError& e) {
      throw Error(ExitCode::kInterrupted, e.what());
    } catch (const client::RpcError& e) {
      throw Error(ExitCode::kInterrupted, e.what());
    }
  }
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
  f.String(&o->data_dir, "data-dir", "Path to the data directory").Path(ValueKind::kDirectory);
  f.String(&o->wal_dir, "wal-dir", "Path to the WAL directory (use --data-dir if none given)")
      .Path(ValueKind::kDirectory);
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

void RunRestore(Context& ctx, const RestoreFlags& flags) {
  if (ctx.args().size() != 1) {
    throw Error(ExitCode::kBadArgs, "snapshot restore requires exactly one argument");
  }
  offline::RestoreOptions options;
  options.snapshot_path = ctx.args()[0];
  options.data_dir = flags.data_dir;
  options.wal_dir = flags.wal_dir;
  options.name = flags.name;
  options.initial_cluster = flags.initial_cluster;
  options.initial_cluster_token = flags.initial_cluster_token;
  options.initial_advertise_peer_urls = flags.initial_advertise_peer_urls;
  options.skip_hash_check = flags.skip_hash_check;
  RunStoppable([&options](offline::StopRequested stop) {
    options.stop = std::move(stop);
    offline::Restore(options);
  });
}

}  // namespace

void RegisterSnapshotCommands(CommandTree& tree) {
  Command* snapshot = tree.Add(nullptr, "snapshot <subcommand>", "Manages etcd node snapshots", nullptr,
      "save fetches a snapshot from one running member; status inspects a snapshot file\n"
      "locally; restore builds a new member's data directory from a snapshot file, offline.\n"
      "\n"
      "Examples:\n"
      "  ectl --endpoints=10.0.0.1:2379 snapshot save backup.db\n"
      "  ectl -w table snapshot status backup.db\n"
      "  ectl snapshot restore backup.db --data-dir=/var/lib/etcd/restored");
  tree.Add(snapshot, "save <filename>", "Stores an etcd node backend snapshot to a given file",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunSave(ctx); }; },
      "Streams a snapshot of the member's backend into <filename>.part (mode 0600), verifies\n"
      "the SHA-256 checksum etcd appends, syncs the file and renames it to <filename>, then\n"
      "prints \"Snapshot saved at <filename>\". When stderr is a terminal a progress line is drawn\n"
      "there (received and total size, percent, rate, time left; the server reports the size\n"
      "left) and erased at the end.\n"
      "\n"
      "Needs exactly one endpoint (\"Error: snapshot must be requested to one selected node, not\n"
      "multiple [...]\"). On any failure, a checksum mismatch or Ctrl-C, the partial file is\n"
      "removed and the exit code is 5. An unreachable endpoint fails after --dial-timeout; the\n"
      "transfer itself has no deadline unless --command-timeout is given.\n"
      "\n"
      "Examples:\n"
      "  ectl --endpoints=10.0.0.1:2379 snapshot save backup.db\n"
      "  ectl snapshot save \"backup-$(date +%F).db\"");
  tree.Add(
      snapshot, "status <filename>", "Gets backend snapshot status of a given file",
      [](FlagSet&) -> RunFn { return [](Context& ctx) { RunStatus(ctx); }; },
      "When --write-out is set to simple, this command prints out comma-separated status lists "
      "for each endpoint.\nThe items in the lists are hash, revision, total keys, total size.\n"
      "\n"
      "The file is read without opening it for writing. Its meta pages and page bounds are\n"
      "checked, not the whole database as etcdctl does; a damaged file reports e.g.\n"
      "\"Error: invalid database\", exit 1. -w jsonl prints\n"
      "{\"hash\":N,\"revision\":N,\"total_key\":N,\"total_size\":N}, all numbers.\n"
      "\n"
      "Examples:\n"
      "  ectl snapshot status backup.db\n"
      "  ectl snapshot status backup.db -w table");
  // Offline: builds no client, so ETCDCTL_* are not read (as etcdctl).
  Command* restore = tree.Add(snapshot, "restore <filename> [options]",
                              "Restores an etcd member snapshot to an etcd directory",
                              WithOptions(BindRestore, RunRestore),
      "Restores a snapshot file (from 'snapshot save', or a member's member/snap/db with\n"
      "--skip-hash-check) into a new data directory for one member of a new cluster, without\n"
      "running etcd. Run it once per member with the same --initial-cluster and\n"
      "--initial-cluster-token, then start each etcd on its directory with the same settings.\n"
      "The directory is built beside its target and renamed into place at the end; an\n"
      "existing --data-dir or --wal-dir is refused.\n"
      "\n"
      "Examples:\n"
      "  ectl snapshot restore backup.db --data-dir=/var/lib/etcd/restored\n"
      "  ectl snapshot restore backup.db --name=m1 --data-dir=m1.etcd \\\n"
      "      --initial-cluster=m1=http://10.0.0.1:2380,m2=http://10.0.0.2:2380 \\\n"
      "      --initial-cluster-token=restored-1 --initial-advertise-peer-urls=http://10.0.0.1:2380");
  restore->offline = true;
}

}  // namespace ectl::cli
