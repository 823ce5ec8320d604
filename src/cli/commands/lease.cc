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
  Command* lease = tree.Add(nullptr, "lease <subcommand>", "Lease related commands", nullptr,
      "Lease IDs are hexadecimal on the command line, without 0x, as lease grant prints them\n"
      "(694d7a1e3f2c1a0b); a negative ID needs -- before it. put --lease=<leaseID> attaches a\n"
      "key to a lease; revoking the lease deletes its keys.\n"
      "\n"
      "-w table is refused by every lease command before any request (exit 4). Argument errors\n"
      "exit 128; grant and revoke failures exit 1; timetolive, list and keep-alive failures\n"
      "exit 2, as etcdctl. Without a reachable endpoint each fails after --dial-timeout.\n"
      "\n"
      "-w jsonl: lease IDs are strings of 16 hex digits, as lease grant prints them, which\n"
      "revoke, timetolive, keep-alive and put --lease read back. grant prints\n"
      "{\"id\", \"ttl\", \"revision\"}; revoke {\"id\", \"revision\"}; timetolive {\"id\", \"ttl\"\n"
      "(-1: expired),\"granted_ttl\"}, with --keys also \"keys\":[...] (\"keys_base64\" when a key\n"
      "is not UTF-8); list one {\"id\"} per lease; keep-alive one {\"id\", \"ttl\", \"revision\"}\n"
      "per renewal.\n"
      "\n"
      "Examples:\n"
      "  ectl lease grant 60             # lease 694d7a1e3f2c1a0b granted with TTL(60s)\n"
      "  ectl put session alive --lease=694d7a1e3f2c1a0b\n"
      "  ectl lease timetolive 694d7a1e3f2c1a0b --keys\n"
      "  ectl lease revoke 694d7a1e3f2c1a0b");
  tree.Add(lease, "grant <ttl>", "Creates leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunGrant(ctx); };
  },
      "Creates a lease of <ttl> seconds (decimal; etcd raises a TTL below its minimum) and\n"
      "prints its ID. Failures: \"failed to grant lease (<error>)\", exit 1.\n"
      "\n"
      "Examples:\n"
      "  ectl lease grant 60\n"
      "  ID=$(ectl lease grant 60 | awk '{print $2}'); ectl put job/1 running --lease=$ID");
  tree.Add(lease, "revoke <leaseID>", "Revokes leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunRevoke(ctx); };
  },
      "Revokes a lease; every key attached to it is deleted. -w protobuf is refused before\n"
      "revoking (exit 4; etcdctl revokes, then fails).\n"
      "\n"
      "Example:\n"
      "  ectl lease revoke 694d7a1e3f2c1a0b");
  tree.Add(lease, "timetolive <leaseID> [options]", "Get lease information",
           [](FlagSet& flags) -> RunFn {
             auto keys = std::make_shared<bool>(false);
             flags.Bool(keys.get(), "keys", "Get keys attached to this lease");
             return [keys](Context& ctx) { RunTimeToLive(ctx, *keys); };
           },
      "Prints the lease's granted and remaining TTL; --keys also lists the keys attached to it.\n"
      "An unknown lease prints \"lease <id> already expired\". As etcdctl, the call has no\n"
      "deadline once connected and failures exit 2; with no reachable endpoint it fails after\n"
      "--dial-timeout (etcdctl waits forever).\n"
      "\n"
      "Examples:\n"
      "  ectl lease timetolive 694d7a1e3f2c1a0b\n"
      "  ectl lease timetolive 694d7a1e3f2c1a0b --keys -w json");
  tree.Add(lease, "list", "List all active leases", [](FlagSet&) -> RunFn {
    return [](Context& ctx) { RunList(ctx); };
  },
      "Prints \"found N leases\" and the ID of every active lease. As etcdctl, the call has no\n"
      "deadline once connected and failures exit 2; with no reachable endpoint it fails after\n"
      "--dial-timeout (etcdctl waits forever).\n"
      "\n"
      "Example:\n"
      "  ectl lease list");
  tree.Add(
      lease, "keep-alive [options] <leaseID>", "Keeps leases alive (renew)",
      [](FlagSet& flags) -> RunFn {
        auto once = std::make_shared<bool>(false);
        flags.Bool(once.get(), "once",
                   "Resets the keep-alive time to its original value and exits immediately");
        return [once](Context& ctx) { RunKeepAlive(ctx, *once); };
      },
      "Keeps the lease alive until it expires, is revoked, or the command is interrupted,\n"
      "printing each renewal (\"lease <id> keepalived with TTL(<ttl>)\"). The first request goes\n"
      "out at once, then one every TTL/3. --once renews the lease once and exits.\n"
      "\n"
      "When the stream breaks (member stopped, leader change), a new one is opened on a member\n"
      "that is up and a renewal sent at once; give --endpoints every member. The lease counts as\n"
      "lost when the server reports it gone or no response came within its TTL.\n"
      "\n"
      "Exit status: 0 when interrupted (Ctrl-C or SIGTERM; the lease is not revoked and expires\n"
      "after its TTL). 1 when the lease is lost, after etcdctl's \"lease <id> expired or revoked.\"\n"
      "line: \"Error: lease <id> expired or revoked\", or \"Error: lease <id> expired or lost: no\n"
      "keep-alive response within its TTL\". etcdctl exits 0 there. 2 when no endpoint answers\n"
      "(after --dial-timeout) or, with --once, when the lease is unknown.\n"
      "\n"
      "Examples:\n"
      "  ectl lease keep-alive 694d7a1e3f2c1a0b          # until Ctrl-C\n"
      "  ectl lease keep-alive --once 694d7a1e3f2c1a0b   # renew once, from cron");
}

void RegisterCompactionCommand(CommandTree& tree) {
  tree.Add(nullptr, "compaction [options] <revision>", "Compacts the event history in etcd",
           [](FlagSet& flags) -> RunFn {
             auto physical = std::make_shared<bool>(false);
             flags.Bool(physical.get(), "physical",
                        "'true' to wait for compaction to physically remove all old revisions");
             return [physical](Context& ctx) { RunCompaction(ctx, *physical); };
           },
      "Discards the key history before <revision> and prints \"compacted revision <revision>\",\n"
      "whatever -w says. --physical waits until the old revisions are removed from the backend.\n"
      "A revision that is not a number exits 1, as etcdctl; server errors (\"required revision\n"
      "has been compacted\", \"is a future revision\") exit 1.\n"
      "\n"
      "Examples:\n"
      "  ectl compaction 1234\n"
      "  # everything before the current revision, waiting until it is removed from disk:\n"
      "  REV=$(ectl get x -w fields | awk '/\"Revision\"/ {print $3}')\n"
      "  ectl compaction --physical \"$REV\"");
}

}  // namespace ectl::cli
