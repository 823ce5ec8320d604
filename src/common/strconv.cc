#include "common/strconv.h"

#include <limits>
#include <string>

#include "common/bytes.h"

namespace ectl {
namespace {

[[noreturn]] void Fail(const char* fn, std::string_view s, const char* why) {
  throw ParseError(std::string("strconv.") + fn + ": parsing " + GoQuote(s) + ": " + why);
}

char Lower(char c) { return static_cast<char>(c | 0x20); }

enum class NumStatus { kOk, kSyntax, kRange };

// Go's underscoreOK: underscores (allowed with base 0 only) must each sit between two
// digits, or between a 0b/0o/0x prefix and a digit. An optional sign is skipped.
bool UnderscoreOk(std::string_view s) {
  char saw = '^';  // '^' start, '0' digit or prefix, '_' underscore, '!' anything else
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (Lower(s[1]) == 'b' || Lower(s[1]) == 'o' || Lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = Lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && Lower(c) >= 'a' && Lower(c) <= 'f')) {
      saw = '0';
    } else if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

// strconv.ParseUint(s, base, 64) without the error text. As in Go, the digits are read
// left to right and the first problem decides: a character that is not a digit of the
// base is a syntax error, a digit that overflows is a range error (even if a bad
// character follows), and misplaced underscores are checked only at the end.
NumStatus ParseUnsigned(std::string_view s, int base, uint64_t& n) {
  n = 0;
  if (s.empty()) return NumStatus::kSyntax;
  const std::string_view s0 = s;
  const bool base0 = base == 0;
  if (base0) {
    base = 10;
    if (s[0] == '0') {
      const char p = s.size() >= 3 ? Lower(s[1]) : '\0';
      base = p == 'b' ? 2 : p == 'x' ? 16 : 8;
      s.remove_prefix(p == 'b' || p == 'o' || p == 'x' ? 2 : 1);
    }
  }
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  const uint64_t cutoff = kMax / static_cast<uint64_t>(base) + 1;
  bool underscores = false;
  for (char c : s) {
    int d;
    if (c == '_' && base0) {
      underscores = true;
      continue;
    } else if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (Lower(c) >= 'a' && Lower(c) <= 'z') {
      d = Lower(c) - 'a' + 10;
    } else {
      return NumStatus::kSyntax;
    }
    if (d >= base) return NumStatus::kSyntax;
    if (n >= cutoff) return n = kMax, NumStatus::kRange;
    n *= static_cast<uint64_t>(base);
    const uint64_t n1 = n + static_cast<uint64_t>(d);
    if (n1 < n) return n = kMax, NumStatus::kRange;
    n = n1;
  }
  if (underscores && !UnderscoreOk(s0)) return n = 0, NumStatus::kSyntax;
  return NumStatus::kOk;
}

void CheckBase(const char* fn, std::string_view s, int base) {
  if (base != 0 && (base < 2 || base > 36)) {
    Fail(fn, s, ("invalid base " + std::to_string(base)).c_str());
  }
}

}  // namespace

uint64_t ParseUint(std::string_view s, int base) {
  if (!s.empty()) CheckBase("ParseUint", s, base);
  uint64_t n;
  switch (ParseUnsigned(s, base, n)) {
    case NumStatus::kSyntax: Fail("ParseUint", s, "invalid syntax");
    case NumStatus::kRange: Fail("ParseUint", s, "value out of range");
    case NumStatus::kOk: break;
  }
  return n;
}

int64_t ParseInt(std::string_view s, int base) {
  if (s.empty()) Fail("ParseInt", s, "invalid syntax");
  std::string_view digits = s;
  const bool negative = digits[0] == '-';
  if (digits[0] == '+' || digits[0] == '-') digits.remove_prefix(1);
  if (!digits.empty()) CheckBase("ParseInt", s, base);
  uint64_t n;  // on a range error, the maximum: reported as out of range below
  if (ParseUnsigned(digits, base, n) == NumStatus::kSyntax) Fail("ParseInt", s, "invalid syntax");
  constexpr uint64_t kCutoff = uint64_t{1} << 63;
  if ((!negative && n >= kCutoff) || (negative && n > kCutoff)) {
    Fail("ParseInt", s, "value out of range");
  }
  return negative ? static_cast<int64_t>(0 - n) : static_cast<int64_t>(n);
}

bool ParseBool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    return false;
  }
  Fail("ParseBool", s, "invalid syntax");
}

namespace {

// How Go's time package quotes text in its errors (not strconv.Quote): '"' and '\\'
// backslashed; bytes of non-ASCII runes and of control characters as \xHH (a valid
// U+FFFD as its three bytes, each invalid byte as itself); everything else, DEL
// included, as is.
std::string TimeQuote(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const Rune r = DecodeRune(s, i);
    if (r.value >= 0x80 || r.value < 0x20) {
      for (size_t j = i; j < i + r.size; ++j) {
        const auto b = static_cast<unsigned char>(s[j]);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 0xf];
      }
    } else {
      if (r.value == '"' || r.value == '\\') out += '\\';
      out += static_cast<char>(r.value);
    }
    i += r.size;
  }
  return out + "\"";
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

