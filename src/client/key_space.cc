#include "client/key_space.h"

#include <algorithm>
#include <cmath>

namespace ectl::client {
namespace {

// Positions are whole numbers below 2^52, exact in a double.
constexpr double kPositionBits = 52;

bool FromKey(std::string_view range_end) { return range_end == std::string_view("\0", 1); }

}  // namespace

KeySpace::KeySpace(std::string_view start, std::string_view range_end)
    : range_end_(range_end) {
  if (FromKey(range_end)) return;  // every key from start on: no common prefix
  const auto [s, e] = std::mismatch(start.begin(), start.end(), range_end.begin(),
                                    range_end.end());
  prefix_.assign(start.begin(), s);
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

int KeySpace::Digit(std::string_view key, size_t i) const {
  const size_t at = prefix_.size() + i;
  if (at >= key.size()) return 0;  // the key ends: before every byte
  const int b = std::clamp(static_cast<int>(static_cast<unsigned char>(key[at])), min_, max_);
  return b - min_ + 1;
}

double KeySpace::Position(std::string_view key) const {
  if (min_ > max_) return 0;
  double position = 0;
  const int digits = Digits();
  const double radix = Radix();
  for (int i = 0; i < digits; ++i) position = position * radix + Digit(key, i);
  return position;
}

std::optional<std::string> KeySpace::KeyAt(double position) const {
  if (min_ > max_) return std::nullopt;
  const int digits = Digits();
  const double radix = Radix();
  double unit = std::pow(radix, digits - 1);
  if (!(position < unit * radix)) return std::nullopt;  // also NaN
  position = std::max(0.0, std::floor(position));
  std::string key = prefix_;
  for (int i = 0; i < digits; ++i, unit /= radix) {
    const double d = std::min(std::floor(position / unit), radix - 1);
    if (d < 1) break;  // the key ends here
    position -= d * unit;
    key.push_back(static_cast<char>(min_ + static_cast<int>(d) - 1));
  }
  return key;
}

std::optional<std::string> KeySpace::EndAfter(std::string_view from,
                                              std::string_view sample_from,
                                              std::string_view sample_to, int64_t sample_keys,
                                              double keys) const {
  if (min_ > max_ || sample_keys <= 0 || !(keys > 0)) return std::nullopt;
  const double per_key = (Position(sample_to) - Position(sample_from)) / sample_keys;
  if (!(per_key > 0)) return std::nullopt;
  std::optional<std::string> end = KeyAt(Position(from) + per_key * keys);
  if (!end || *end <= from) return std::nullopt;
  if (!FromKey(range_end_) && *end >= range_end_) return std::nullopt;
  return end;
}

}  // namespace ectl::client
