// make-mirror: copies a prefix to another cluster and keeps following its changes.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <ostream>
#include <string>
#include <thread>

#include "cli/command.h"
#include "cli/connection.h"
#include "cli/commands.h"
#include "cli/env_knob.h"
#include "cli/global_options.h"
#include "cli/password.h"
#include "cli/commands/mirror_sync.h"
#include "cli/signal_canceller.h"
#include "client/canceller.h"
#include "client/client.h"
#include "client/event_stream.h"
#include "client/op.h"
#include "client/rpc_error.h"
#include "common/bytes.h"
#include "common/error.h"
#include "output/progress.h"
#include "sys/terminal.h"

namespace ectl::cli {
namespace {

// etcdctl reads the source in pages of this many keys.
constexpr int64_t kPageSize = 1000;

// The running total is printed this often; ECTL_MIRROR_PROGRESS_INTERVAL shortens it for
// tests.
client::Duration ProgressInterval() {
  return EnvDuration("ECTL_MIRROR_PROGRESS_INTERVAL", std::chrono::milliseconds(1))
      .value_or(std::chrono::seconds(30));
}

struct MirrorOptions {
  std::string prefix;
  std::string dest_prefix;
  int64_t max_txn_ops = 128;
  int64_t rev = 0;
};

// The command's flags.
struct MakeMirrorFlags {
  std::string prefix;
  std::string dest_prefix;
  bool no_dest_prefix = false;
  std::string dest_cert, dest_key, dest_cacert;
  std::string dest_user, dest_password;
  bool dest_insecure_transport = true;
  int64_t max_txn_ops = 128;
  int64_t rev = 0;
};

void BindMakeMirror(FlagSet& f, MakeMirrorFlags* o) {
  f.String(&o->prefix, "prefix", "Key-value prefix to mirror");
  f.String(&o->dest_prefix, "dest-prefix",
           "destination prefix to mirror a prefix to a different prefix in the destination "
           "cluster");
  f.Bool(&o->no_dest_prefix, "no-dest-prefix",
         "mirror key-values to the root of the destination cluster");
  f.String(&o->dest_cert, "dest-cert",
           "Identify secure client using this TLS certificate file for the destination cluster")
      .Path();
  f.String(&o->dest_key, "dest-key",
           "Identify secure client using this TLS key file for the destination cluster")
      .Path();
  f.String(&o->dest_cacert, "dest-cacert",
           "Verify certificates of TLS enabled secure servers using this CA bundle")
      .Path();
  f.String(&o->dest_user, "dest-user",
           "Destination username[:password] for authentication (prompt if password is not supplied)");
  f.String(&o->dest_password, "dest-password",
           "Destination password for authentication (if this option is used, --user option "
           "shouldn't include password)");
  f.Bool(&o->dest_insecure_transport, "dest-insecure-transport",
         "Disable transport security for client connections");
  f.Int(&o->max_txn_ops, "max-txn-ops",
        "Maximum number of operations permitted in a transaction during syncing updates.");
  f.Int(&o->rev, "rev", "Specify the kv revision to start to mirror");
}

client::ClientConfig DestinationConfig(Context& ctx, const MakeMirrorFlags& flags) {
  client::ClientConfig config = ctx.connection().config();
  config.endpoints = {ctx.args()[0]};
  // The destination has its own TLS flags and credentials (etcdctl 3.5's --dest-user and
  // --dest-password; none by default, as in etcdctl 3.4).
  config.user.clear();
  config.password.clear();
  if (!flags.dest_user.empty()) {
    config.user = flags.dest_user;
    if (!flags.dest_password.empty()) {
      config.password = flags.dest_password;
    } else if (auto colon = config.user.find(':'); colon != std::string::npos) {
      config.password = config.user.substr(colon + 1);
      config.user.resize(colon);
    } else {
      config.password = AskPassword(ctx.io(), "Destination Password: ");
    }
  }
  const std::string &cert = flags.dest_cert, &key = flags.dest_key, &ca = flags.dest_cacert;
  config.tls.reset();
  if (!cert.empty() || !key.empty() || !ca.empty()) {
    if (cert.empty() != key.empty()) {
      throw Error(ExitCode::kBadArgs, "KeyFile and CertFile must both be present[key: " + key +
                                          ", cert: " + cert + "]");
    }
    config.tls = client::TlsConfig{cert, key, ca, false, ""};
  } else if (!flags.dest_insecure_transport) {
    config.tls = client::TlsConfig{};
  }
  return config;
}

// Copies every key under the prefix as of one revision; returns that revision.
int64_t SyncBase(const client::Client& src, const client::Client& dst, const MirrorOptions& o,
                 std::atomic<int64_t>& total, client::Canceller& canceller) {
  client::GetOptions get;
  std::string end;
  client::ResolveRange({o.prefix, std::nullopt, true, false}, get.range.key, end);
  get.range.range_end = end;
  get.limit = kPageSize;
  int64_t rev = 0;
  for (;;) {
    canceller.Check();
    get.revision = rev;  // the first page fixes the revision of all others
    auto page = client::Do(src, client::OpGet(get), src.command_timeout()).response_range();
    rev = page.header().revision();
    for (const auto& kv : page.kvs()) {
      canceller.Check();
      client::PutOptions put;
      put.key = ReplaceFirst(kv.key(), o.prefix, o.dest_prefix);
      put.value = kv.value();
      (void)client::Do(dst, client::OpPut(put), dst.command_timeout());
      ++total;
    }
    if (!page.more() || page.kvs_size() == 0) return rev;
    get.range.key = page.kvs(page.kvs_size() - 1).key() + std::string(1, '\0');
  }
}

void Mirror(const client::Client& src, const client::Client& dst, const MirrorOptions& o,
            std::atomic<int64_t>& total, client::Canceller& canceller) {
  int64_t rev = o.rev;
  // With --rev the destination is taken to hold everything up to that revision.
  if (rev == 0) rev = SyncBase(src, dst, o, total, canceller);
  client::WatchSpec spec;
  client::ResolveRange({o.prefix, std::nullopt, true, false}, spec.key, spec.range_end);
  spec.start_revision = rev + 1;
  client::EventStream stream(src, spec, canceller);
  for (;;) {
    auto response = stream.Next();
    for (const auto& txn : MirrorTxns(response, o.prefix, o.dest_prefix, o.max_txn_ops)) {
      (void)client::Txn(dst, txn, dst.command_timeout());
    }
    total += response.events_size();
  }
}

void RunMakeMirror(Context& ctx, const MakeMirrorFlags& flags) {
  if (ctx.args().size() != 1) {
    throw Error(ExitCode::kBadArgs, "make-mirror takes one destination argument");
  }
  MirrorOptions o;
  o.prefix = flags.prefix;
  o.dest_prefix = flags.dest_prefix;
  bool no_dest_prefix = flags.no_dest_prefix;
  if (no_dest_prefix && !o.dest_prefix.empty()) {
    throw Error(ExitCode::kBadArgs,
                "`--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, choose one");
  }
  if (!no_dest_prefix && o.dest_prefix.empty()) o.dest_prefix = o.prefix;
  o.max_txn_ops = flags.max_txn_ops;
  if (o.max_txn_ops <= 0) throw Error(ExitCode::kBadArgs, "--max-txn-ops must be positive");
  o.rev = flags.rev;
  if (o.rev < 0) throw Error(ExitCode::kBadArgs, "--rev must not be negative");
  client::ClientConfig dest_config = DestinationConfig(ctx, flags);
  (void)ctx.printer();  // refuses an unknown -w, as etcdctl does; the counts are plain text

  client::Canceller canceller;
  SignalCanceller signals(canceller);
  client::Client& src = ctx.client();
  std::unique_ptr<client::Client> dst = ctx.connection().ClientFor(dest_config);

  std::atomic<int64_t> total{0};
  std::ostream& out = ctx.io().out;
  client::Canceller stop_ticker;
  // On a terminal, a progress line on stderr (keys synced, rate), erased while the
  // running total is printed on stdout.
  output::Progress progress(ctx.io().err, ctx.io().err_is_terminal, "Mirroring",
                            output::ProgressUnit::kItems, "keys",
                            sys::TerminalWidth(STDERR_FILENO));
  std::thread ticker([&] {
    const auto interval = ProgressInterval();
    if (!progress.enabled()) {
      while (!stop_ticker.SleepFor(interval)) out << total.load() << std::endl;
      return;
    }
    const client::Duration step =
        std::min<client::Duration>(interval, std::chrono::milliseconds(200));
    auto next = std::chrono::steady_clock::now() + interval;
    while (!stop_ticker.SleepFor(step)) {
      if (std::chrono::steady_clock::now() >= next) {
        next += interval;
        progress.Clear();
        out << total.load() << std::endl;
      }
      progress.Set(static_cast<uint64_t>(total.load()));
    }
  });
  try {
    Mirror(src, *dst, o, total, canceller);
  } catch (const client::Cancelled&) {
    // Ctrl-C or SIGTERM: a normal end.
  } catch (...) {
    stop_ticker.Cancel(client::CancelReason::kInterrupted);
    ticker.join();
    throw;
  }
  stop_ticker.Cancel(client::CancelReason::kInterrupted);
  ticker.join();
  progress.Finish();
}

}  // namespace

void RegisterMirrorCommand(CommandTree& tree) {
  tree.Add(
      nullptr, "make-mirror [options] <destination>",
      "Makes a mirror at the destination etcd cluster",
      WithOptions(BindMakeMirror, RunMakeMirror),
      "Makes a mirror at the destination etcd cluster.\n"
      "\n"
      "Copies every key under --prefix as of one revision, then applies each later change,\n"
      "one destination transaction per source revision, until interrupted (Ctrl-C or\n"
      "SIGTERM). Prints the number of keys and changes mirrored so far every 30 seconds; when\n"
      "stderr is a terminal, a progress line there shows that count and the rate.\n"
      "--rev=N skips the initial copy and applies the changes made after revision N, to\n"
      "resume a mirror whose destination is known to be in sync up to N.\n"
      "\n"
      "--dest-prefix writes under another prefix (the first occurrence of --prefix in each\n"
      "key is replaced); --no-dest-prefix strips --prefix. A transaction holds at most\n"
      "--max-txn-ops operations (etcdctl 3.6, like --rev). Leases are not copied. The\n"
      "destination uses the global dial and keepalive settings, its own --dest-* TLS files and\n"
      "no --user; each destination call has --command-timeout.\n"
      "\n"
      "Resuming: R for --rev=R is a source revision up to which the destination is known to be\n"
      "complete, e.g. the source's revision when the earlier mirror started (the header of\n"
      "\"ectl get x -w json\"). Replaying changes the destination already has is harmless, so an\n"
      "earlier R is safe; R must not be older than the source's compaction.\n"
      "\n"
      "Exit status: 0 when interrupted; 1 when the start revision has been compacted\n"
      "(\"Error: etcdserver: mvcc: required revision has been compacted\"); 128 for argument\n"
      "errors, reported before connecting.\n"
      "\n"
      "Examples:\n"
      "  ectl --endpoints=src:2379 make-mirror dst:2379\n"
      "  ectl --endpoints=src:2379 make-mirror --prefix=/app/ --dest-prefix=/copy/ dst:2379\n"
      "  ectl --endpoints=src:2379 make-mirror --prefix=/app/ --rev=1234 dst:2379");
}

}  // namespace ectl::cli
