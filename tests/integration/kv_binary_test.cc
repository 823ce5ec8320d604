// Keys and values that are not plain text: NUL bytes, invalid UTF-8, control
// characters, quotes, backslashes, non-ASCII UTF-8 and the characters Go's
// JSON encoder escapes (<, >, &, U+2028). Values go in through stdin (the only
// way to pass NUL), keys through argv (anything but NUL); both must be
// stored exactly and print exactly as etcdctl prints them.

#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

struct Sample {
  std::string name;
  std::string bytes;
};

std::string AllBytes() {
  std::string s;
  for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
  return s;
}

const std::vector<Sample>& ValueSamples() {
  static const std::vector<Sample> kSamples = {
      {"nul", std::string("a\0b\0", 4)},
      {"only_nul", std::string(1, '\0')},
      {"invalid_utf8", "\xff\xfe"},
      {"newlines", "line1\nline2\n"},
      {"crlf", "a\r\nb"},
      {"tab", "a\tb"},
      {"quote", "say \"hi\""},
      {"backslash", "back\\slash\\"},
      {"utf8",
       "\xc3\xa9\xe6\x97\xa5\xe6\x9c\xac\xf0\x9f\x99\x82"},  // é日本🙂
      {"html", "<a href=\"x\">&amp;</a>"},
      {"control", "\x01\x1b\x7f"},
      {"line_separators", "\xe2\x80\xa8\xe2\x80\xa9"},  // U+2028 U+2029
      {"spaces", " leading and trailing "},
      {"percent", "%s %d %%"},
      {"all_bytes", AllBytes()},
  };
  return kSamples;
}

// Keys cannot contain NUL (argv strings end there); everything else can.
const std::vector<Sample>& KeySamples() {
  static const std::vector<Sample> kSamples = {
      {"invalid_utf8", "k\xff\xfe"},
      {"newline", "k\nnl"},
      {"tab", "k\ttab"},
      {"quote", "k\"q"},
      {"backslash", "k\\b"},
      {"utf8", "k\xc3\xa9\xe6\x97\xa5"},
      {"html", "k<>&"},
      {"control", "k\x01\x1b"},
      {"space", "k with space"},
      {"high_bytes", "k\x80\xc0\xf5"},
  };
  return kSamples;
}

class KvBinary : public EtcdSuite {
 protected:
  // Every read format of `key`, compared with the oracle.
  void ExpectReadsMatch(const Args& get_args) {
    for (const OutputVariant& v : OutputVariants()) {
      SCOPED_TRACE(v.label);
      EXPECT_EQ(ExpectSameAsOracle(Cmd(WithFlags(v.flags, get_args))).exit_code,
                0);
    }
    Args value_only = get_args;
    value_only.push_back("--print-value-only");
    EXPECT_EQ(ExpectSameAsOracle(Cmd(value_only)).exit_code, 0);
  }
};

TEST_F(KvBinary, ValuesRoundTripThroughStdin) {
  for (const Sample& s : ValueSamples()) {
    SCOPED_TRACE(s.name);
    const std::string key = "v/" + s.name;
    RunResult put = RunTool(Tool::kEctl, Cmd({"put", key}, s.bytes));
    EXPECT_EQ(put.exit_code, 0) << put.err;
    EXPECT_EQ(put.out, "OK\n");
    EXPECT_EQ(StoredValue(key).value_or("<missing>"), s.bytes);
    RunResult value_only =
        RunTool(Tool::kEctl, Cmd({"get", key, "--print-value-only"}));
    EXPECT_EQ(Printable(value_only.out), Printable(s.bytes + "\n"));
    ExpectReadsMatch({"get", key});
  }
  ExpectReadsMatch({"get", "--prefix", "v/"});
}

TEST_F(KvBinary, KeysRoundTripThroughArguments) {
  for (const Sample& s : KeySamples()) {
    SCOPED_TRACE(s.name);
    RunResult put =
        RunTool(Tool::kEctl, Cmd({"put", s.bytes, "val:" + s.name}));
    EXPECT_EQ(put.exit_code, 0) << put.err;
    EXPECT_EQ(StoredValue(s.bytes).value_or("<missing>"), "val:" + s.name);
    ExpectReadsMatch({"get", s.bytes});
  }
  ExpectReadsMatch({"get", "--prefix", "k"});
  ExpectReadsMatch({"get", "--prefix", "k", "--keys-only"});
}

TEST_F(KvBinary, DashKeyAndValueNeedDoubleDash) {
  RunResult put = RunTool(Tool::kEctl, Cmd({"put", "--", "-k", "-v"}));
  EXPECT_EQ(put.exit_code, 0) << put.err;
  EXPECT_EQ(StoredValue("-k").value_or("<missing>"), "-v");
  ExpectReadsMatch({"get", "--", "-k"});
}

// --prefix computes range_end by incrementing the last byte below 0xff;
// trailing 0xff bytes are dropped and an all-0xff prefix means "to the end".
TEST_F(KvBinary, PrefixRangesAroundFfBytes) {
  for (const std::string& key :
       {std::string("a\xff"), std::string("a\xff\x01"), std::string("a\xfe"),
        std::string("b"), std::string("\xff"), std::string("\xff\xff\x02")}) {
    Put(key, "x");
  }
  for (const std::string& prefix :
       {std::string("a\xff"), std::string("a"), std::string("\xff"),
        std::string("\xff\xff")}) {
    SCOPED_TRACE(Printable(prefix));
    ExpectSameAsOracle(Cmd({"get", "--prefix", prefix, "--keys-only"}));
    ExpectSameAsOracle(Cmd({"get", "--from-key", prefix, "--keys-only"}));
  }
}

TEST_F(KvBinary, PrevKvWithBinaryValues) {
  auto seed = [] {
    Put("bin", std::string("old\0\xff\n\"<&>", 10));
    Put("bin2", "\xe2\x80\xa8");
  };
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    ExpectSameMutationAsOracle(
        Cmd(WithFlags(v.flags, {"put", "bin", "--prev-kv"}),
            std::string("new\0\x01", 5)),
        v.format, seed);
    ExpectSameMutationAsOracle(
        Cmd(WithFlags(v.flags, {"del", "--prefix", "bin", "--prev-kv"})),
        v.format, seed);
  }
}

TEST_F(KvBinary, LargeValueThroughStdin) {
  std::string value;
  for (int i = 0; value.size() < 1'000'000; ++i)
    value += static_cast<char>((i * 131) % 256);
  RunResult put = RunTool(Tool::kEctl, Cmd({"put", "large"}, value));
  EXPECT_EQ(put.exit_code, 0) << put.err;
  EXPECT_TRUE(StoredValue("large") == value) << "stored value differs";
  for (const char* format : {"json", "protobuf", "simple"}) {
    SCOPED_TRACE(format);
    // Not through ExpectSameAsOracle: a failure would print megabytes.
    Invocation inv = Cmd({"get", "large", "-w", format});
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
    EXPECT_EQ(ectl.out.size(), oracle.out.size());
    EXPECT_TRUE(ectl.out == oracle.out) << "outputs differ";
  }
}

}  // namespace
}  // namespace ectl::integration
