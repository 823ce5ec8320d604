#include "cli/commands/check_perf.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace ectl::cli {
namespace {

// Go's time.Duration.String() for whole seconds ("1m0s", "45s").
std::string WholeSeconds(std::chrono::nanoseconds d) {
  int64_t s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{}s", s / 60, s % 60);
  return fmt::format("{}h{}m{}s", s / 3600, s % 3600 / 60, s % 60);
}

// The progress bar's own duration format ("00m57s", "1h02m03s").
std::string BarDuration(std::chrono::nanoseconds d) {
  int64_t s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  std::string out;
  if (s > 24 * 3600) out += fmt::format("{}d", s / (24 * 3600)), s %= 24 * 3600;
  if (s > 3600) out += fmt::format("{}h", s / 3600), s %= 3600;
  return out + fmt::format("{:02d}m{:02d}s", s / 60, s % 60);
}

}  // namespace

std::optional<PerfModel> LookupPerfModel(const std::string& load) {
  if (load == "s" || load == "small") return PerfModel{150, 50, 60};
  if (load == "m" || load == "medium") return PerfModel{1000, 200, 60};
  if (load == "l" || load == "large") return PerfModel{8000, 500, 60};
  if (load == "xl" || load == "xLarge") return PerfModel{15000, 1000, 60};
  return std::nullopt;
}

std::optional<DatascaleModel> LookupDatascaleModel(const std::string& load) {
  if (load == "s" || load == "small") return DatascaleModel{10000, 50};
  if (load == "m" || load == "medium") return DatascaleModel{100000, 200};
  if (load == "l" || load == "large") return DatascaleModel{1000000, 500};
  if (load == "xl" || load == "xLarge") return DatascaleModel{3000000, 1000};
  return std::nullopt;
}

std::string DatascaleVerdict(double bytes_used) {
  return fmt::format("PASS: Approximate system memory used : {:.2f} MB.\n",
                     bytes_used / (1024.0 * 1024.0));
}

double PerfStats::Rps() const {
  return total_seconds > 0 ? static_cast<double>(latencies.size()) / total_seconds : 0;
}

double PerfStats::Slowest() const {
  return latencies.empty() ? 0 : *std::max_element(latencies.begin(), latencies.end());
}

double PerfStats::Stddev() const {
  if (latencies.empty()) return 0;
  double sum = 0;
  for (double l : latencies) sum += l;
  double avg = sum / static_cast<double>(latencies.size());
  double var = 0;
  for (double l : latencies) var += (l - avg) * (l - avg);
  return std::sqrt(var / static_cast<double>(latencies.size()));
}

std::string PerfVerdict(const PerfStats& s, const PerfModel& model, bool* pass) {
  std::string out;
  bool ok = true;
  if (!s.errors.empty()) {
    out += "FAIL: too many errors\n";
    for (const auto& [text, count] : s.errors) out += fmt::format("FAIL: ERROR({}) -> {}\n", text, count);
    ok = false;
  }
  int64_t rps = static_cast<int64_t>(s.Rps()) + 1;
  if (s.Rps() / static_cast<double>(model.rate) <= 0.9) {
    out += fmt::format("FAIL: Throughput too low: {} writes/s\n", rps);
    ok = false;
  } else {
    out += fmt::format("PASS: Throughput is {} writes/s\n", rps);
  }
  // etcdctl prints these two failures without the "FAIL: " prefix.
  if (s.Slowest() > 0.5) {
    out += fmt::format("Slowest request took too long: {:f}s\n", s.Slowest());
    ok = false;
  } else {
    out += fmt::format("PASS: Slowest request took {:f}s\n", s.Slowest());
  }
  if (s.Stddev() > 0.1) {
    out += fmt::format("Stddev too high: {:f}s\n", s.Stddev());
    ok = false;
  } else {
    out += fmt::format("PASS: Stddev is {:f}s\n", s.Stddev());
  }
  out += ok ? "PASS\n" : "FAIL\n";
  *pass = ok;
  return out;
}

std::string ProgressLine(int64_t current, int64_t total, std::chrono::nanoseconds left, bool done,
                         std::chrono::nanoseconds elapsed, int width) {
  std::string counters = fmt::format(" {} / {} ", current, total);
  double percent = total > 0 ? static_cast<double>(current) * 100.0 / static_cast<double>(total) : 0;
  std::string percent_box = fmt::format(" {:6.2f}%", percent);
  std::string time_box;
  if (done) {
    time_box = " " + WholeSeconds(elapsed);
  } else if (left >= std::chrono::seconds(1)) {
    time_box = " " + BarDuration(left);
  }
  // On a terminal the bar fills the width left over: "Booooom      !".
  std::string bar;
  int size = width - static_cast<int>(counters.size() + 2 + percent_box.size() + time_box.size());
  if (width > 0 && size > 0 && total > 0) {
    int cur = static_cast<int>(std::ceil(static_cast<double>(current) / static_cast<double>(total) *
                                         size));
    cur = std::min(cur, size);
    int empty = size - cur;
    bar = "B";
    if (empty <= 0) {
      bar += std::string(static_cast<size_t>(cur), 'o');
    } else if (cur > 0) {
      bar += std::string(static_cast<size_t>(cur - 1), 'o') + "m";
    }
    bar += std::string(static_cast<size_t>(empty), ' ') + "!";
  }
  std::string line = "\r" + counters + bar + percent_box + time_box;
  int shown = static_cast<int>(line.size()) - 1;
  if (width > 0 && shown < width) line += std::string(static_cast<size_t>(width - shown), ' ');
  if (done) line += "\n";
  return line;
}

}  // namespace ectl::cli
