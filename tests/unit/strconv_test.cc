#include "common/strconv.h"

#include <gtest/gtest.h>

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
  return "no error";
}

TEST(ParseInt, GoSyntaxAndMessages) {
  EXPECT_EQ(ParseInt("42", 10), 42);
  EXPECT_EQ(ParseInt("-7", 10), -7);
  EXPECT_EQ(ParseInt("1a15a209ea033060", 16), 0x1a15a209ea033060);
  EXPECT_EQ(ParseInt("0x10", 0), 16);
  EXPECT_EQ(ParseInt("010", 0), 8);
  EXPECT_EQ(ParseInt("-8000000000000000", 16), INT64_MIN);
  EXPECT_EQ(ErrorOf([] { ParseInt("zz", 16); }),
            "strconv.ParseInt: parsing \"zz\": invalid syntax");
  EXPECT_EQ(ErrorOf([] { ParseInt("", 10); }), "strconv.ParseInt: parsing \"\": invalid syntax");
  EXPECT_EQ(ErrorOf([] { ParseInt("8000000000000000", 16); }),
            "strconv.ParseInt: parsing \"8000000000000000\": value out of range");
  EXPECT_EQ(ErrorOf([] { ParseUint("-1", 16); }),
            "strconv.ParseUint: parsing \"-1\": invalid syntax");
}

TEST(ParseBool, AcceptsGoSpellings) {
  for (const char* t : {"1", "t", "T", "true", "TRUE", "True"}) EXPECT_TRUE(ParseBool(t));
  for (const char* f : {"0", "f", "F", "false", "FALSE", "False"}) EXPECT_FALSE(ParseBool(f));
  EXPECT_EQ(ErrorOf([] { ParseBool("yes"); }), "strconv.ParseBool: parsing \"yes\": invalid syntax");
}

TEST(ParseDuration, GoGrammar) {
  EXPECT_EQ(ParseDuration("2s"), seconds(2));
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
  EXPECT_EQ(ParseDuration("1m30s"), seconds(90));
  EXPECT_EQ(ParseDuration("1.5h"), seconds(5400));
  EXPECT_EQ(ParseDuration("-1s"), seconds(-1));
  EXPECT_EQ(ParseDuration("0"), nanoseconds(0));
  EXPECT_EQ(ParseDuration("10us"), nanoseconds(10000));
  EXPECT_EQ(ErrorOf([] { ParseDuration("x"); }), "time: invalid duration \"x\"");
  EXPECT_EQ(ErrorOf([] { ParseDuration("5"); }), "time: missing unit in duration \"5\"");
  EXPECT_EQ(ErrorOf([] { ParseDuration("5y"); }), "time: unknown unit \"y\" in duration \"5y\"");
}

TEST(FormatDuration, GoDurationString) {
  EXPECT_EQ(FormatDuration(nanoseconds(0)), "0s");
  EXPECT_EQ(FormatDuration(nanoseconds(3651847)), "3.651847ms");
  EXPECT_EQ(FormatDuration(nanoseconds(850000)), "850\xc2\xb5s");
  EXPECT_EQ(FormatDuration(nanoseconds(1001397961)), "1.001397961s");
  EXPECT_EQ(FormatDuration(milliseconds(60500)), "1m0.5s");
  EXPECT_EQ(FormatDuration(seconds(3600)), "1h0m0s");
  EXPECT_EQ(FormatDuration(nanoseconds(12)), "12ns");
}

}  // namespace
}  // namespace ectl
