// The progress line; see progress.h.
#include "output/progress.h"

#include <cstdio>
#include <ostream>
#include <utility>

#include "output/rows.h"

namespace ectl::output {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string Amount(const ProgressState& s, uint64_t n) {
  if (s.unit == ProgressUnit::kBytes) return HumanizeBytes(n);
  std::string text = std::to_string(n);
  if (!s.noun.empty()) text += " " + s.noun;
  return text;
}

}  // namespace

std::string ProgressDuration(std::chrono::nanoseconds d) {
  using std::chrono::duration_cast;
  if (d.count() < 0) d = {};
  auto ms = duration_cast<std::chrono::milliseconds>(d).count();
  if (ms < 1000) return std::to_string(ms) + "ms";
  int64_t s = ms / 1000;
  char buf[48];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%llds", static_cast<long long>(s));
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  } else {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60));
  }
  return buf;
}

std::string ProgressLine(const ProgressState& s) {
  std::string line = s.label;
  line += "  " + Amount(s, s.done);
  if (s.total) {
    uint64_t total = *s.total;
    line += " / " + Amount(s, total);
    // A done count past the total (a total that was an estimate) shows as 100%.
    uint64_t pct = total == 0 ? 100 : (s.done >= total ? 100 : s.done * 100 / total);
    line += "  " + std::to_string(pct) + "%";
  }
  double secs = std::chrono::duration<double>(s.elapsed).count();
  if (secs >= 1.0) {
    double rate = static_cast<double>(s.done) / secs;
    if (s.unit == ProgressUnit::kBytes) {
      line += "  " + HumanizeBytes(static_cast<uint64_t>(rate)) + "/s";
    } else {
      line += "  " + std::to_string(static_cast<uint64_t>(rate)) +
              (s.noun.empty() ? "" : " " + s.noun) + "/s";
    }
    if (s.total && s.done < *s.total && rate > 0) {
      double left = static_cast<double>(*s.total - s.done) / rate;
      line += "  ETA " + ProgressDuration(std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::duration<double>(left)));
    }
  }
  return line;
}

Progress::Progress(std::ostream& err, bool enabled, std::string label, ProgressUnit unit,
                   std::string noun, int width)
    : err_(err), enabled_(enabled), width_(width) {
  state_.label = std::move(label);
  state_.unit = unit;
  state_.noun = std::move(noun);
}

Progress::~Progress() { Finish(); }

void Progress::SetTotal(uint64_t total) {
  std::lock_guard lock(mu_);
  state_.total = total;
}

void Progress::SetLabel(std::string label) {
  std::lock_guard lock(mu_);
  state_.label = std::move(label);
}

void Progress::Add(uint64_t n) {
  std::lock_guard lock(mu_);
  state_.done += n;
  MaybeDrawLocked();
}

void Progress::Set(uint64_t done) {
  std::lock_guard lock(mu_);
  state_.done = done;
  MaybeDrawLocked();
}

uint64_t Progress::done() const {
  std::lock_guard lock(mu_);
  return state_.done;
}

void Progress::Draw() {
  std::lock_guard lock(mu_);
  if (!enabled_ || finished_) return;
  DrawLocked(Clock::now());
}

void Progress::MaybeDrawLocked() {
  if (!enabled_ || finished_) return;
  auto now = Clock::now();
  if (last_draw_ && now - *last_draw_ < kRedrawInterval) return;
  DrawLocked(now);
}

void Progress::DrawLocked(Clock::time_point now) {
  last_draw_ = now;
  state_.elapsed = now - start_;
  std::string line = ProgressLine(state_);
  if (width_ > 1 && line.size() >= static_cast<size_t>(width_)) {
    line.resize(static_cast<size_t>(width_ - 1));
  }
  // Back to the line's start, the line, then erase whatever a longer line left.
  err_ << '\r' << line << "\x1b[K" << std::flush;
  drawn_ = true;
}

void Progress::Clear() {
  std::lock_guard lock(mu_);
  if (!enabled_ || finished_ || !drawn_) return;
  err_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

void Progress::Finish() {
  std::lock_guard lock(mu_);
  if (finished_) return;
  finished_ = true;
  if (enabled_ && drawn_) err_ << "\r\x1b[K" << std::flush;
}

}  // namespace ectl::output
