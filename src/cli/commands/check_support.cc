#include "cli/commands/check_support.h"

#include "cli/connection.h"

#include <unistd.h>

#include <algorithm>
#include <ostream>

#include "cli/commands/check_perf.h"
#include "cli/command.h"
#include "client/client.h"
#include "client/op.h"
#include "client/put_load.h"
#include "common/bytes.h"
#include "common/error.h"
#include "sys/terminal.h"

namespace ectl::cli {
namespace {

constexpr auto kCleanupTimeout = std::chrono::minutes(5);

client::KeyRange Prefix(const std::string& prefix) {
  return {prefix, std::nullopt, true, false};
}

}  // namespace

std::string RandomKey(const std::string& prefix, size_t key_size, std::mt19937_64& rng) {
  std::string key(key_size, '\0');
  uint64_t zigzag = (rng() >> 1) << 1;  // Go's PutVarint of a non-negative number
  for (size_t i = 0; i < key.size(); ++i) {
    key[i] = static_cast<char>(zigzag >= 0x80 ? (zigzag | 0x80) : zigzag);
    if (zigzag < 0x80) break;
    zigzag >>= 7;
  }
  return prefix + key;
}

void EnsurePrefixEmpty(Context& ctx, const std::string& prefix) {
  client::Client& c = ctx.client();
  client::GetOptions probe;
  probe.range = Prefix(prefix);
  probe.limit = 1;
  if (client::Do(c, client::OpGet(probe), c.command_timeout()).response_range().kvs_size() > 0) {
    // The suggested command names the program as it was invoked (etcdctl when linked so).
    throw Error(ExitCode::kInvalidInput, "prefix " + GoQuote(prefix) + " has keys. Delete with " +
                                             ctx.program() + " del --prefix " + prefix + " first");
  }
}

void CleanUp(Connection& connection, const std::string& prefix, bool compact, bool defrag,
             std::ostream& out) {
  const client::Client& c = connection.client();
  client::DeleteOptions del;
  del.range = Prefix(prefix);
  auto deleted = client::Do(c, client::OpDelete(del), kCleanupTimeout).response_delete_range();
  if (compact) {
    int64_t rev = deleted.header().revision();
    out << "Compacting with revision " << rev << std::endl;
    etcdserverpb::CompactionRequest request;
    request.set_revision(rev);
    request.set_physical(true);
    (void)client::Compact(c, request, kCleanupTimeout);
    out << "Compacted with revision " << rev << std::endl;
  }
  if (defrag) {
    for (const auto& ep : c.config().endpoints) {
      out << "Defragmenting " << GoQuote(ep) << std::endl;
      client::Defragment(*connection.ClientFor(ep), kCleanupTimeout);
      out << "Defragmented " << GoQuote(ep) << std::endl;
    }
  }
}

ProgressBar::ProgressBar(std::ostream& out, int64_t total, std::function<int64_t()> current)
    : out_(out), total_(total), current_(std::move(current)), width_(sys::TerminalWidth(STDOUT_FILENO)) {
  thread_ = std::thread([this] { Loop(); });
}

ProgressBar::~ProgressBar() {
  stop_.Cancel(client::CancelReason::kInterrupted);
  if (thread_.joinable()) thread_.join();
}

void ProgressBar::Finish(bool complete) {
  stop_.Cancel(client::CancelReason::kInterrupted);
  thread_.join();
  int64_t cur = complete ? total_ : std::min(current_(), total_);
  out_ << ProgressLine(cur, total_, {}, true, Clock::now() - start_, width_) << std::flush;
}

void ProgressBar::Loop() {
  int64_t last = 0;
  auto changed = start_;
  do {
    // The full count appears only on the final line, as with etcdctl's bar.
    int64_t cur = std::min(current_(), total_ - 1);
    auto now = Clock::now();
    if (cur != last) last = cur, changed = now;
    // The time left as etcdctl estimates it: the pace so far, less the time since the
    // count last moved.
    std::chrono::nanoseconds left{0};
    if (cur > 0) left = (changed - start_) / cur * (total_ - cur) - (now - changed);
    out_ << ProgressLine(cur, total_, left, false, {}, width_) << std::flush;
  } while (!stop_.SleepFor(std::chrono::milliseconds(200)));
}

}  // namespace ectl::cli
