// Progress: one updating line on stderr for long work (snapshot save, defrag --cluster,
// make-mirror, export/import), drawn only when the stream is a terminal.
//
// The caller says whether to draw (Io::err_is_terminal); a disabled Progress writes
// nothing at all, so output that is not a terminal stays byte-identical. The line shows
// the label, the count done (items, or bytes in go-humanize's SI units), and when a total
// is known the total, percent and time left, then the average rate. It is redrawn at most
// ten times a second ("\r<line>\x1b[K") and cleared by Finish() (or the destructor), so
// whatever is printed next starts on a clean line. Add() and Set() may be called from any
// thread (gRPC callbacks).
#ifndef ECTL_OUTPUT_PROGRESS_H_
#define ECTL_OUTPUT_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <optional>
#include <string>

namespace ectl::output {

enum class ProgressUnit {
  kItems,  // a count, followed by the noun ("12345 keys")
  kBytes,  // "12.3 MB"
};

// What one redraw shows; ProgressLine() renders it (pure, for tests).
struct ProgressState {
  std::string label;
  ProgressUnit unit = ProgressUnit::kItems;
  std::string noun;  // for kItems: "keys", "members"; may be empty
  uint64_t done = 0;
  std::optional<uint64_t> total;
  std::chrono::nanoseconds elapsed{0};
};

// "Saving snapshot  12 MB / 45 MB  27%  5.1 MB/s  ETA 6s",
// "Mirroring  12345 keys  2345 keys/s". The rate (an average since the start) and the
// time left appear once a second has passed.
std::string ProgressLine(const ProgressState& s);
// "850ms" below a second, "7s", "3m04s", "1h02m".
std::string ProgressDuration(std::chrono::nanoseconds d);

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // Draws on err only when enabled. width > 0 cuts the line to that many columns.
  Progress(std::ostream& err, bool enabled, std::string label,
           ProgressUnit unit = ProgressUnit::kItems, std::string noun = {}, int width = 0);
  ~Progress();  // Finish()
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void SetTotal(uint64_t total);
  void SetLabel(std::string label);
  // Counts n more done, or sets the count; redraws when the last redraw is 100 ms old.
  void Add(uint64_t n);
  void Set(uint64_t done);
  // Redraws now (after SetLabel, say), whatever the throttle.
  void Draw();
  // Erases the line so that other text can be written on that terminal; the next draw
  // brings it back.
  void Clear();
  // Clears the line; later calls draw nothing. Idempotent.
  void Finish();

  [[nodiscard]] bool enabled() const { return enabled_; }
  [[nodiscard]] uint64_t done() const;

 private:
  void DrawLocked(Clock::time_point now);
  void MaybeDrawLocked();

  std::ostream& err_;
  const bool enabled_;
  const int width_;
  mutable std::mutex mu_;
  ProgressState state_;
  Clock::time_point start_ = Clock::now();
  std::optional<Clock::time_point> last_draw_;
  bool drawn_ = false;
  bool finished_ = false;
};

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_PROGRESS_H_
