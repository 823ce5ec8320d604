// check perf: a timed write load against the cluster, judged as etcdctl judges it.
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <ostream>
#include <random>
#include <thread>

#include "cli/check_perf.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/env_knob.h"
#include "cli/global_options.h"
#include "cli/signal_canceller.h"
#include "client/canceller.h"
#include "client/client.h"
#include "client/op.h"
#include "client/put_load.h"
#include "client/rpc_error.h"
#include "common/bytes.h"
#include "common/error.h"

namespace ectl::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kKeySize = 256;
constexpr size_t kValueSize = 1024;
constexpr auto kCleanupTimeout = std::chrono::seconds(30);

// The model's 60 s, unless ECTL_CHECK_PERF_DURATION shortens the run for tests.
std::chrono::nanoseconds RunLength(const PerfModel& model) {
  return EnvDuration("ECTL_CHECK_PERF_DURATION", std::chrono::seconds(1))
      .value_or(std::chrono::seconds(model.seconds));
}

int TerminalWidth() {
  if (isatty(1) != 1) return 0;
  winsize ws{};
  return ioctl(1, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}

// etcdctl's key: a random varint at the front of 256 zero bytes.
std::string RandomKey(const std::string& prefix, std::mt19937_64& rng) {
  std::string key(kKeySize, '\0');
  uint64_t v = rng() >> 1;
  uint64_t zigzag = v << 1;  // Go's PutVarint of a non-negative number
  size_t i = 0;
  while (zigzag >= 0x80) {
    key[i++] = static_cast<char>(zigzag | 0x80);
    zigzag >>= 7;
  }
  key[i] = static_cast<char>(zigzag);
  return prefix + key;
}

// Redraws the progress line every 200 ms until the run ends, as etcdctl's bar does.
class ProgressBar {
 public:
  ProgressBar(std::ostream& out, int64_t total_seconds)
      : out_(out), total_(total_seconds), width_(TerminalWidth()) {
    thread_ = std::thread([this] { Loop(); });
  }
  // Draws the final line (with '\n') and stops. A complete run shows the full count, as
  // etcdctl's bar always reaches it; an interrupted one shows how far it came.
  void Finish(bool complete) {
    stop_.Cancel(client::CancelReason::kInterrupted);
    thread_.join();
    out_ << ProgressLine(complete ? total_ : Current(), total_, {}, true, Clock::now() - start_,
                         width_)
         << std::flush;
  }

 private:
  int64_t Current() const {
    auto s = std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - start_).count();
    return std::min<int64_t>(s, total_);
  }
  void Loop() {
    do {
      // The full count appears only on the final line, as with etcdctl's bar.
      int64_t cur = std::min(Current(), total_ - 1);
      std::chrono::nanoseconds left{0};
      if (cur > 0) {
        auto per = std::chrono::nanoseconds(std::chrono::seconds(cur)) / cur;
        left = per * (total_ - cur) - (Clock::now() - start_ - std::chrono::seconds(cur));
      }
      out_ << ProgressLine(cur, total_, left, false, {}, width_) << std::flush;
    } while (!stop_.SleepFor(std::chrono::milliseconds(200)));
  }

  std::ostream& out_;
  int64_t total_;
  int width_;
  Clock::time_point start_ = Clock::now();
  client::Canceller stop_;
  std::thread thread_;
};

void RunCheckPerf(Context& ctx, const Flags& flags) {
  std::string load = flags.GetString("load");
  auto model = LookupPerfModel(load);
  if (!model) throw Error(ExitCode::kBadFeature, "unknown load option " + load);
  const std::string prefix = flags.GetString("prefix");
  const bool auto_compact = flags.GetBool("auto-compact");
  const bool auto_defrag = flags.GetBool("auto-defrag");
  const auto length = RunLength(*model);
  (void)ctx.printer();  // refuses an unknown -w, as etcdctl does; the report is plain text

  client::Client& c = ctx.client();
  client::GetOptions probe;
  probe.range = {prefix, std::nullopt, true, false};
  probe.limit = 1;
  if (client::Do(c, client::OpGet(probe), c.command_timeout()).response_range().kvs_size() > 0) {
    throw Error(ExitCode::kInvalidInput, "prefix " + GoQuote(prefix) + " has keys. Delete with " +
                                             ctx.program() + " del --prefix " + prefix + " first");
  }

  std::ostream& out = ctx.io().out;
  client::Canceller canceller;
  client::PutLoadResult result;
  {
    // Ctrl-C ends the run early; the keys are still deleted and the run judged.
    SignalCanceller signals(canceller);
    std::mt19937_64 rng(std::random_device{}());
    client::PutLoad spec;
    spec.rate = model->rate;
    spec.max_in_flight = model->clients;
    spec.duration = length;
    spec.value.assign(kValueSize, '\0');
    spec.next_key = [&] { return RandomKey(prefix, rng); };
    ProgressBar bar(out, std::chrono::duration_cast<std::chrono::seconds>(length).count());
    result = client::RunPutLoad(c, spec, canceller);
    bar.Finish(!canceller.cancelled());
  }

  client::DeleteOptions del;
  del.range = {prefix, std::nullopt, true, false};
  auto deleted = client::Do(c, client::OpDelete(del), kCleanupTimeout).response_delete_range();
  if (auto_compact) {
    int64_t rev = deleted.header().revision();
    out << "Compacting with revision " << rev << std::endl;
    etcdserverpb::CompactionRequest compact;
    compact.set_revision(rev);
    compact.set_physical(true);
    (void)client::Compact(c, compact, kCleanupTimeout);
    out << "Compacted with revision " << rev << std::endl;
  }
  if (auto_defrag) {
    for (const auto& ep : c.config().endpoints) {
      out << "Defragmenting " << GoQuote(ep) << std::endl;
      client::ClientConfig one = c.config();
      one.endpoints = {ep};
      auto member = client::Client::Make(one);
      client::Defragment(*member, kCleanupTimeout);
      out << "Defragmented " << GoQuote(ep) << std::endl;
    }
  }

  PerfStats stats;
  stats.total_seconds = result.total_seconds;
  stats.latencies = std::move(result.latencies);
  stats.errors = std::move(result.errors);
  bool pass = false;
  out << PerfVerdict(stats, *model, &pass) << std::flush;
  if (!pass) throw Error(ExitCode::kError, "");
}

}  // namespace

void RegisterCheckCommands(CommandTree& tree) {
  Command* check =
      tree.Add(nullptr, "check", "commands for checking properties of the etcd cluster");
  tree.Add(
      check, "perf [options]", "Check the performance of the etcd cluster",
      [](CLI::App& app) -> RunFn {
        auto flags = std::make_shared<Flags>(&app);
        flags->String("load", "s",
                      "The performance check's workload model. Accepted workloads: s(small), "
                      "m(medium), l(large), xl(xLarge)");
        flags->String("prefix", "/etcdctl-check-perf/",
                      "The prefix for writing the performance check's keys.");
        flags->Bool("auto-compact", "Compact storage with last revision after test is finished.");
        flags->Bool("auto-defrag", "Defragment storage after test is finished.");
        return [flags](Context& ctx) { RunCheckPerf(ctx, *flags); };
      });
}

}  // namespace ectl::cli
