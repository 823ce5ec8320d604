#include "common/strconv.h"

#include <limits>

#include "common/bytes.h"

namespace ectl {
namespace {

[[noreturn]] void Fail(const char* fn, std::string_view s, const char* why) {
  throw ParseError(std::string("strconv.") + fn + ": parsing " + GoQuote(s) + ": " + why);
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// Parses an unsigned magnitude; sets overflow instead of throwing so that callers can
// report Go's "value out of range" only after the whole string proved to be digits.
bool ParseMagnitude(std::string_view s, int base, uint64_t& value, bool& overflow) {
  bool underscores = false;
  if (base == 0) {
    base = 10;
    underscores = true;
    if (s.size() >= 2 && s[0] == '0') {
      char p = static_cast<char>(s[1] | 0x20);
      if (p == 'x') base = 16, s.remove_prefix(2);
      else if (p == 'o') base = 8, s.remove_prefix(2);
      else if (p == 'b') base = 2, s.remove_prefix(2);
      else base = 8, s.remove_prefix(1);
    }
  }
  if (s.empty()) return false;
  value = 0;
  overflow = false;
  for (char c : s) {
    if (c == '_' && underscores) continue;
    int d = DigitValue(c);
    if (d >= base) return false;
    if (value > (std::numeric_limits<uint64_t>::max() - d) / base) overflow = true;
    value = value * base + d;
  }
  return true;
}

}  // namespace

uint64_t ParseUint(std::string_view s, int base) {
  uint64_t v;
  bool overflow;
  if (s.empty() || !ParseMagnitude(s, base, v, overflow)) Fail("ParseUint", s, "invalid syntax");
  if (overflow) Fail("ParseUint", s, "value out of range");
  return v;
}

int64_t ParseInt(std::string_view s, int base) {
  std::string_view digits = s;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  uint64_t v;
  bool overflow;
  if (digits.empty() || !ParseMagnitude(digits, base, v, overflow)) {
    Fail("ParseInt", s, "invalid syntax");
  }
  constexpr uint64_t kLimit = uint64_t{1} << 63;
  if (overflow || (!negative && v >= kLimit) || (negative && v > kLimit)) {
    Fail("ParseInt", s, "value out of range");
  }
  return negative ? static_cast<int64_t>(~v + 1) : static_cast<int64_t>(v);
}

bool ParseBool(std::string_view s) {
  if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
  if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") {
    return false;
  }
  Fail("ParseBool", s, "invalid syntax");
}

std::chrono::nanoseconds ParseDuration(std::string_view orig) {
  auto invalid = [&]() -> ParseError {
    return ParseError("time: invalid duration " + GoQuote(orig));
  };
  std::string_view s = orig;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return std::chrono::nanoseconds(0);
  if (s.empty()) throw invalid();
  long double total = 0;
  while (!s.empty()) {
    size_t i = 0;
    long double value = 0;
    bool any = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') value = value * 10 + (s[i++] - '0'), any = true;
    if (i < s.size() && s[i] == '.') {
      ++i;
      long double scale = 0.1L;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        value += (s[i++] - '0') * scale;
        scale /= 10;
        any = true;
      }
    }
    if (!any) throw invalid();
    size_t u = i;
    while (u < s.size() && !(s[u] >= '0' && s[u] <= '9') && s[u] != '.') ++u;
    std::string_view unit = s.substr(i, u - i);
    long double mult;
    if (unit == "ns") mult = 1;
    else if (unit == "us" || unit == "\xc2\xb5s" || unit == "\xce\xbcs") mult = 1e3;
    else if (unit == "ms") mult = 1e6;
    else if (unit == "s") mult = 1e9;
    else if (unit == "m") mult = 60e9;
    else if (unit == "h") mult = 3600e9;
    else if (unit.empty()) throw ParseError("time: missing unit in duration " + GoQuote(orig));
    else throw ParseError("time: unknown unit " + GoQuote(unit) + " in duration " + GoQuote(orig));
    total += value * mult;
    s.remove_prefix(u);
  }
  if (total > static_cast<long double>(std::numeric_limits<int64_t>::max())) throw invalid();
  auto ns = static_cast<int64_t>(total + 0.5L);
  return std::chrono::nanoseconds(negative ? -ns : ns);
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
