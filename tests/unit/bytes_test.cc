#include "common/bytes.h"

#include <gtest/gtest.h>

namespace ectl {
namespace {

using std::string_literals::operator""s;

std::string Printable(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += HexEscape(std::string_view(reinterpret_cast<char*>(&c), 1));
  return out;
}

TEST(HexEscape, EveryByte) {
  EXPECT_EQ(HexEscape("foo"), "\\x66\\x6f\\x6f");
  EXPECT_EQ(HexEscape("\0\xff"s), "\\x00\\xff");
  EXPECT_EQ(HexEscape(""), "");
}

TEST(GoQuote, MatchesGoStrconvQuote) {
  // Expected texts from go1.19.8's strconv.Quote: escapes, the printability edges
  // (U+034F is printable, U+0378, U+0600 and U+E0001 are not) and invalid UTF-8.
  struct Case {
    const char* in;
    const char* want;
  } cases[] = {
      {"", "\"\""},
      {"a", "\"a\""},
      {"\x07\x08\x0c\x0a\x0d\x09\x0b", "\"\\a\\b\\f\\n\\r\\t\\v\""},
      {"\x1b\x7f", "\"\\x1b\\x7f\""},
      {"\"\\", "\"\\\"\\\\\""},
      {"'", "\"'\""},
      {"\xc2\xa0", "\"\\u00a0\""},
      {"\xc2\xad", "\"\\u00ad\""},
      {"\xcd\x8f", "\"\xcd\x8f\""},
      {"\xcd\xb8", "\"\\u0378\""},
      {"\xd8\x80", "\"\\u0600\""},
      {"\xd8\x9c", "\"\\u061c\""},
      {"\xe1\x9a\x80", "\"\\u1680\""},
      {"\xe1\xa0\x8e", "\"\\u180e\""},
      {"\xe2\x80\x80", "\"\\u2000\""},
      {"\xe2\x80\x8b", "\"\\u200b\""},
      {"\xe2\x80\xa8", "\"\\u2028\""},
      {"\xe2\x80\xa9", "\"\\u2029\""},
      {"\xe2\x80\xaf", "\"\\u202f\""},
      {"\xe2\x81\x9f", "\"\\u205f\""},
      {"\xe2\x81\xa0", "\"\\u2060\""},
      {"\xe3\x80\x80", "\"\\u3000\""},
      {"\xed\x9f\xbf", "\"\\ud7ff\""},
      {"\xee\x80\x80", "\"\\ue000\""},
      {"\xef\xa3\xbf", "\"\\uf8ff\""},
      {"\xef\xb7\x90", "\"\\ufdd0\""},
      {"\xef\xbb\xbf", "\"\\ufeff\""},
      {"\xef\xbf\xb9", "\"\\ufff9\""},
      {"\xef\xbf\xbc", "\"\xef\xbf\xbc\""},
      {"\xef\xbf\xbd", "\"\xef\xbf\xbd\""},
      {"\xef\xbf\xbe", "\"\\ufffe\""},
      {"\xef\xbf\xbf", "\"\\uffff\""},
      {"\xf0\x90\x80\x80", "\"\xf0\x90\x80\x80\""},
      {"\xf0\x90\x80\x8c", "\"\\U0001000c\""},
      {"\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\""},
      {"\xf0\x9f\xbf\xbe", "\"\\U0001fffe\""},
      {"\xf0\xa0\x80\x80", "\"\xf0\xa0\x80\x80\""},
      {"\xf0\xaa\x9b\x9d", "\"\xf0\xaa\x9b\x9d\""},
      {"\xf0\xaa\x9b\x9e", "\"\\U0002a6de\""},
      {"\xf0\xb1\x8d\x8a", "\"\xf0\xb1\x8d\x8a\""},
      {"\xf0\xb1\x8d\x8b", "\"\\U0003134b\""},
      {"\xf3\xa0\x80\x81", "\"\\U000e0001\""},
      {"\xf3\xa0\x80\xa0", "\"\\U000e0020\""},
      {"\xf3\xa0\x84\x80", "\"\xf3\xa0\x84\x80\""},
      {"\xf3\xa0\x87\xaf", "\"\xf3\xa0\x87\xaf\""},
      {"\xf3\xb0\x80\x80", "\"\\U000f0000\""},
      {"\xf4\x8f\xbf\xbf", "\"\\U0010ffff\""},
      {"\x80", "\"\\x80\""},
      {"\xbf", "\"\\xbf\""},
      {"\xc0\x80", "\"\\xc0\\x80\""},
      {"\xc1\xbf", "\"\\xc1\\xbf\""},
      {"\xc2", "\"\\xc2\""},
      {"\xc2""A", "\"\\xc2A\""},
      {"\xe0\x80\x80", "\"\\xe0\\x80\\x80\""},
      {"\xe0\xa0", "\"\\xe0\\xa0\""},
      {"\xed\xa0\x80", "\"\\xed\\xa0\\x80\""},
      {"\xed\xbf\xbf", "\"\\xed\\xbf\\xbf\""},
      {"\xef\xbf\xbd", "\"\xef\xbf\xbd\""},
      {"\xf0\x80\x80\x80", "\"\\xf0\\x80\\x80\\x80\""},
      {"\xf0\x90\x80", "\"\\xf0\\x90\\x80\""},
      {"\xf4\x90\x80\x80", "\"\\xf4\\x90\\x80\\x80\""},
      {"\xf5\x80\x80\x80", "\"\\xf5\\x80\\x80\\x80\""},
      {"\xff\xfe", "\"\\xff\\xfe\""},
      {"a\xe2\x82z", "\"a\\xe2\\x82z\""},
  };
  for (const auto& c : cases) EXPECT_EQ(GoQuote(c.in), c.want) << c.in;
  EXPECT_EQ(GoQuote("\0"s), "\"\\x00\"");
}

TEST(GoIsPrint, GeneratedTableEdges) {
  EXPECT_TRUE(GoIsPrint(' '));
  EXPECT_FALSE(GoIsPrint(0x7f));
  EXPECT_FALSE(GoIsPrint(0xad));
  EXPECT_TRUE(GoIsPrint(0x34f));
  EXPECT_FALSE(GoIsPrint(0x378));
  EXPECT_FALSE(GoIsPrint(0x600));
  EXPECT_FALSE(GoIsPrint(0xe0001));
  EXPECT_TRUE(GoIsPrint(0x1f600));
  EXPECT_FALSE(GoIsPrint(0xd800));
  EXPECT_FALSE(GoIsPrint(0x10ffff));
  EXPECT_FALSE(GoIsPrint(0x110000));
}

TEST(DecodeRune, GoUtf8Rules) {
  auto decode = [](std::string_view s) { return DecodeRune(s, 0); };
  EXPECT_EQ(decode("a").value, U'a');
  EXPECT_EQ(decode("\xc3\xa9").value, U'\u00e9');
  EXPECT_EQ(decode("\xc3\xa9").size, 2u);
  EXPECT_EQ(decode("\xf0\x9f\x98\x80").size, 4u);
  for (std::string_view bad : {"\x80", "\xc0\x80", "\xc2", "\xe0\x80\x80", "\xed\xa0\x80",
                               "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff"}) {
    EXPECT_EQ(decode(bad).value, U'\ufffd') << Printable(bad);
    EXPECT_EQ(decode(bad).size, 1u);
  }
  EXPECT_EQ(decode("\xef\xbf\xbd").size, 3u);  // a real U+FFFD
  std::string out;
  AppendRune(out, 0xd800);
  AppendRune(out, 0x10ffff);
  EXPECT_EQ(out, "\xef\xbf\xbd\xf4\x8f\xbf\xbf");
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
