// watch: prints the events on a key or range as they happen, optionally running a
// command per event; `watch -i` takes watch and progress requests from stdin.
//
// The stream itself (one per run, reopened on failure without losing or repeating an
// event) is client::WatchSession; this file is etcdctl's printWatchCh around it: for
// each response, "watch was canceled (...)" on stderr if it ends the watch, "progress
// notify: N" for a progress notification, the response in the chosen format, flushed at
// once so a pipe reader never waits, then the exec command once per event.
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <istream>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/watch_args.h"
#include "client/client.h"
#include "client/watch.h"
#include "common/bytes.h"
#include "common/error.h"
#include "output/printer.h"
#include "output/watch_result.h"
#include "sys/child_process.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {
namespace {

using client::WatchDelivery;

// What the stream reader (the command's thread), the stdin reader (`-i`) and the
// signal thread share.
struct Shared {
  std::mutex mu;  // guards err writes, exec_args, fatal, session creation
  std::vector<std::vector<std::string>> exec_args;  // per watcher
  std::optional<Error> fatal;                       // from the stdin reader
  std::shared_ptr<client::WatchSession> session;
  std::atomic<pid_t> child{0};
  std::atomic<bool> interrupted{false};

  void ErrLine(std::ostream& err, const std::string& line) {
    std::lock_guard<std::mutex> l(mu);
    err << line << '\n';
    err.flush();
  }

  // From the signal thread: end the stream, and pass the signal on to a running exec
  // command (a terminal's Ctrl-C reaches it anyway; a SIGTERM sent to ectl alone
  // would not).
  void Interrupt(int sig) {
    interrupted.store(true);
    std::shared_ptr<client::WatchSession> s;
    {
      std::lock_guard<std::mutex> l(mu);
      s = session;
    }
    if (s) s->Stop();
    if (pid_t pid = child.load(); pid > 0) kill(pid, sig);
  }

  void Fatal(const Error& e) {
    std::shared_ptr<client::WatchSession> s;
    {
      std::lock_guard<std::mutex> l(mu);
      if (!fatal) fatal = e;
      s = session;
    }
    if (s) s->Stop();
  }

  size_t AddWatcher(const client::WatchSpec& spec, std::vector<std::string> exec) {
    // Under the lock, so that the watcher's exec command is known before its first
    // event can be printed.
    std::lock_guard<std::mutex> l(mu);
    size_t index = session->Add(spec);
    if (exec_args.size() <= index) exec_args.resize(index + 1);
    exec_args[index] = std::move(exec);
    return index;
  }

  std::vector<std::string> ExecFor(size_t watcher) {
    std::lock_guard<std::mutex> l(mu);
    return watcher < exec_args.size() ? exec_args[watcher] : std::vector<std::string>{};
  }
};

std::string EnvValue(const Context& ctx, const char* name) { return ctx.env().Get(name); }

// Go's %q of a []string, as etcdctl names a failed exec command: ["sh" "-c" "exit 3"].
std::string GoQuoteList(const std::vector<std::string>& words) {
  std::string out = "[";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    out += GoQuote(words[i]);
  }
  out += ']';
  return out;
}

// etcdctl's printWatchCh for one response.
void Emit(Context& ctx, output::Printer& printer, Shared& shared, const WatchDelivery& d,
          const std::vector<std::string>& exec) {
  if (d.kind == WatchDelivery::Kind::kEnded) {
    // etcdctl's client closes such a watch without handing out a response.
    if (!d.error.empty()) shared.ErrLine(ctx.io().err, "watch was canceled (" + d.error + ")");
    return;
  }
  const auto& r = d.response;
  if (r.canceled()) shared.ErrLine(ctx.io().err, "watch was canceled (" + d.error + ")");
  // jsonl prints the notification as an object of its own ({"type":"PROGRESS",...}).
  if (client::IsProgressNotify(r) && printer.name() != "jsonl") {
    printer.Flush();
    ctx.io().out << "progress notify: " << r.header().revision() << '\n';
  }
  printer.Watch(output::WatchResult{r, d.kind == WatchDelivery::Kind::kClosed});
  printer.Flush();
  ctx.io().out.flush();  // the progress line may be all there is
  if (exec.empty()) return;
  const std::string path = EnvValue(ctx, "PATH");
  for (const auto& event : r.events()) {
    // One child per event, waited for before the next.
    std::string failure =
        sys::RunChild({exec, WatchExecEnv(ctx.env(), r.header().revision(), event), path,
                       &shared.child})
            .error;
    if (failure.empty()) continue;
    if (shared.interrupted.load()) return;  // the command died of the same signal
    shared.ErrLine(ctx.io().err, "command " + GoQuoteList(exec) + " error (" + failure + ")");
    throw Error::Reported(ExitCode::kError);
  }
}

