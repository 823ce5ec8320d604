#include "common/bytes.h"

#include <gtest/gtest.h>

namespace ectl {
namespace {

using std::string_literals::operator""s;

TEST(HexEscape, EveryByte) {
  EXPECT_EQ(HexEscape("foo"), "\\x66\\x6f\\x6f");
  EXPECT_EQ(HexEscape("\0\xff"s), "\\x00\\xff");
  EXPECT_EQ(HexEscape(""), "");
}

TEST(GoQuote, MatchesGoStrconvQuote) {
  struct Case {
    std::string in, want;
  } cases[] = {
      {"foo", "\"foo\""},
      {"tab\"q\\", "\"tab\\\"q\\\\\""},
      {"\xc3\xa9\x01\t", "\"\xc3\xa9\\x01\\t\""},  // é kept, control escaped
      {"\xff\xfe", "\"\\xff\\xfe\""},               // invalid UTF-8
      {"\0"s, "\"\\x00\""},
      {"\a\b\f\n\r\v", "\"\\a\\b\\f\\n\\r\\v\""},
      {"\x7f", "\"\\x7f\""},
      {"\xc2\xa0", "\"\\u00a0\""},                  // no-break space is not printable in Go
      {"\xe2\x80\xa8", "\"\\u2028\""},
      {"\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\""},  // emoji kept
      {"\xed\xa0\x80", "\"\\xed\\xa0\\x80\""},       // a surrogate is invalid UTF-8
  };
  for (const auto& c : cases) EXPECT_EQ(GoQuote(c.in), c.want) << c.in;
}

TEST(JsonString, GoEncodingJsonEscaping) {
  auto json = [](std::string_view s) {
    std::string out;
    AppendJsonString(out, s);
    return out;
  };
  EXPECT_EQ(json("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json("<a>&"), "\"\\u003ca\\u003e\\u0026\"");
  EXPECT_EQ(json("\n\r\t\x01"), "\"\\n\\r\\t\\u0001\"");
  EXPECT_EQ(json("\xff"), "\"\\ufffd\"");
  EXPECT_EQ(json("\xe2\x80\xa8\xe2\x80\xa9"), "\"\\u2028\\u2029\"");
  EXPECT_EQ(json("\xc3\xa9"), "\"\xc3\xa9\"");
}

TEST(Base64, PaddedStandardAlphabet) {
  auto b64 = [](std::string_view s) {
    std::string out;
    AppendBase64(out, s);
    return out;
  };
  EXPECT_EQ(b64("foo"), "Zm9v");
  EXPECT_EQ(b64("fo"), "Zm8=");
  EXPECT_EQ(b64("f"), "Zg==");
  EXPECT_EQ(b64("\xff\xfe"), "//4=");
  EXPECT_EQ(b64(""), "");
}

TEST(PrefixEnd, IncrementsLastByteBelowFF) {
  EXPECT_EQ(PrefixEnd("foo"), "fop");
  EXPECT_EQ(PrefixEnd("a\xff"), "b");
  EXPECT_EQ(PrefixEnd("\xff\xff"), "\0"s);
  EXPECT_EQ(PrefixEnd(""), "\0"s);
}

}  // namespace
}  // namespace ectl
