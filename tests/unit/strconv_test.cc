// strconv and time parsing against Go's behaviour. The tables' expected values and
// error texts were taken from go1.19.8 (the release that built etcdctl 3.4.23) and cover
// its documented rules: base prefixes, underscores (base 0 only, between digits or
// after a prefix), the 64-bit boundaries, range errors reported as soon as a digit
// overflows, duration units, truncated fractions, 2^63 ns overflow, and the way the
// time package quotes odd bytes in its errors.
#include "common/strconv.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace ectl {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

std::string ErrorOf(auto fn) {
  try {
    fn();
  } catch (const ParseError& e) {
    return e.what();
  }
  return "";
}

struct IntCase {
  const char* in;
  int base;
  int64_t want;
  const char* error;  // "" when Go accepts the input
};

TEST(ParseInt, MatchesGoTable) {
  const IntCase cases[] = {
      {"0", 0, 0, ""},
      {"1", 0, 1, ""},
      {"-1", 0, -1, ""},
      {"+1", 0, 1, ""},
      {"42", 0, 42, ""},
      {"010", 0, 8, ""},
      {"0o10", 0, 8, ""},
      {"0O10", 0, 8, ""},
      {"0b101", 0, 5, ""},
      {"0B101", 0, 5, ""},
      {"0x1f", 0, 31, ""},
      {"0X1F", 0, 31, ""},
      {"0xaBc", 0, 2748, ""},
      {"08", 0, 0, "strconv.ParseInt: parsing \"08\": invalid syntax"},
      {"0b2", 0, 0, "strconv.ParseInt: parsing \"0b2\": invalid syntax"},
      {"0o8", 0, 0, "strconv.ParseInt: parsing \"0o8\": invalid syntax"},
      {"0xg", 0, 0, "strconv.ParseInt: parsing \"0xg\": invalid syntax"},
      {"1_0", 0, 10, ""},
      {"1__0", 0, 0, "strconv.ParseInt: parsing \"1__0\": invalid syntax"},
      {"_10", 0, 0, "strconv.ParseInt: parsing \"_10\": invalid syntax"},
      {"10_", 0, 0, "strconv.ParseInt: parsing \"10_\": invalid syntax"},
      {"0_7", 0, 7, ""},
      {"0_8", 0, 0, "strconv.ParseInt: parsing \"0_8\": invalid syntax"},
      {"0x_1f", 0, 31, ""},
      {"0x1_f", 0, 31, ""},
      {"0x1f_", 0, 0, "strconv.ParseInt: parsing \"0x1f_\": invalid syntax"},
      {"0b_1", 0, 1, ""},
      {"0o_7", 0, 7, ""},
      {"0_x1", 0, 0, "strconv.ParseInt: parsing \"0_x1\": invalid syntax"},
      {"1_000_000", 0, 1000000, ""},
      {"-1_0", 0, -10, ""},
      {"+_1", 0, 0, "strconv.ParseInt: parsing \"+_1\": invalid syntax"},
      {"-0x_8", 0, -8, ""},
      {"", 0, 0, "strconv.ParseInt: parsing \"\": invalid syntax"},
      {"+", 0, 0, "strconv.ParseInt: parsing \"+\": invalid syntax"},
      {"-", 0, 0, "strconv.ParseInt: parsing \"-\": invalid syntax"},
      {"0x", 0, 0, "strconv.ParseInt: parsing \"0x\": invalid syntax"},
      {"0b", 0, 0, "strconv.ParseInt: parsing \"0b\": invalid syntax"},
      {"0o", 0, 0, "strconv.ParseInt: parsing \"0o\": invalid syntax"},
      {"0b1", 0, 1, ""},
      {"0o1", 0, 1, ""},
      {"00", 0, 0, ""},
      {"0_", 0, 0, "strconv.ParseInt: parsing \"0_\": invalid syntax"},
      {"_", 0, 0, "strconv.ParseInt: parsing \"_\": invalid syntax"},
      {"__", 0, 0, "strconv.ParseInt: parsing \"__\": invalid syntax"},
      {"1 ", 0, 0, "strconv.ParseInt: parsing \"1 \": invalid syntax"},
      {" 1", 0, 0, "strconv.ParseInt: parsing \" 1\": invalid syntax"},
      {"1.0", 0, 0, "strconv.ParseInt: parsing \"1.0\": invalid syntax"},
      {"+-1", 0, 0, "strconv.ParseInt: parsing \"+-1\": invalid syntax"},
      {"--1", 0, 0, "strconv.ParseInt: parsing \"--1\": invalid syntax"},
      {"0x-1", 0, 0, "strconv.ParseInt: parsing \"0x-1\": invalid syntax"},
      {"\xd9\xa1", 0, 0, "strconv.ParseInt: parsing \"\xd9\xa1\": invalid syntax"},
      {"9223372036854775807", 0, 9223372036854775807, ""},
      {"9223372036854775808", 0, 0, "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"},
      {"-9223372036854775808", 0, INT64_MIN, ""},
      {"-9223372036854775809", 0, 0, "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range"},
      {"0x7fffffffffffffff", 0, 9223372036854775807, ""},
      {"0x8000000000000000", 0, 0, "strconv.ParseInt: parsing \"0x8000000000000000\": value out of range"},
      {"-0x8000000000000000", 0, INT64_MIN, ""},
      {"-0x8000000000000001", 0, 0, "strconv.ParseInt: parsing \"-0x8000000000000001\": value out of range"},
      {"0777777777777777777777", 0, 9223372036854775807, ""},
      {"01000000000000000000000", 0, 0, "strconv.ParseInt: parsing \"01000000000000000000000\": value out of range"},
      {"0o777777777777777777777", 0, 9223372036854775807, ""},
      {"0b111111111111111111111111111111111111111111111111111111111111111", 0, 9223372036854775807, ""},
      {"0b1000000000000000000000000000000000000000000000000000000000000000", 0, 0, "strconv.ParseInt: parsing \"0b1000000000000000000000000000000000000000000000000000000000000000\": value out of range"},
      {"18446744073709551615", 0, 0, "strconv.ParseInt: parsing \"18446744073709551615\": value out of range"},
      {"18446744073709551616", 0, 0, "strconv.ParseInt: parsing \"18446744073709551616\": value out of range"},
      {"99999999999999999999x", 0, 0, "strconv.ParseInt: parsing \"99999999999999999999x\": value out of range"},
      {"_99999999999999999999", 0, 0, "strconv.ParseInt: parsing \"_99999999999999999999\": value out of range"},
      {"99999999999999999999_", 0, 0, "strconv.ParseInt: parsing \"99999999999999999999_\": value out of range"},
      {"9_223_372_036_854_775_807", 0, 9223372036854775807, ""},
      {"9_223_372_036_854_775_808", 0, 0, "strconv.ParseInt: parsing \"9_223_372_036_854_775_808\": value out of range"},
      {"1x", 0, 0, "strconv.ParseInt: parsing \"1x\": invalid syntax"},
      {"\xc3\xbf", 0, 0, "strconv.ParseInt: parsing \"\xc3\xbf\": invalid syntax"},
      {"0", 10, 0, ""},
      {"10", 10, 10, ""},
      {"-10", 10, -10, ""},
      {"+10", 10, 10, ""},
      {"010", 10, 10, ""},
      {"0x10", 10, 0, "strconv.ParseInt: parsing \"0x10\": invalid syntax"},
      {"1_0", 10, 0, "strconv.ParseInt: parsing \"1_0\": invalid syntax"},
      {"a", 10, 0, "strconv.ParseInt: parsing \"a\": invalid syntax"},
      {"9223372036854775807", 10, 9223372036854775807, ""},
      {"9223372036854775808", 10, 0, "strconv.ParseInt: parsing \"9223372036854775808\": value out of range"},
      {"-9223372036854775808", 10, INT64_MIN, ""},
      {"99999999999999999999x", 10, 0, "strconv.ParseInt: parsing \"99999999999999999999x\": value out of range"},
      {"", 10, 0, "strconv.ParseInt: parsing \"\": invalid syntax"},
      {"0", 16, 0, ""},
      {"ff", 16, 255, ""},
      {"FF", 16, 255, ""},
      {"-1", 16, -1, ""},
      {"0x10", 16, 0, "strconv.ParseInt: parsing \"0x10\": invalid syntax"},
      {"1_0", 16, 0, "strconv.ParseInt: parsing \"1_0\": invalid syntax"},
      {"g", 16, 0, "strconv.ParseInt: parsing \"g\": invalid syntax"},
      {"7fffffffffffffff", 16, 9223372036854775807, ""},
      {"8000000000000000", 16, 0, "strconv.ParseInt: parsing \"8000000000000000\": value out of range"},
      {"-8000000000000000", 16, INT64_MIN, ""},
      {"1a15a209ea033060", 16, 1879586582961533024, ""},
      {"zz", 16, 0, "strconv.ParseInt: parsing \"zz\": invalid syntax"},
      {"", 16, 0, "strconv.ParseInt: parsing \"\": invalid syntax"},
  };
  for (const IntCase& c : cases) {
    SCOPED_TRACE(std::string(c.in) + " base " + std::to_string(c.base));
    EXPECT_EQ(ErrorOf([&] { ParseInt(c.in, c.base); }), c.error);
    if (*c.error == '\0') {
      EXPECT_EQ(ParseInt(c.in, c.base), c.want);
    }
  }
}