// After a signal: etcdctl dies of it, which a shell reports as 128 + the signal number;
// ectl ends cleanly with that status.
[[noreturn]] void ExitInterrupted(const sys::SignalWatcher& guard) {
  throw Error::Reported(static_cast<ExitCode>(128 + guard.received()));
}

void RunSingle(Context& ctx, const WatchFlags& flags, const std::string& env_key,
               const std::string& env_range) {
  WatchArgs args = ParseWatchCommandLine(ctx.raw_argv(), ctx.args(), env_key, env_range);
  output::Printer& printer = ctx.printer();
  client::WatchSpec spec = BuildWatchSpec(args.watch_args, flags);
  // etcdctl refuses table only once the first response arrives; nothing is gained by
  // waiting for it.
  printer.Require(output::Result::kWatch);

  Shared shared;
  // Before the client, so that gRPC's threads start with the signals blocked.
  sys::SignalWatcher guard([&shared](int sig) { shared.Interrupt(sig); });
  client::Client& c = ctx.client();
  {
    std::lock_guard<std::mutex> l(shared.mu);
    shared.session = std::make_shared<client::WatchSession>(c);
  }
  if (shared.interrupted.load()) ExitInterrupted(guard);
  shared.AddWatcher(spec, args.exec_args);
  while (auto d = shared.session->Next()) {
    Emit(ctx, printer, shared, *d, args.exec_args);
    if (!shared.session->HasActive()) {
      throw Error(ExitCode::kInterrupted, "watch is canceled by the server");
    }
  }
  ExitInterrupted(guard);
}

// The stdin side of `watch -i`: one request per line, etcdctl's messages for the rest.
void ReadRequests(std::shared_ptr<Shared> shared, std::istream& in, std::ostream& err,
                  const std::string& env_key, const std::string& env_range) {
  try {
    for (;;) {
      std::string line;
      // Like Go's ReadString('\n'): a last line without a newline is an EOF, not a line.
      if (!std::getline(in, line) || in.eof()) {
        throw Error(ExitCode::kInvalidInput, "Error reading watch request line: EOF");
      }
      std::vector<std::string> words = Argify(line);
      if (words.empty()) {
        shared->ErrLine(err, "Invalid command: " + line + " (watch and progress supported)");
      } else if (words[0] == "watch") {
        if (words.size() < 2 && env_key.empty()) {
          shared->ErrLine(err,
                          "Invalid command " + line + " (command type or key is not provided)");
          continue;
        }
        WatchFlags flags;
        WatchArgs args = ParseWatchLine(words, env_key, env_range, &flags);
        client::WatchSpec spec;
        try {
          spec = BuildWatchSpec(args.watch_args, flags);
        } catch (const Error& e) {
          shared->ErrLine(err, "Invalid command " + line + " (" + e.what() + ")");
          continue;
        }
        shared->AddWatcher(spec, std::move(args.exec_args));
      } else if (words[0] == "progress") {
        shared->session->RequestProgress();
      } else {
        shared->ErrLine(err, "Invalid command " + line + " (only support watch)");
      }
    }
  } catch (const Error& e) {
    shared->Fatal(e);
  }
}

void RunInteractive(Context& ctx, const std::string& env_key, const std::string& env_range) {
  output::Printer& printer = ctx.printer();
  printer.Require(output::Result::kWatch);
  // Shared with the stdin reader, which may still be blocked in a read when the
  // command returns.
  auto shared = std::make_shared<Shared>();
  // Before the client, so that gRPC's threads start with the signals blocked.
  sys::SignalWatcher guard([shared](int sig) { shared->Interrupt(sig); });
  client::Client& c = ctx.client();
  {
    std::lock_guard<std::mutex> l(shared->mu);
    shared->session = std::make_shared<client::WatchSession>(c);
  }
  if (shared->interrupted.load()) ExitInterrupted(guard);
  // Reading stdin must not flush stdout from the other thread.
  ctx.io().in.tie(nullptr);
  std::thread reader(ReadRequests, shared, std::ref(ctx.io().in), std::ref(ctx.io().err), env_key,
                     env_range);
  std::optional<Error> fatal;
  try {
    while (auto d = shared->session->Next()) {
      Emit(ctx, printer, *shared, *d, shared->ExecFor(d->watcher));
    }
  } catch (...) {
    shared->session->Stop();
    reader.detach();
    throw;
  }
  {
    std::lock_guard<std::mutex> l(shared->mu);
    fatal = shared->fatal;
  }
  if (fatal) {
    reader.join();
    throw *fatal;
  }
  reader.detach();  // blocked on stdin; the process is about to exit
  ExitInterrupted(guard);
}

