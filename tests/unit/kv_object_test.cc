#include "output/kv_object.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "common/bytes.h"
#include "mvccpb/kv.pb.h"

namespace ectl::output {
namespace {

mvccpb::KeyValue Kv(std::string key, std::string value, int64_t lease = 0) {
  mvccpb::KeyValue kv;
  kv.set_key(std::move(key));
  kv.set_value(std::move(value));
  kv.set_create_revision(2);
  kv.set_mod_revision(5);
  kv.set_version(3);
  kv.set_lease(lease);
  return kv;
}

std::string Line(const mvccpb::KeyValue& kv) {
  std::string out;
  AppendKeyValueLine(out, kv);
  return out;
}

mvccpb::KeyValue Parse(const std::string& text) {
  mvccpb::KeyValue kv;
  KeyValueFromObject(nlohmann::ordered_json::parse(text), kv);
  return kv;
}

TEST(KeyValueObject, TextFieldsInOrderLeaseOmittedWhenZero) {
  EXPECT_EQ(Line(Kv("foo", "bar")),
            "{\"key\":\"foo\",\"value\":\"bar\",\"create_revision\":2,\"mod_revision\":5,"
            "\"version\":3}\n");
}

TEST(KeyValueObject, LeaseInLowercaseHex) {
  EXPECT_EQ(Line(Kv("k", "", 0x694d77a1b2c3d4e5)),
            "{\"key\":\"k\",\"value\":\"\",\"create_revision\":2,\"mod_revision\":5,"
            "\"version\":3,\"lease\":\"694d77a1b2c3d4e5\"}\n");
}

TEST(KeyValueObject, InvalidUtf8AsBase64AndUnicodeAsText) {
  EXPECT_EQ(Line(Kv(std::string("a\xff", 2), "h\xc3\xa9\n\"")),
            "{\"key_base64\":\"Yf8=\",\"value\":\"h\xc3\xa9\\n\\\"\",\"create_revision\":2,"
            "\"mod_revision\":5,\"version\":3}\n");
  // A surrogate encoded in UTF-8 is not valid UTF-8 for Go either.
  EXPECT_EQ(KeyValueObject(Kv("\xed\xa0\x80", "v")).count("key_base64"), 1u);
}

TEST(KeyValueObject, RoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  for (const std::string& bytes : {all, std::string("\0", 1), std::string("x\0y", 3),
                                   std::string("\n\r\t"), std::string("\xe2\x82\xac")}) {
    mvccpb::KeyValue kv = Kv(bytes, bytes + "v", 7);
    mvccpb::KeyValue back = Parse(KeyValueObject(kv).dump());
    EXPECT_EQ(back.key(), kv.key());
    EXPECT_EQ(back.value(), kv.value());
    EXPECT_EQ(back.lease(), 7);
    EXPECT_EQ(KeyValueObject(kv).at("lease"), "0000000000000007");  // lease grant's %016x
    EXPECT_EQ(back.create_revision(), 2);
    EXPECT_EQ(back.mod_revision(), 5);
    EXPECT_EQ(back.version(), 3);
  }
}

TEST(KeyValueObject, ParserAcceptsMinimalObject) {
  mvccpb::KeyValue kv = Parse(R"({"value_base64":"AP8=","key":"k","extra":1})");
  EXPECT_EQ(kv.key(), "k");
  EXPECT_EQ(kv.value(), std::string("\0\xff", 2));
  EXPECT_EQ(kv.lease(), 0);
  EXPECT_EQ(kv.version(), 0);
}

TEST(KeyValueObject, ParserRefusals) {
  auto what = [](const std::string& text) -> std::string {
    try {
      Parse(text);
    } catch (const KeyValueObjectError& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(what("[1]"), "not a JSON object");
  EXPECT_EQ(what(R"({"value":"v"})"), "no key or key_base64");
  EXPECT_EQ(what(R"({"key":"k"})"), "no value or value_base64");
  EXPECT_EQ(what(R"({"key":"k","key_base64":"aw==","value":""})"),
            "both key and key_base64 given");
  EXPECT_EQ(what(R"({"key":"","value":""})"), "empty key");
  EXPECT_EQ(what(R"({"key":1,"value":""})"), "key: not a string");
  EXPECT_EQ(what(R"({"key":"k","value_base64":"a"})"), "value_base64: not valid base64");
  EXPECT_EQ(what(R"({"key":"k","value":"","version":"3"})"), "version: not an integer");
  EXPECT_EQ(what(R"({"key":"k","value":"","version":1.5})"), "version: not an integer");
  EXPECT_EQ(what(R"({"key":"k","value":"","lease":"xyz"})"), "lease: not a hex lease ID: xyz");
  EXPECT_EQ(what(R"({"key":"k","value":"","lease":12})"), "lease: not a hex string");
}

TEST(Base64Decode, StrictPaddingAndAlphabet) {
  std::string out;
  EXPECT_TRUE(DecodeBase64("", out));
  EXPECT_EQ(out, "");
  EXPECT_TRUE(DecodeBase64("Zm9vYg==", out));
  EXPECT_EQ(out, "foob");
  EXPECT_TRUE(DecodeBase64("Zm9vYmE=", out));
  EXPECT_EQ(out, "fooba");
  EXPECT_TRUE(DecodeBase64("Zm9vYmFy", out));
  EXPECT_EQ(out, "foobar");
  EXPECT_FALSE(DecodeBase64("Zm9vYg", out));
  EXPECT_FALSE(DecodeBase64("Zm9v!mFy", out));
  EXPECT_FALSE(DecodeBase64("Zg==Zm9v", out));
  EXPECT_FALSE(DecodeBase64("Z===", out));
  EXPECT_FALSE(DecodeBase64("Zm=v", out));
}

TEST(Utf8, Validity) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain \xef\xbf\xbd \xf0\x9f\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xe2\x82"));          // truncated
}

}  // namespace
}  // namespace ectl::output
