// lock and elect: etcd's lock and election recipes, held until Ctrl-C or SIGTERM.
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/commands.h"
#include "sys/child_process.h"
#include "cli/signal_canceller.h"
#include "client/canceller.h"
#include "client/client.h"
#include "client/concurrency.h"
#include "client/op.h"
#include "client/rpc_error.h"
#include "client/session.h"
#include "common/error.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using client::CancelReason;
using output::Result;

// etcd's recipes fall back to a 60 s session when asked for none.
constexpr int64_t kDefaultSessionTtl = 60;

etcdserverpb::RangeResponse GetKey(const client::Client& c, const std::string& key) {
  client::GetOptions get;
  get.range.key = key;
  return client::Do(c, client::OpGet(get), c.command_timeout()).response_range();
}

// Blocks until a signal or the loss of the session; returns the reason.
CancelReason AwaitCancel(const client::Canceller& canceller) {
  canceller.Wait();
  return canceller.reason();
}

struct LockOptions {
  int64_t ttl = 10;
};

void BindLock(FlagSet& f, LockOptions* o) { f.Int(&o->ttl, "ttl", "timeout for session"); }

void RunLock(Context& ctx, const LockOptions& o) {
  const auto& args = ctx.args();
  if (args.empty()) {
    throw Error(ExitCode::kBadArgs,
                "lock takes a lock name argument and an optional command to execute");
  }
  int64_t ttl = o.ttl;
  if (ttl <= 0) ttl = kDefaultSessionTtl;
  const std::vector<std::string> command(args.begin() + 1, args.end());
  // An unknown -w is refused even when nothing will be printed, as by etcdctl.
  output::Printer& printer = ctx.printer();
  if (command.empty()) printer.Require(Result::kGet);

  client::Canceller canceller;
  SignalCanceller signals(canceller);
  client::Client& c = ctx.client();
  client::Session session(c, ttl, canceller);
  client::Mutex mutex(c, session, args[0]);
  try {
    mutex.Lock(canceller);
  } catch (const client::Cancelled& e) {
    if (e.reason() == CancelReason::kSessionLost) throw Error(ExitCode::kError, "session expired");
    throw Error(ExitCode::kError, "context canceled");  // as etcdctl, interrupted while queued
  }

  if (!command.empty()) {
    sys::ChildOutcome child = sys::RunChild(command, {"ETCD_LOCK_KEY=" + mutex.key(),
                                            "ETCD_LOCK_REV=" + std::to_string(mutex.revision())});
    mutex.Unlock();
    session.Close();
    // The child's own exit status, as etcdctl 3.5 and later report it (3.4 exits 1).
    if (!child.error.empty()) {
      throw Error(static_cast<ExitCode>(child.started ? child.exit_code : 1), child.error);
    }
    return;
  }

  auto held = GetKey(c, mutex.key());
  if (held.kvs_size() == 0) throw Error(ExitCode::kError, "lock lost on init");
  printer.Get(held, {});
  printer.Flush();
  if (AwaitCancel(canceller) == CancelReason::kSessionLost) {
    throw Error(ExitCode::kError, "session expired");
  }
  mutex.Unlock();
  session.Close();
}

void Observe(Context& ctx, const std::string& name) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kGet);
  client::Canceller canceller;
  SignalCanceller signals(canceller);
  client::Client& c = ctx.client();
  try {
    client::ObserveElection(c, name, canceller, [&](const etcdserverpb::RangeResponse& r) {
      printer.Get(r, {});
      printer.Flush();
    });
  } catch (const client::Cancelled&) {
    return;  // interrupted: a normal end
  } catch (const client::RpcError&) {
    throw Error(ExitCode::kError, "elect: observer lost");
  }
}

void Campaign(Context& ctx, const std::string& name, const std::string& proposal) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kGet);
  client::Canceller canceller;
  SignalCanceller signals(canceller);
  client::Client& c = ctx.client();
  client::Session session(c, kDefaultSessionTtl, canceller);
  client::Election election(c, session, name);
  try {
    election.Campaign(proposal, canceller);
  } catch (const client::Cancelled& e) {
    if (e.reason() == CancelReason::kSessionLost) {
      throw Error(ExitCode::kError, "elect: session expired");
    }
    throw Error(ExitCode::kError, "context canceled");  // as etcdctl, interrupted while waiting
  }
  printer.Get(GetKey(c, election.key()), {});
  printer.Flush();
  if (AwaitCancel(canceller) == CancelReason::kSessionLost) {
    throw Error(ExitCode::kError, "elect: session expired");
  }
  election.Resign();
  session.Close();
}