void RunWatch(Context& ctx, const WatchFlags& f) {
  const std::string env_key = EnvValue(ctx, "ETCDCTL_WATCH_KEY");
  const std::string env_range = EnvValue(ctx, "ETCDCTL_WATCH_RANGE_END");
  if (env_key.empty() && !env_range.empty()) {
    throw Error(ExitCode::kBadArgs,
                "ETCDCTL_WATCH_KEY is empty but got ETCDCTL_WATCH_RANGE_END=" + GoQuote(env_range));
  }
  if (f.interactive) {
    // As with etcdctl, the command line's key and flags play no part: each line
    // carries its own.
    RunInteractive(ctx, env_key, env_range);
    return;
  }
  RunSingle(ctx, f, env_key, env_range);
}

}  // namespace

void RegisterWatchCommand(CommandTree& tree) {
  tree.Add(
      nullptr, "watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]",
      "Watches events stream on keys or prefixes",
      [](FlagSet& flags) -> RunFn {
        auto o = std::make_shared<WatchFlags>();
        BindWatchFlags(flags, o.get());
        return [o](Context& ctx) { RunWatch(ctx, *o); };
      },
      "Watches events on a key, a range [key, range_end) or a prefix and prints them as they\n"
      "happen, until interrupted or until the server cancels the watch. --rev N starts at\n"
      "revision N, replaying earlier events; --prev-kv also prints the previous key-value;\n"
      "--progress-notify (etcdctl 3.5) asks for periodic progress notifications, printed as\n"
      "\"progress notify: <revision>\". ETCDCTL_WATCH_KEY and ETCDCTL_WATCH_RANGE_END may supply\n"
      "the key and range_end. Output is flushed after every response; -w json prints one line\n"
      "per response. -w table is refused before connecting (exit 4). On a terminal the event\n"
      "types are coloured (see --color).\n"
      "\n"
      "-w jsonl prints one line per event: {\"type\":\"PUT\"|\"DELETE\", the fields of the\n"
      "key-value object of get -w jsonl, \"revision\":N (the response's), \"prev_kv\":{...} with\n"
      "--prev-kv}. A progress notification is {\"type\":\"PROGRESS\", \"revision\":N}, a\n"
      "cancellation by the server {\"type\":\"CANCELED\", \"revision\":N,\"compact_revision\":N,\n"
      "\"reason\":\"...\"} (compact_revision and reason when known).\n"
      "\n"
      "Everything after \"--\" is a command run once per event, after the event is printed, with\n"
      "the watcher's stdout and stderr and ETCD_WATCH_REVISION, ETCD_WATCH_EVENT_TYPE (\"PUT\" or\n"
      "\"DELETE\", quotes included), ETCD_WATCH_KEY and ETCD_WATCH_VALUE (Go-quoted) added to its\n"
      "environment. A failing command ends the watch (exit 1).\n"
      "\n"
      "With -i, each line of stdin is a request: \"watch [options] <key> [range_end] [-- cmd]\"\n"
      "adds a watcher (\"double-quoted\" words take Go escapes, 'single-quoted' are literal);\n"
      "\"progress\" asks every watcher for a progress notification. Invalid lines are reported\n"
      "on stderr and reading goes on; a flag error ends with exit 128, the end of stdin with\n"
      "\"Error: Error reading watch request line: EOF\", exit 3.\n"
      "\n"
      "Failures: if no endpoint answers at start, ectl gives up after --dial-timeout (exit 1).\n"
      "Once connected, a broken stream (member down, lost leader) is reopened on a member that\n"
      "is up and every watcher resumes after the last revision it printed: no event is lost or\n"
      "printed twice. Errors a retry cannot cure end the watch as a server cancellation.\n"
      "A member that stops answering without closing the connection (frozen, cut off) is\n"
      "noticed by a keepalive ping: the stream moves to another member, and the next event\n"
      "arrives at most --keepalive-time (at least 5 s) + --keepalive-timeout + a reconnect\n"
      "later: about 11 s with the defaults (2 s, raised to 5 s, and 6 s).\n"
      "\n"
      "Exit status:\n"
      "  5          the server canceled the watch (\"watch was canceled (<reason>)\", e.g. --rev\n"
      "             below the compacted revision)\n"
      "  1          an exec command failed\n"
      "  128        bad arguments\n"
      "  3          -i: end of stdin, or a badly quoted line\n"
      "  130, 143   ended by SIGINT, SIGTERM (output flushed; a running command gets the signal)\n"
      "\n"
      "Examples:\n"
      "  ectl watch fruit/ --prefix\n"
      "  ectl watch fruit/ --prefix --rev=1 --prev-kv    # replay history, then follow\n"
      "  ectl watch wk -- sh -c 'echo \"$ETCD_WATCH_EVENT_TYPE $ETCD_WATCH_KEY\"'\n"
      "  ectl watch -i          # then type lines such as: watch fruit/ --prefix");
}

}  // namespace ectl::cli
