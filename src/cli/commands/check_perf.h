// Pure pieces of `check perf` and `check datascale`: the workload models, the statistics of a run, the verdict
// lines, and the progress line etcdctl draws; kept apart for unit tests.
#ifndef ECTL_CLI_COMMANDS_CHECK_PERF_H_
#define ECTL_CLI_COMMANDS_CHECK_PERF_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ectl::cli {

struct PerfModel {
  int64_t rate;      // writes per second (token bucket, burst 1)
  int64_t clients;   // requests in flight at most
  int64_t seconds;   // run length
};

// s/small, m/medium, l/large, xl/xLarge; nullopt for anything else.
std::optional<PerfModel> LookupPerfModel(const std::string& load);

struct DatascaleModel {
  int64_t keys;     // key-value pairs written
  int64_t clients;  // requests in flight at most
};

// The same names as LookupPerfModel.
std::optional<DatascaleModel> LookupDatascaleModel(const std::string& load);

// "PASS: Approximate system memory used : 12.34 MB.\n" for the growth in bytes.
std::string DatascaleVerdict(double bytes_used);

struct PerfStats {
  double total_seconds = 0;  // the whole run
  std::vector<double> latencies;  // successful requests, seconds
  std::map<std::string, int64_t> errors;  // error text -> count

  [[nodiscard]] double Rps() const;
  [[nodiscard]] double Slowest() const;
  [[nodiscard]] double Stddev() const;  // population standard deviation
};

// The verdict lines etcdctl prints (each ending in '\n'); *pass tells PASS or FAIL.
std::string PerfVerdict(const PerfStats& stats, const PerfModel& model, bool* pass);

// One redraw of etcdctl's progress line: "\r 3 / 60    5.00% 00m57s" (no bar on a stream
// that is not a terminal). left is the estimated time left (shown when >= 1 s); when done,
// elapsed is shown instead and the line ends with '\n'.
std::string ProgressLine(int64_t current, int64_t total, std::chrono::nanoseconds left,
                         bool done, std::chrono::nanoseconds elapsed, int width);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_CHECK_PERF_H_