struct ElectOptions {
  bool listen = false;
};

void BindElect(FlagSet& f, ElectOptions* o) { f.Bool(&o->listen, "listen", "observation mode", 'l'); }

void RunElect(Context& ctx, const ElectOptions& o) {
  const auto& args = ctx.args();
  bool listen = o.listen;
  if (args.size() != 1 && args.size() != 2) {
    throw Error(ExitCode::kBadArgs,
                "elect takes one election name argument and an optional proposal argument");
  }
  if (listen) {
    if (args.size() == 2) throw Error(ExitCode::kBadArgs, "proposal given but -l is set");
    Observe(ctx, args[0]);
    return;
  }
  if (args.size() == 1) throw Error(ExitCode::kBadArgs, "no proposal argument but -l not set");
  Campaign(ctx, args[0], args[1]);
}

}  // namespace

void RegisterConcurrencyCommands(CommandTree& tree) {
  tree.Add(
      nullptr, "lock <lockname> [exec-command arg1 arg2 ...]", "Acquires a named lock",
      WithOptions(BindLock, RunLock),
      "Acquires a named lock.\n"
      "\n"
      "Without a command, prints the lock's key and holds the lock until interrupted\n"
      "(Ctrl-C or SIGTERM), then releases it. With a command, runs it while holding the\n"
      "lock, with ETCD_LOCK_KEY and ETCD_LOCK_REV in its environment, releases the lock\n"
      "and exits with the command's exit status. Put '--' before a command that takes\n"
      "flags: lock mylock -- cmd --flag\n"
      "\n"
      "The lock is etcd's client-side mutex recipe, so ectl and etcdctl contenders queue for\n"
      "the same lock: a session lease of --ttl seconds (0 or less: 60), renewed in the\n"
      "background, and the key <lockname>/<lease ID> created under it. The key is printed as\n"
      "get prints it (-w json, fields, protobuf and --hex apply; -w table is refused before\n"
      "the lock is taken). The session lease is revoked on exit, so the key does not linger.\n"
      "\n"
      "Exit status: the command's own status (128 + the signal if it was killed; etcdctl 3.4\n"
      "exits 1), with \"Error: exit status N\"; 0 when interrupted while holding; 1 with\n"
      "\"Error: session expired\" when the session lease is lost, while waiting or holding; 1\n"
      "with \"Error: context canceled\" when interrupted while queued; 1 when the command cannot\n"
      "be started; 128 without a lock name.\n"
      "\n"
      "Examples:\n"
      "  ectl lock mylock\n"
      "  ectl lock mylock -- sh -c 'echo $ETCD_LOCK_KEY $ETCD_LOCK_REV'\n"
      "  ectl lock --ttl=30 backup -- /usr/local/bin/backup.sh   # one backup at a time");
  tree.Add(
      nullptr, "elect <election-name> [proposal]",
      "Observes and participates in leader election",
      WithOptions(BindElect, RunElect),
      "Observes and participates in leader election.\n"
      "\n"
      "With a proposal, campaigns for leadership; once elected prints the leader key and\n"
      "the proposal and leads until interrupted (Ctrl-C or SIGTERM), then resigns.\n"
      "With -l, prints the leader (key and proposal) each time it changes.\n"
      "\n"
      "A candidate's key is <election-name>/<lease ID> under a 60-second session lease renewed\n"
      "in the background; it is elected when every older candidate is gone. The session lease\n"
      "is revoked on exit. Output is printed as get prints it; -w table is refused before\n"
      "campaigning. The observer takes no lease.\n"
      "\n"
      "Exit status: 0 when interrupted; 128 for argument errors (\"elect takes one election name\n"
      "argument and an optional proposal argument\", \"no proposal argument but -l not set\",\n"
      "\"proposal given but -l is set\"); 1 for \"Error: elect: session expired\" (also while\n"
      "campaigning) and \"Error: elect: observer lost\".\n"
      "\n"
      "Examples:\n"
      "  ectl elect -l myelection\n"
      "  ectl elect myelection proposal-1     # campaign, lead until Ctrl-C");
}

}  // namespace ectl::cli
