// lease grant|revoke|timetolive|list|keep-alive, and compaction.
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/lease_requests.h"
#include "client/client.h"
#include "client/lease.h"
#include "client/op.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "output/printer.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {
namespace {

using output::Result;

void RunGrant(Context& ctx) {
  int64_t ttl = LeaseGrantTtl(ctx.args());
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kLeaseGrant);
  etcdserverpb::LeaseGrantResponse response;
  try {
    client::Client& c = ctx.client();
    response = client::LeaseGrant(c, ttl, c.command_timeout());
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kError, std::string("failed to grant lease (") + e.what() + ")");
  }
  printer.LeaseGrant(response);
}

void RunRevoke(Context& ctx) {
  int64_t id = LeaseIdArg(ctx.args(), "lease revoke command needs 1 argument");
  output::Printer& printer = ctx.printer();
  // etcdctl revokes the lease and only then finds it cannot marshal the response as
  // protobuf (exit 4); refusing first leaves the lease alone.
  printer.Require(Result::kLeaseRevoke);
  etcdserverpb::LeaseRevokeResponse response;
  try {
    client::Client& c = ctx.client();
    response = client::LeaseRevoke(c, id, c.command_timeout());
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kError, std::string("failed to revoke lease (") + e.what() + ")");
  }
  printer.LeaseRevoke(id, response);
}

void RunTimeToLive(Context& ctx, bool keys) {
  if (ctx.args().size() != 1) {
    throw Error(ExitCode::kBadArgs, "lease timetolive command needs lease ID as argument");
  }
  // etcdctl builds its client (and checks -w) before it parses the ID.
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kLeaseTimeToLive);
  int64_t id = LeaseIdArg(ctx.args(), "lease timetolive command needs lease ID as argument");
  etcdserverpb::LeaseTimeToLiveResponse response;
  // No command timeout and exit code 2 for RPC errors, as etcdctl.
  try {
    response = client::LeaseTimeToLive(ctx.client(), id, keys, std::nullopt);
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kBadConnection, e.what());
  }
  printer.LeaseTimeToLive(response, keys);
}

void RunList(Context& ctx) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kLeaseList);
  etcdserverpb::LeaseLeasesResponse response;
  try {
    response = client::LeaseLeases(ctx.client(), std::nullopt);
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kBadConnection, e.what());
  }
  printer.LeaseList(response);
}

void RunKeepAlive(Context& ctx, bool once) {
  int64_t id = LeaseIdArg(ctx.args(), "lease keep-alive command needs lease ID as argument");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kLeaseKeepAlive);
  client::KeepAliveEnd end = client::KeepAliveEnd::kStopped;
  // The first SIGINT or SIGTERM ends a keep-alive (--once keeps the default actions);
  // made before the client, see sys/signal_watcher.h.
  std::atomic<bool> stop{false};
  std::optional<sys::SignalWatcher> signals;
  if (!once) signals.emplace([&stop](int) { stop.store(true); });
  try {
    client::Client& c = ctx.client();
    if (once) {
      printer.LeaseKeepAlive(client::LeaseKeepAliveOnce(c, id, std::nullopt));
      return;
    }
    client::KeepAliveOptions options;
    options.first_response_timeout = c.config().dial_timeout + std::chrono::seconds(1);
    options.stop = &stop;
    end = client::KeepAlive(c, id, options, [&printer](const auto& r) {
      printer.LeaseKeepAlive(r);
    });
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kBadConnection, e.what());
  }
  // Ctrl-C or SIGTERM is how a keep-alive is meant to end: exit 0.
  if (end == client::KeepAliveEnd::kStopped) return;
  // etcdctl prints this line and exits 0, so a script cannot tell that its lease is
  // gone; ectl keeps the line and fails.
  printer.LeaseKeepAliveEnded(id);
  throw Error(ExitCode::kError,
              LeaseLostMessage(id, end == client::KeepAliveEnd::kTimedOut));
}

void RunCompaction(Context& ctx, bool physical) {
  etcdserverpb::CompactionRequest request = BuildCompaction(ctx.args(), physical);
  // The output is the same text for every format, but an unknown -w is still refused,
  // as etcdctl does while building its client.
  (void)ctx.printer();
  client::Client& c = ctx.client();
  client::Compact(c, request, c.command_timeout());
  ctx.io().out << "compacted revision " << request.revision() << "\n";
}

}  // namespace

void RegisterLeaseCommands(CommandTree& tree) {
  Command* lease = tree.Add(nullptr, "lease <subcommand>", "Lease related commands");
  tree.Add(lease, "grant <ttl>", "Creates leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunGrant(ctx); };
  });
  tree.Add(lease, "revoke <leaseID>", "Revokes leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunRevoke(ctx); };
  });
  tree.Add(lease, "timetolive <leaseID> [options]", "Get lease information",
           [](FlagSet& flags) -> RunFn {
             auto keys = std::make_shared<bool>(false);
             flags.Bool(keys.get(), "keys", "Get keys attached to this lease");
             return [keys](Context& ctx) { RunTimeToLive(ctx, *keys); };
           });
  tree.Add(lease, "list", "List all active leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunList(ctx); };
  });
  tree.Add(
      lease, "keep-alive [options] <leaseID>", "Keeps leases alive (renew)",
      [](FlagSet& flags) -> RunFn {
        auto once = std::make_shared<bool>(false);
        flags.Bool(once.get(), "once",
                   "Resets the keep-alive time to its original value and exits immediately");
        return [once](Context& ctx) { RunKeepAlive(ctx, *once); };
      },
      "Keeps the lease alive until it expires, is revoked, or the command is interrupted.\n"
      "Unlike etcdctl, the command exits with status 1 when the lease is lost.");
}

void RegisterCompactionCommand(CommandTree& tree) {
  tree.Add(nullptr, "compaction [options] <revision>", "Compacts the event history in etcd",
           [](FlagSet& flags) -> RunFn {
             auto physical = std::make_shared<bool>(false);
             flags.Bool(physical.get(), "physical",
                        "'true' to wait for compaction to physically remove all old revisions");
             return [physical](Context& ctx) { RunCompaction(ctx, *physical); };
           });
}

}  // namespace ectl::cli