struct UintCase {
  const char* in;
  uint64_t want;
  const char* error;
};

TEST(ParseUint, MatchesGoTableInBase16) {
  const UintCase cases[] = {
      {"0", 0u, ""},
      {"ff", 255u, ""},
      {"-1", 0u, "strconv.ParseUint: parsing \"-1\": invalid syntax"},
      {"+1", 0u, "strconv.ParseUint: parsing \"+1\": invalid syntax"},
      {"ffffffffffffffff", UINT64_MAX, ""},
      {"10000000000000000", 0u, "strconv.ParseUint: parsing \"10000000000000000\": value out of range"},
      {"1_0", 0u, "strconv.ParseUint: parsing \"1_0\": invalid syntax"},
      {"g", 0u, "strconv.ParseUint: parsing \"g\": invalid syntax"},
      {"", 0u, "strconv.ParseUint: parsing \"\": invalid syntax"},
  };
  for (const UintCase& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(ErrorOf([&] { ParseUint(c.in, 16); }), c.error);
    if (*c.error == '\0') {
      EXPECT_EQ(ParseUint(c.in, 16), c.want);
    }
  }
}

TEST(ParseInt, KnownMessages) {
  EXPECT_EQ(ParseInt("1a15a209ea033060", 16), 0x1a15a209ea033060);
  EXPECT_EQ(ErrorOf([] { ParseInt("zz", 16); }),
            "strconv.ParseInt: parsing \"zz\": invalid syntax");
  EXPECT_EQ(ErrorOf([] { ParseInt("8000000000000000", 16); }),
            "strconv.ParseInt: parsing \"8000000000000000\": value out of range");
  // The input is quoted with strconv.Quote in the message.
  EXPECT_EQ(ErrorOf([] { ParseInt("\xcd\x8f\xcd\xb8\x01", 0); }),
            "strconv.ParseInt: parsing \"\xcd\x8f\\u0378\\x01\": invalid syntax");
}

