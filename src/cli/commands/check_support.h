// What `check perf` and `check datascale` share: the random keys, the progress line
// redrawn every 200 ms, the refusal of a prefix that has keys, and the clean-up
// (delete the prefix, optionally compact and defragment).
#ifndef ECTL_CLI_COMMANDS_CHECK_SUPPORT_H_
#define ECTL_CLI_COMMANDS_CHECK_SUPPORT_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <random>
#include <string>
#include <thread>

#include "client/canceller.h"

namespace ectl::client {
class Client;
}

namespace ectl::cli {

class Connection;

class Context;

// prefix + key_size bytes: a random varint at the front, zeros after, as etcdctl's keys.
std::string RandomKey(const std::string& prefix, size_t key_size, std::mt19937_64& rng);

// Throws Error(kInvalidInput) when a key exists under prefix, with etcdctl's text.
void EnsurePrefixEmpty(Context& ctx, const std::string& prefix);

// Deletes the prefix; with compact, compacts at the delete's revision; with defrag,
// defragments each endpoint; reports each step on out as etcdctl does.
void CleanUp(Connection& connection, const std::string& prefix, bool compact, bool defrag,
             std::ostream& out);

// etcdctl's progress line, redrawn every 200 ms from current() until Finish().
class ProgressBar {
 public:
  ProgressBar(std::ostream& out, int64_t total, std::function<int64_t()> current);
  ~ProgressBar();
  // Draws the final line (with '\n'). A complete run shows the full count, as etcdctl's
  // bar always reaches it; an interrupted one shows how far it came.
  void Finish(bool complete);

 private:
  using Clock = std::chrono::steady_clock;
  void Loop();

  std::ostream& out_;
  int64_t total_;
  std::function<int64_t()> current_;
  int width_;
  Clock::time_point start_ = Clock::now();
  client::Canceller stop_;
  std::thread thread_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_CHECK_SUPPORT_H_
