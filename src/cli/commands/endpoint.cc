// endpoint health, status, hashkv: one direct connection per endpoint, as etcdctl
// addresses each endpoint separately.
#include <chrono>
#include <memory>
#include <thread>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/connection.h"
#include "client/client.h"
#include "cli/global_options.h"
#include "client/maintenance.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "common/strconv.h"
#include "output/cluster_results.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using output::Result;
using Clock = std::chrono::steady_clock;

output::EndpointHealth Probe(Connection& connection, const std::string& endpoint) {
  output::EndpointHealth h;
  h.endpoint = endpoint;
  auto start = Clock::now();
  try {
    auto c = connection.ClientFor(endpoint);
    start = Clock::now();  // as etcdctl, `took` times the probe, not the connection
    client::HealthProbe(*c, c->command_timeout());
    h.health = true;
  } catch (const client::RpcError& e) {
    // A member that answers "permission denied" has committed the read: healthy.
    h.health = std::string(e.what()) == "etcdserver: permission denied";
    if (!h.health) h.error = e.what();
  } catch (const std::exception& e) {
    h.error = e.what();
  }
  h.took = FormatDuration(Clock::now() - start);
  return h;
}

struct EndpointOptions {
  bool cluster = false;
  int64_t rev = 0;  // hashkv only
};

void BindCluster(FlagSet& f, EndpointOptions* o) {
  f.Bool(&o->cluster, "cluster", "use all endpoints from the cluster member list");
}

void BindHashKV(FlagSet& f, EndpointOptions* o) {
  BindCluster(f, o);
  f.Int(&o->rev, "rev", "maximum revision to hash (default: all revisions)");
}

void RunHealth(Context& ctx, const EndpointOptions& o) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kEndpointHealth);
  Connection& connection = ctx.connection();
  std::vector<std::string> endpoints = connection.Endpoints(o.cluster);
  // Probed concurrently, reported in the order the endpoints were given (etcdctl
  // reports in completion order, which varies from run to run).
  std::vector<output::EndpointHealth> results(endpoints.size());
  std::vector<std::thread> probes;
  for (size_t i = 0; i < endpoints.size(); ++i) {
    probes.emplace_back([&, i] { results[i] = Probe(connection, endpoints[i]); });
  }
  for (auto& t : probes) t.join();
  printer.EndpointHealth({results, ctx.io().err});
  for (const auto& h : results) {
    if (!h.error.empty()) throw Error(ExitCode::kError, "unhealthy cluster");
  }
}

void RunStatus(Context& ctx, const EndpointOptions& o) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kEndpointStatus);
  std::vector<std::string> endpoints = ctx.connection().Endpoints(o.cluster);
  std::vector<output::EndpointStatus> list;
  bool failed = false;
  for (const auto& ep : endpoints) {
    try {
      auto c = ctx.connection().ClientFor(ep);
      list.push_back({ep, client::Status(*c, c->command_timeout())});
    } catch (const client::RpcError& e) {
      failed = true;
      ctx.io().err << "Failed to get the status of endpoint " << ep << " (" << e.what() << ")\n";
    }
  }
  printer.EndpointStatus({list});
  // etcdctl exits 1 without an "Error:" line: the failures are already reported.
  if (failed) throw Error::Reported(ExitCode::kError);
}

void RunHashKV(Context& ctx, const EndpointOptions& o) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kEndpointHashKV);
  const int64_t rev = o.rev;
  std::vector<std::string> endpoints = ctx.connection().Endpoints(o.cluster);
  std::vector<output::EndpointHashKV> list;
  std::string last_error;
  for (const auto& ep : endpoints) {
    try {
      auto c = ctx.connection().ClientFor(ep);
      list.push_back({ep, client::HashKV(*c, rev, c->command_timeout())});
    } catch (const client::RpcError& e) {
      last_error = e.what();
      ctx.io().err << "Failed to get the hash of endpoint " << ep << " (" << e.what() << ")\n";
    }
  }
  printer.EndpointHashKV({list});
  if (!last_error.empty()) throw Error(ExitCode::kError, last_error);
}

}  // namespace

void RegisterEndpointCommands(CommandTree& tree) {
  Command* endpoint = tree.Add(nullptr, "endpoint <subcommand>", "Endpoint related commands", nullptr,
      "health, status and hashkv address each endpoint on its own connection, not the balanced\n"
      "pool. With --cluster the endpoints are every member's client URLs from the member list\n"
      "(\"Error: failed to fetch endpoints from etcd cluster member list: ...\", exit 1, if it\n"
      "cannot be read). An unreachable endpoint is reported after --dial-timeout.\n"
      "\n"
      "-w jsonl prints one line per endpoint. health: {\"endpoint\", \"health\", \"took\" (a Go\n"
      "duration),\"error\" (when unhealthy)}. status: {\"endpoint\", \"id\", \"cluster_id\", \"version\",\n"
      "\"db_size\", \"db_size_in_use\" (bytes),\"leader\", \"is_leader\", \"is_learner\", \"raft_term\",\n"
      "\"raft_index\", \"raft_applied_index\", \"errors\", \"revision\"}, IDs as hex strings. hashkv:\n"
      "{\"endpoint\", \"hash\", \"compact_revision\", \"revision\"}.\n"
      "\n"
      "Examples:\n"
      "  ectl endpoint health --cluster\n"
      "  ectl -w table endpoint status --cluster\n"
      "  ectl --endpoints=10.0.0.1:2379,10.0.0.2:2379 endpoint hashkv");
  tree.Add(endpoint, "health", "Checks the healthiness of endpoints specified in `--endpoints` flag",
           WithOptions(BindCluster, RunHealth),
      "Checks each endpoint with a linearizable read and prints \"<endpoint> is healthy:\n"
      "successfully committed proposal: took = <duration>\" or the reason it is not. Healthy\n"
      "results go to stdout and unhealthy ones to stderr (etcdctl 3.4 prints both on stderr),\n"
      "in the order of the endpoints given; the probes run concurrently. Alarms are not looked\n"
      "at, as in etcdctl 3.4. Exit 1 with \"Error: unhealthy cluster\" when any endpoint is not\n"
      "healthy.\n"
      "\n"
      "Examples:\n"
      "  ectl endpoint health\n"
      "  ectl endpoint health --cluster -w json");
  tree.Add(
      endpoint, "status", "Prints out the status of endpoints specified in `--endpoints` flag",
      WithOptions(BindCluster, RunStatus),
      "When --write-out is set to simple, this command prints out comma-separated status lists "
      "for each endpoint.\nThe items in the lists are endpoint, ID, version, db size, is leader, "
      "is learner, raft term, raft index, raft applied index, errors.\n"
      "\n"
      "A failing endpoint prints \"Failed to get the status of endpoint <ep> (<error>)\" on\n"
      "stderr; the command then exits 1.\n"
      "\n"
      "Examples:\n"
      "  ectl endpoint status\n"
      "  ectl endpoint status --cluster -w table");
  tree.Add(endpoint, "hashkv", "Prints the KV history hash for each endpoint in --endpoints",
           WithOptions(BindHashKV, RunHashKV),
      "Prints the hash of each endpoint's key-value history up to --rev (0: the latest). A\n"
      "failing endpoint prints \"Failed to get the hash of endpoint <ep> (<error>)\"; the command\n"
      "then ends with that error, exit 1. Members whose hashes at one revision differ\n"
      "hold different data.\n"
      "\n"
      "Examples:\n"
      "  ectl endpoint hashkv --cluster\n"
      "  ectl endpoint hashkv --cluster --rev=1000 -w table");
}

}  // namespace ectl::cli
