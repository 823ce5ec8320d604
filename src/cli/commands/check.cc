// check perf and check datascale: timed write loads against the cluster, judged as
// etcdctl judges them.
#include <atomic>
#include <chrono>
#include <memory>
#include <ostream>
#include <random>

#include "cli/commands/check_perf.h"
#include "cli/commands/check_support.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/env_knob.h"
#include "client/canceller.h"
#include "client/client.h"
#include "client/metrics.h"
#include "client/put_load.h"
#include "common/error.h"
#include "output/printer.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {
namespace {

constexpr auto kMetricsTimeout = std::chrono::seconds(5);

// The model's 60 s, unless ECTL_CHECK_PERF_DURATION shortens the run for tests.
std::chrono::nanoseconds RunLength(const PerfModel& model) {
  return EnvDuration("ECTL_CHECK_PERF_DURATION", std::chrono::seconds(1))
      .value_or(std::chrono::seconds(model.seconds));
}

struct CheckOptions {
  std::string load = "s";
  std::string prefix;
  bool auto_compact = false;
  bool auto_defrag = false;
};

void BindCheck(FlagSet& f, CheckOptions* o, const char* load_help, const char* prefix_help) {
  // The short names of check_perf.cc's models (small, medium, large, xLarge also work).
  f.String(&o->load, "load", load_help).Choices({"s", "m", "l", "xl"});
  f.String(&o->prefix, "prefix", prefix_help);
  f.Bool(&o->auto_compact, "auto-compact", "Compact storage with last revision after test is finished.");
  f.Bool(&o->auto_defrag, "auto-defrag", "Defragment storage after test is finished.");
}

// SIGINT/SIGTERM during a load cancel it (the keys are still deleted and the run
// judged); before and after it they end the process as by default. The watcher is made
// before the client (see sys/signal_watcher.h), hence the window.
class LoadInterrupts {
 public:
  explicit LoadInterrupts(client::Canceller& canceller)
      : watcher_([this, &canceller](int sig) {
          if (!loading_.load()) sys::SignalWatcher::DieOf(sig);
          canceller.Cancel(client::CancelReason::kInterrupted);
        }) {}

  class Window {
   public:
    explicit Window(LoadInterrupts& s) : s_(s) { s_.loading_.store(true); }
    ~Window() { s_.loading_.store(false); }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

   private:
    LoadInterrupts& s_;
  };

 private:
  std::atomic<bool> loading_{false};
  sys::SignalWatcher watcher_;
};

void RunCheckPerf(Context& ctx, const CheckOptions& o) {
  const std::string& load = o.load;
  auto model = LookupPerfModel(load);
  if (!model) throw Error(ExitCode::kBadFeature, "unknown load option " + load);
  const std::string& prefix = o.prefix;
  const auto length = RunLength(*model);
  (void)ctx.printer();  // refuses an unknown -w, as etcdctl does; the report is plain text
  // Ctrl-C ends the run early; the keys are still deleted and the run judged.
  client::Canceller canceller;
  LoadInterrupts signals(canceller);
  EnsurePrefixEmpty(ctx, prefix);
  client::Client& c = ctx.client();

  std::ostream& out = ctx.io().out;
  client::PutLoadResult result;
  {
    LoadInterrupts::Window window(signals);
    std::mt19937_64 rng(std::random_device{}());
    client::PutLoad spec;
    spec.rate = model->rate;
    spec.max_in_flight = model->clients;
    spec.duration = length;
    spec.value.assign(1024, '\0');
    spec.next_key = [&] { return RandomKey(prefix, 256, rng); };
    // The bar counts seconds.
    const auto start = std::chrono::steady_clock::now();
    ProgressBar bar(out, std::chrono::duration_cast<std::chrono::seconds>(length).count(), [start] {
      return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start)
          .count();
    });
    result = client::RunPutLoad(c, spec, canceller);
    bar.Finish(!canceller.cancelled());
  }
  CleanUp(ctx.connection(), prefix, o.auto_compact, o.auto_defrag, out);

  PerfStats stats;
  stats.total_seconds = result.total_seconds;
  stats.latencies = std::move(result.latencies);
  stats.errors = std::move(result.errors);
  bool pass = false;
  out << PerfVerdict(stats, *model, &pass) << std::flush;
  if (!pass) throw Error::Reported(ExitCode::kError);
}

