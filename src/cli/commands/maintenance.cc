// defrag and move-leader.
#include <unistd.h>

#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/connection.h"
#include "client/client.h"
#include "cli/global_options.h"
#include "cli/commands/member_requests.h"
#include "cli/signal_canceller.h"
#include "client/maintenance.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "offline/defrag.h"
#include "output/cluster_results.h"
#include "output/printer.h"
#include "output/progress.h"
#include "sys/terminal.h"

namespace ectl::cli {
namespace {

struct DefragOptions {
  bool cluster = false;
  std::string data_dir;
};

void BindDefrag(FlagSet& f, DefragOptions* o) {
  f.Bool(&o->cluster, "cluster", "use all endpoints from the cluster member list");
  f.String(&o->data_dir, "data-dir",
           "Optional. If present, defragments a data directory not in use by etcd.")
      .Path(ValueKind::kDirectory);
}

void RunDefrag(Context& ctx, const DefragOptions& o) {
  if (const std::string& dir = o.data_dir; !dir.empty()) {
    // Offline: no endpoints; silent on success, as etcdctl.
    try {
      RunStoppable([&dir](const offline::StopRequested& stop) { offline::Defrag(dir, stop); });
    } catch (const Error& e) {
      ctx.io().err << "Failed to defragment etcd data[" << dir << "] (" << e.what() << ")\n";
      throw Error::Reported(ExitCode::kError);
    }
    return;
  }
  (void)ctx.printer();  // -w is validated, though defrag prints fixed text
  Connection& connection = ctx.connection();
  std::vector<std::string> endpoints = connection.Endpoints(o.cluster);
  bool failed = false;
  // On a terminal: which member is being defragmented, and how many are done.
  output::Progress progress(ctx.io().err, ctx.io().err_is_terminal, "Defragmenting",
                            output::ProgressUnit::kItems, "members",
                            sys::TerminalWidth(STDERR_FILENO));
  progress.SetTotal(endpoints.size());
  for (const auto& ep : endpoints) {
    progress.SetLabel("Defragmenting " + ep);
    progress.Draw();
    try {
      auto c = connection.ClientFor(ep);
      client::Defragment(*c, c->command_timeout());
      progress.Clear();
      ctx.io().out << "Finished defragmenting etcd member[" << ep << "]\n" << std::flush;
    } catch (const client::RpcError& e) {
      failed = true;
      progress.Clear();
      ctx.io().err << "Failed to defragment etcd member[" << ep << "] (" << e.what() << ")\n";
    }
    progress.Add(1);
  }
  progress.Finish();
  // etcdctl exits 1 without an "Error:" line: the failures are already reported.
  if (failed) throw Error::Reported(ExitCode::kError);
}

void RunMoveLeader(Context& ctx) {
  uint64_t target = ParseTransferee(ctx.args());
  output::Printer& printer = ctx.printer();
  printer.Require(output::Result::kMoveLeader);
  Connection& connection = ctx.connection();
  const client::ClientConfig& config = connection.config();
  // The leader is the endpoint whose member ID is the leader it reports.
  std::unique_ptr<client::Client> leader;
  uint64_t leader_id = 0;
  for (const auto& ep : config.endpoints) {
    auto c = connection.ClientFor(ep);
    auto status = client::Status(*c, c->command_timeout());
    if (status.header().member_id() == status.leader()) {
      leader = std::move(c);
      leader_id = status.leader();
      break;
    }
  }
  if (!leader) {
    std::string eps;
    for (const auto& ep : config.endpoints) eps += (eps.empty() ? "" : " ") + ep;
    throw Error(ExitCode::kBadArgs, "no leader endpoint given at [" + eps + "]");
  }
  auto response = client::MoveLeader(*leader, target, leader->command_timeout());
  printer.MoveLeader({leader_id, target, response});
}

}  // namespace

void RegisterDefragCommand(CommandTree& tree) {
  tree.Add(nullptr, "defrag", "Defragments the storage of the etcd members with given endpoints",
           WithOptions(BindDefrag, RunDefrag),
      "Defragments the backend of each endpoint, or with --cluster of every member, one at a\n"
      "time, printing \"Finished defragmenting etcd member[<ep>]\". A failure prints \"Failed to\n"
      "defragment etcd member[<ep>] (<error>)\" and the command exits 1. When stderr is a\n"
      "terminal a progress line there names the member being defragmented and counts them.\n"
      "\n"
      "--data-dir (offline defragmentation of a stopped member's files) is not supported:\n"
      "\"Error: defrag --data-dir is not supported by ectl: it defragments running members only\",\n"
      "exit 4.\n"
      "\n"
      "Defragmenting blocks the member while it runs; on a large backend do one member at a\n"
      "time, as --cluster does, and not during peak load.\n"
      "\n"
      "Examples:\n"
      "  ectl defrag\n"
      "  ectl defrag --cluster");
}

void RegisterMoveLeaderCommand(CommandTree& tree) {
  tree.Add(nullptr, "move-leader <transferee-member-id>",
           "Transfers leadership to another etcd cluster member.",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunMoveLeader(ctx); }; },
      "Asks each endpoint for its status, sends the transfer to the one that is the leader and\n"
      "prints \"Leadership transferred from <leader> to <target>\". Give the leader among\n"
      "--endpoints: otherwise \"Error: no leader endpoint given at [<endpoints>]\", exit 128.\n"
      "-w fields and -w table are refused before the transfer (exit 4). -w jsonl prints\n"
      "{\"from\":\"<hex>\", \"to\":\"<hex>\"}.\n"
      "\n"
      "Example:\n"
      "  ectl --endpoints=10.0.0.1:2379,10.0.0.2:2379,10.0.0.3:2379 move-leader 8211f1d0f64f3269");
}

}  // namespace ectl::cli