uint64_t UnitNanos(std::string_view unit) {
  if (unit == "ns") return 1;
  if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") return 1000;  // u, µ, μ
  if (unit == "ms") return 1000000;
  if (unit == "s") return 1000000000;
  if (unit == "m") return 60000000000;
  if (unit == "h") return 3600000000000;
  return 0;
}

}  // namespace

// Go's algorithm, in its integer arithmetic: each component's integer part must fit
// in 2^63 nanoseconds once multiplied by its unit; the fraction contributes
// trunc(fraction * (unit / 10^digits)) computed in float64 (digits past 2^63's
// precision are ignored); the sum may reach 2^63 only for a negative duration.
std::chrono::nanoseconds ParseDuration(std::string_view orig) {
  auto invalid = [&] { return ParseError("time: invalid duration " + TimeQuote(orig)); };
  constexpr uint64_t kLimit = uint64_t{1} << 63;
  std::string_view s = orig;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return std::chrono::nanoseconds(0);
  if (s.empty()) throw invalid();
  uint64_t total = 0;
  while (!s.empty()) {
    if (s[0] != '.' && !IsDigit(s[0])) throw invalid();
    // The integer part; overflow past 2^63 is an error.
    uint64_t v = 0;
    size_t i = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i) {
      if (v > kLimit / 10) throw invalid();
      v = v * 10 + static_cast<uint64_t>(s[i] - '0');
      if (v > kLimit) throw invalid();
    }
    const bool pre = i > 0;
    s.remove_prefix(i);
    // The fraction: digits that would overflow are skipped, not an error.
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      for (i = 0; i < s.size() && IsDigit(s[i]); ++i) {
        if (overflow) continue;
        if (f > (kLimit - 1) / 10) {
          overflow = true;
          continue;
        }
        const uint64_t y = f * 10 + static_cast<uint64_t>(s[i] - '0');
        if (y > kLimit) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i > 0;
      s.remove_prefix(i);
    }
    if (!pre && !post) throw invalid();
    size_t u = 0;
    while (u < s.size() && s[u] != '.' && !IsDigit(s[u])) ++u;
    if (u == 0) throw ParseError("time: missing unit in duration " + TimeQuote(orig));
    const std::string_view unit_text = s.substr(0, u);
    s.remove_prefix(u);
    const uint64_t unit = UnitNanos(unit_text);
    if (unit == 0) {
      throw ParseError("time: unknown unit " + TimeQuote(unit_text) + " in duration " +
                       TimeQuote(orig));
    }
    if (v > kLimit / unit) throw invalid();
    v *= unit;
    if (f > 0) {
      v += static_cast<uint64_t>(static_cast<double>(f) * (static_cast<double>(unit) / scale));
      if (v > kLimit) throw invalid();
    }
    total += v;
    if (total > kLimit) throw invalid();
  }
  if (negative) return std::chrono::nanoseconds(static_cast<int64_t>(0 - total));
  if (total > kLimit - 1) throw invalid();
  return std::chrono::nanoseconds(static_cast<int64_t>(total));
}

namespace {

// Appends v / 10^prec with trailing zeros (and a bare point) dropped, as Go's fmtFrac.
void AppendFraction(std::string& out, uint64_t v, int prec) {
  std::string digits;
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    int digit = static_cast<int>(v % 10);
    print = print || digit != 0;
    if (print) digits.insert(digits.begin(), static_cast<char>('0' + digit));
    v /= 10;
  }
  if (print) out += "." + digits;
  out.insert(0, std::to_string(v));
}

}  // namespace

std::string FormatDuration(std::chrono::nanoseconds d) {
  int64_t n = d.count();
  if (n == 0) return "0s";
  bool negative = n < 0;
  uint64_t u = negative ? static_cast<uint64_t>(-(n + 1)) + 1 : static_cast<uint64_t>(n);
  std::string out;
  if (u < 1000000000ULL) {
    std::string unit;
    std::string num;
    if (u < 1000) {
      num = std::to_string(u), unit = "ns";
    } else if (u < 1000000) {
      AppendFraction(num, u, 3), unit = "\xc2\xb5s";
    } else {
      AppendFraction(num, u, 6), unit = "ms";
    }
    out = num + unit;
  } else {
    std::string secs;
    AppendFraction(secs, u % 60000000000ULL, 9);
    uint64_t minutes = u / 60000000000ULL;
    out = secs + "s";
    if (minutes > 0) {
      uint64_t hours = minutes / 60;
      out = std::to_string(minutes % 60) + "m" + out;
      if (hours > 0) out = std::to_string(hours) + "h" + out;
    }
  }
  return negative ? "-" + out : out;
}

}  // namespace ectl