void RunCheckDatascale(Context& ctx, const CheckOptions& o) {
  const std::string& load = o.load;
  auto model = LookupDatascaleModel(load);
  if (!model) throw Error(ExitCode::kBadFeature, "unknown load option " + load);
  const std::string& prefix = o.prefix;
  (void)ctx.printer();  // refuses an unknown -w, as etcdctl does; the report is plain text
  client::Canceller canceller;
  LoadInterrupts signals(canceller);
  EnsurePrefixEmpty(ctx, prefix);
  client::Client& c = ctx.client();
  std::ostream& out = ctx.io().out;
  // Only the first endpoint is measured, as etcdctl does.
  const std::string endpoint = c.config().endpoints.front();

  double before = client::ResidentMemoryBytes(endpoint, kMetricsTimeout);
  if (before == 0) {
    out << "FAIL: Could not read process_resident_memory_bytes before the put operations.\n";
    throw Error::Reported(ExitCode::kError);
  }
  out << "Start data scale check for work load [" << model->keys
      << " key-value pairs, 1024 bytes per key-value, " << model->clients
      << " concurrent clients]." << std::endl;

  client::PutLoadResult result;
  {
    LoadInterrupts::Window window(signals);
    std::mt19937_64 rng(std::random_device{}());
    std::atomic<int64_t> answered{0};
    client::PutLoad spec;
    spec.max_in_flight = model->clients;
    spec.count = model->keys;
    spec.value.assign(512, '\0');  // 512-byte keys and values: 1024 bytes per pair
    spec.next_key = [&] { return RandomKey(prefix, 512, rng); };
    spec.on_answer = [&] { ++answered; };
    ProgressBar bar(out, model->keys, [&] { return answered.load(); });
    result = client::RunPutLoad(c, spec, canceller);
    bar.Finish(!canceller.cancelled());
  }

  double after = client::ResidentMemoryBytes(endpoint, kMetricsTimeout);
  if (after == 0) {
    out << "FAIL: Could not read process_resident_memory_bytes after the put operations.\n";
    throw Error::Reported(ExitCode::kError);
  }
  CleanUp(ctx.connection(), prefix, o.auto_compact, o.auto_defrag, out);
  if (!result.errors.empty()) {
    out << "FAIL: too many errors\n";
    for (const auto& [text, count] : result.errors) {
      out << "FAIL: ERROR(" << text << ") -> " << count << "\n";
    }
    out.flush();
    throw Error::Reported(ExitCode::kError);
  }
  out << DatascaleVerdict(after - before) << std::flush;
}

RunFn CheckSetup(FlagSet& flags, const char* load_help, const char* prefix,
                 const char* prefix_help, void (*run)(Context&, const CheckOptions&)) {
  auto o = std::make_shared<CheckOptions>();
  o->prefix = prefix;
  BindCheck(flags, o.get(), load_help, prefix_help);
  return [o, run](Context& ctx) { run(ctx, *o); };
}

}  // namespace

void RegisterCheckCommands(CommandTree& tree) {
  Command* check =
      tree.Add(nullptr, "check", "commands for checking properties of the etcd cluster", nullptr,
      "perf and datascale write keys under --prefix and refuse to start when the prefix\n"
      "already has keys (\"Error: prefix ... has keys. Delete with ectl del --prefix ...\n"
      "first\", exit 3). When done, or interrupted (Ctrl-C), they delete the prefix, then\n"
      "compact (--auto-compact) and defragment (--auto-defrag) if asked, and print their\n"
      "verdict. A failing check prints FAIL lines and exits 1 without an \"Error:\" line. Each\n"
      "write has --command-timeout, so a stuck write counts as an error. An unknown --load is\n"
      "\"Error: unknown load option <x>\", exit 4.\n"
      "\n"
      "Examples:\n"
      "  ectl check perf --load=s\n"
      "  ectl check datascale --load=s --auto-compact --auto-defrag");
  tree.Add(check, "perf [options]", "Check the performance of the etcd cluster",
           [](FlagSet& flags) {
             return CheckSetup(flags,
                               "The performance check's workload model. Accepted workloads: "
                               "s(small), m(medium), l(large), xl(xLarge)",
                               "/etcdctl-check-perf/",
                               "The prefix for writing the performance check's keys.", RunCheckPerf);
           },
      "Writes for 60 seconds at a fixed rate with a bound on the requests in flight (s: 150\n"
      "writes/s, 50 in flight; m: 1000/200; l: 8000/500; xl: 15000/1000), each a random 256-byte\n"
      "key under --prefix with a 1024-byte value, drawing a progress line on stdout. Then\n"
      "deletes the keys and prints PASS or FAIL for throughput, slowest request and standard\n"
      "deviation, and a final PASS or FAIL (exit 1). Interrupted, it still cleans up and\n"
      "judges the shortened run.\n"
      "\n"
      "ECTL_CHECK_PERF_DURATION (a duration of at least 1s) shortens the run, for tests.\n"
      "\n"
      "Examples:\n"
      "  ectl check perf --load=s\n"
      "  ectl check perf --load=m --prefix=/perf-test/ --auto-compact --auto-defrag");
  tree.Add(
      check, "datascale [options]",
      "Check the memory usage of holding data for different workloads on a given server "
      "endpoint.",
      [](FlagSet& flags) {
        return CheckSetup(flags,
                          "The datascale check's workload model. Accepted workloads: s(small), "
                          "m(medium), l(large), xl(xLarge)",
                          "/etcdctl-check-datascale/",
                          "The prefix for writing the datascale check's keys.", RunCheckDatascale);
      },
      "Check the memory usage of holding data for different workloads on a given server "
      "endpoint.\nIf no endpoint is provided, localhost will be used. If multiple endpoints are "
      "provided, first endpoint will be used.\n"
      "\n"
      "Writes the model's number of key-value pairs (s: 10000 with 50 in flight; m: 100000/200;\n"
      "l: 1000000/500; xl: 3000000/1000), each a 512-byte key and a 512-byte value, and reports\n"
      "how much the endpoint's resident memory grew, read from its /metrics before and after\n"
      "(\"PASS: Approximate system memory used : 33.37 MB.\"). The metrics are read over plain\n"
      "HTTP only: an https:// endpoint reports \"FAIL: Could not read\n"
      "process_resident_memory_bytes ...\", exit 1.\n"
      "\n"
      "Example:\n"
      "  ectl --endpoints=http://127.0.0.1:2379 check datascale --load=s --auto-compact");
}

}  // namespace ectl::cli
