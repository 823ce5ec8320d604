// Where the next page of a paged read should end.
//
// etcd counts every key from a Range request's start to its range end, whatever the
// request's limit: a page taken from a large range with the range's own end costs the
// server a walk over the whole rest of the range, so reading N keys in pages of P costs
// about N*N/2P key visits. A page asked with a range end a little past the keys it is
// meant to hold costs only its own keys. KeySpace guesses such ends. It maps keys onto
// numbers, the bytes after the range's common prefix read as digits in one radix wide
// enough for every byte seen so far (plus one digit for "the key ends here"), so that a
// stretch of keys already read says how much of that number line one key takes, and
// extrapolates from where the next page starts.
//
// A guess costs only time when it is wrong: too near gives a short page (the next one
// starts at its end), too far a longer walk (the page stops at its limit and the next one
// starts after its last key). The reader checks every guess lies strictly between the
// page's start and the range end, so the result never depends on it.
#ifndef ECTL_CLIENT_KEY_SPACE_H_
#define ECTL_CLIENT_KEY_SPACE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ectl::client {

class KeySpace {
 public:
  // start and range_end as in a RangeRequest ("\0" for every key from start on).
  KeySpace(std::string_view start, std::string_view range_end);

  // Widens the alphabet to key's bytes after the common prefix. Every key read is
  // observed; keys of the range always begin with the common prefix.
  void Observe(std::string_view key);

  // The key's place on the number line: never decreasing in key order.
  double Position(std::string_view key) const;

  // A key near position (the prefix plus the digits of position); nullopt when the
  // position lies past every key with the prefix, or nothing has been observed.
  std::optional<std::string> KeyAt(double position) const;

  // Where a page starting at from should end to hold about keys keys, when the keys
  // between sample_from and sample_to (sample_keys of them) are typical of what follows:
  // always strictly after from and before the range end. Counted after the range's
  // prefix first; when the sample's keys share more than the digits can tell apart,
  // after the prefix from and the sample share (and when the guess runs past every key
  // with that prefix, the end of that prefix). nullopt when no end can be told: the
  // caller then reads to the range end.
  std::optional<std::string> EndAfter(std::string_view from, std::string_view sample_from,
                                      std::string_view sample_to, int64_t sample_keys,
                                      double keys) const;

  const std::string& prefix() const { return prefix_; }

 private:
  int Radix() const { return max_ - min_ + 2; }
  int Digits() const;
  // The digit of key's byte at index at (0 past its end).
  int Digit(std::string_view key, size_t at) const;
  // Position and KeyAt counted from the first base bytes instead of the range's prefix.
  double PositionAfter(std::string_view key, size_t base) const;
  std::optional<std::string> KeyAfter(std::string_view base, double position) const;
  // EndAfter with positions counted after the first base bytes of from and the sample.
  std::optional<std::string> Guess(size_t base, std::string_view from,
                                   std::string_view sample_from, std::string_view sample_to,
                                   int64_t sample_keys, double keys) const;

  std::string prefix_;
  std::string range_end_;
  int min_ = 256;  // the smallest and largest byte seen after the prefix
  int max_ = -1;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_KEY_SPACE_H_