TEST(ParseBool, AcceptsGoSpellings) {
  for (const char* t : {"1", "t", "T", "true", "TRUE", "True"}) EXPECT_TRUE(ParseBool(t));
  for (const char* f : {"0", "f", "F", "false", "FALSE", "False"}) EXPECT_FALSE(ParseBool(f));
  EXPECT_EQ(ErrorOf([] { ParseBool("yes"); }), "strconv.ParseBool: parsing \"yes\": invalid syntax");
}

struct DurationCase {
  const char* in;
  int64_t want_ns;
  const char* error;
};

TEST(ParseDuration, MatchesGoTable) {
  const DurationCase cases[] = {
      {"0", 0, ""},
      {"+0", 0, ""},
      {"-0", 0, ""},
      {"00", 0, "time: missing unit in duration \"00\""},
      {"0s", 0, ""},
      {"1ns", 1, ""},
      {"1us", 1000, ""},
      {"1\xc2\xb5s", 1000, ""},
      {"1\xce\xbcs", 1000, ""},
      {"1ms", 1000000, ""},
      {"1s", 1000000000, ""},
      {"1m", 60000000000, ""},
      {"1h", 3600000000000, ""},
      {"1.5h", 5400000000000, ""},
      {"1.5ns", 1, ""},
      {"1.9999ns", 1, ""},
      {"2.5us", 2500, ""},
      {".5s", 500000000, ""},
      {"1.s", 1000000000, ""},
      {".s", 0, "time: invalid duration \".s\""},
      {".", 0, "time: invalid duration \".\""},
      {"-.5s", -500000000, ""},
      {"1h2m3.5s", 3723500000000, ""},
      {"1.5h30m", 7200000000000, ""},
      {"300ms", 300000000, ""},
      {"-1.5h", -5400000000000, ""},
      {"+2s", 2000000000, ""},
      {"1", 0, "time: missing unit in duration \"1\""},
      {"1x", 0, "time: unknown unit \"x\" in duration \"1x\""},
      {"1y", 0, "time: unknown unit \"y\" in duration \"1y\""},
      {"1S", 0, "time: unknown unit \"S\" in duration \"1S\""},
      {"1sec", 0, "time: unknown unit \"sec\" in duration \"1sec\""},
      {"x", 0, "time: invalid duration \"x\""},
      {"", 0, "time: invalid duration \"\""},
      {"-", 0, "time: invalid duration \"-\""},
      {"+", 0, "time: invalid duration \"+\""},
      {"1h1", 0, "time: missing unit in duration \"1h1\""},
      {"1s.", 0, "time: invalid duration \"1s.\""},
      {"1e3s", 0, "time: unknown unit \"e\" in duration \"1e3s\""},
      {" 1s", 0, "time: invalid duration \" 1s\""},
      {"1s ", 0, "time: unknown unit \"s \" in duration \"1s \""},
      {"1 s", 0, "time: unknown unit \" s\" in duration \"1 s\""},
      {"3h1.000000001s", 10801000000001, ""},
      {"0.3333333333333333333333h", 1200000000000, ""},
      {"1.00000000000000000000000000001h", 3600000000000, ""},
      {"0.99999999999999999999999999999s", 1000000000, ""},
      {"0.000000000000000000001h", 0, ""},
      {"9223372036854775807ns", 9223372036854775807, ""},
      {"9223372036854775808ns", 0, "time: invalid duration \"9223372036854775808ns\""},
      {"-9223372036854775808ns", INT64_MIN, ""},
      {"-9223372036854775809ns", 0, "time: invalid duration \"-9223372036854775809ns\""},
      {"9223372036854775807999ns", 0, "time: invalid duration \"9223372036854775807999ns\""},
      {"9223372036.854775807s", 9223372036854775807, ""},
      {"9223372036.854775808s", 0, "time: invalid duration \"9223372036.854775808s\""},
      {"-9223372036.854775808s", INT64_MIN, ""},
      {"2562047h", 9223369200000000000, ""},
      {"2562048h", 0, "time: invalid duration \"2562048h\""},
      {"2562047.7880152156h", 0, "time: invalid duration \"2562047.7880152156h\""},
      {"2562047h47m16.854775807s", 9223372036854775807, ""},
      {"2562047h47m16.854775808s", 0, "time: invalid duration \"2562047h47m16.854775808s\""},
      {"-2562047h47m16.854775808s", INT64_MIN, ""},
      {"9223372036854775807ns1ns", 0, "time: invalid duration \"9223372036854775807ns1ns\""},
      {"1\x01", 0, "time: unknown unit \"\\x01\" in duration \"1\\x01\""},
      {"1\x7f", 0, "time: unknown unit \"\x7f\" in duration \"1\x7f\""},
      {"1\"", 0, "time: unknown unit \"\\\"\" in duration \"1\\\"\""},
      {"1\\", 0, "time: unknown unit \"\\\\\" in duration \"1\\\\\""},
      {"1\xc3\xa9", 0, "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""},
      {"1\xff", 0, "time: unknown unit \"\\xff\" in duration \"1\\xff\""},
      {"1\xef\xbf\xbd", 0, "time: unknown unit \"\\xef\\xbf\\xbd\" in duration \"1\\xef\\xbf\\xbd\""},
      {"1\xe2\x80\xa8", 0, "time: unknown unit \"\\xe2\\x80\\xa8\" in duration \"1\\xe2\\x80\\xa8\""},
      {"\xff", 0, "time: invalid duration \"\\xff\""},
      {"1s\xff", 0, "time: unknown unit \"s\\xff\" in duration \"1s\\xff\""},
      {"1\xf0\x9f\x98\x80", 0, "time: unknown unit \"\\xf0\\x9f\\x98\\x80\" in duration \"1\\xf0\\x9f\\x98\\x80\""},
      {"1\xc0\x80", 0, "time: unknown unit \"\\xc0\\x80\" in duration \"1\\xc0\\x80\""},
      {"1\xed\xa0\x80", 0, "time: unknown unit \"\\xed\\xa0\\x80\" in duration \"1\\xed\\xa0\\x80\""},
      {"1\x09", 0, "time: unknown unit \"\\x09\" in duration \"1\\x09\""},
  };
  for (const DurationCase& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(ErrorOf([&] { ParseDuration(c.in); }), c.error);
    if (*c.error == '\0') {
      EXPECT_EQ(ParseDuration(c.in).count(), c.want_ns);
    }
  }
}

TEST(ParseDuration, TruncatesFractionsLikeGo) {
  EXPECT_EQ(ParseDuration("1.5ns"), nanoseconds(1));
  EXPECT_EQ(ParseDuration("-1.5ns"), nanoseconds(-1));
  EXPECT_EQ(ParseDuration("0.9999999999s"), nanoseconds(999999999));
  EXPECT_EQ(ParseDuration("1m30s"), seconds(90));
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
}

TEST(FormatDuration, GoDurationString) {
  EXPECT_EQ(FormatDuration(nanoseconds(0)), "0s");
  EXPECT_EQ(FormatDuration(nanoseconds(3651847)), "3.651847ms");
  EXPECT_EQ(FormatDuration(nanoseconds(850000)), "850\xc2\xb5s");
  EXPECT_EQ(FormatDuration(nanoseconds(1001397961)), "1.001397961s");
  EXPECT_EQ(FormatDuration(milliseconds(60500)), "1m0.5s");
  EXPECT_EQ(FormatDuration(seconds(3600)), "1h0m0s");
  EXPECT_EQ(FormatDuration(nanoseconds(12)), "12ns");
  EXPECT_EQ(FormatDuration(nanoseconds(INT64_MIN)), "-2562047h47m16.854775808s");
  EXPECT_EQ(FormatDuration(nanoseconds(INT64_MAX)), "2562047h47m16.854775807s");
}

}  // namespace
}  // namespace ectl
