#include "client/key_space.h"

#include <algorithm>
#include <cmath>

#include "common/bytes.h"

namespace ectl::client {
namespace {

// Positions are whole numbers below 2^52, exact in a double.
constexpr double kPositionBits = 52;

bool FromKey(std::string_view range_end) { return range_end == std::string_view("\0", 1); }

size_t CommonLength(std::string_view a, std::string_view b) {
  return static_cast<size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first -
                             a.begin());
}

}  // namespace

KeySpace::KeySpace(std::string_view start, std::string_view range_end)
    : range_end_(range_end) {
  if (FromKey(range_end)) return;  // every key from start on: no common prefix
  prefix_.assign(start.substr(0, CommonLength(start, range_end)));
}

void KeySpace::Observe(std::string_view key) {
  for (size_t i = prefix_.size(); i < key.size(); ++i) {
    const int b = static_cast<unsigned char>(key[i]);
    min_ = std::min(min_, b);
    max_ = std::max(max_, b);
  }
}

int KeySpace::Digits() const {
  return std::max(1, static_cast<int>(kPositionBits / std::log2(static_cast<double>(Radix()))));
}

int KeySpace::Digit(std::string_view key, size_t at) const {
  if (at >= key.size()) return 0;  // the key ends: before every byte
  const int b = std::clamp(static_cast<int>(static_cast<unsigned char>(key[at])), min_, max_);
  return b - min_ + 1;
}

double KeySpace::PositionAfter(std::string_view key, size_t base) const {
  if (min_ > max_) return 0;
  double position = 0;
  const int digits = Digits();
  const double radix = Radix();
  for (int i = 0; i < digits; ++i) position = position * radix + Digit(key, base + i);
  return position;
}

std::optional<std::string> KeySpace::KeyAfter(std::string_view base, double position) const {
  if (min_ > max_) return std::nullopt;
  const int digits = Digits();
  const double radix = Radix();
  double unit = std::pow(radix, digits - 1);
  if (!(position < unit * radix)) return std::nullopt;  // also NaN
  position = std::max(0.0, std::floor(position));
  std::string key(base);
  for (int i = 0; i < digits; ++i, unit /= radix) {
    const double d = std::min(std::floor(position / unit), radix - 1);
    if (d < 1) break;  // the key ends here
    position -= d * unit;
    key.push_back(static_cast<char>(min_ + static_cast<int>(d) - 1));
  }
  return key;
}

double KeySpace::Position(std::string_view key) const { return PositionAfter(key, prefix_.size()); }

std::optional<std::string> KeySpace::KeyAt(double position) const {
  return KeyAfter(prefix_, position);
}

std::optional<std::string> KeySpace::Guess(size_t base, std::string_view from,
                                           std::string_view sample_from,
                                           std::string_view sample_to, int64_t sample_keys,
                                           double keys) const {
  const double per_key =
      (PositionAfter(sample_to, base) - PositionAfter(sample_from, base)) / sample_keys;
  if (!(per_key > 0)) return std::nullopt;
  std::optional<std::string> end =
      KeyAfter(from.substr(0, base), PositionAfter(from, base) + per_key * keys);
  // Past every key of a prefix longer than the range's: the end of that prefix (its "\0",
  // when there is none, fails the check below).
  if (!end && base > prefix_.size()) end = ectl::PrefixEnd(from.substr(0, base));
  if (!end || *end <= from) return std::nullopt;
  if (!FromKey(range_end_) && *end >= range_end_) return std::nullopt;
  return end;
}

std::optional<std::string> KeySpace::EndAfter(std::string_view from,
                                              std::string_view sample_from,
                                              std::string_view sample_to, int64_t sample_keys,
                                              double keys) const {
  if (min_ > max_ || sample_keys <= 0 || !(keys > 0)) return std::nullopt;
  if (auto end = Guess(prefix_.size(), from, sample_from, sample_to, sample_keys, keys)) {
    return end;
  }
  // Keys that share more than the digits hold after the range's prefix
  // (/registry/pods/kube-system/...) all map to one position there: count from the
  // prefix that from and the sample share instead.
  const size_t shared =
      std::min(CommonLength(sample_from, sample_to), CommonLength(from, sample_from));
  if (shared <= prefix_.size()) return std::nullopt;
  return Guess(shared, from, sample_from, sample_to, sample_keys, keys);
}

}  // namespace ectl::client
