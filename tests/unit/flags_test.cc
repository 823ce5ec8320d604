// The pflag-compatible flag parser: every form pflag accepts, and its error texts.
#include "cli/flags.h"

#include <gtest/gtest.h>

namespace ectl::cli {
namespace {

struct Options {
  bool prefix = false;
  bool interactive = false;
  std::string out = "simple";
  int64_t limit = 0;
  std::chrono::nanoseconds timeout = std::chrono::seconds(5);
  std::vector<std::string> endpoints{"127.0.0.1:2379"};
};

class Flags : public ::testing::Test {
 protected:
  Flags() {
    set_.Bool(&o_.prefix, "prefix", "p");
    set_.Bool(&o_.interactive, "interactive", "i", 'i');
    set_.String(&o_.out, "write-out", "w", 'w');
    set_.Int(&o_.limit, "limit", "l");
    set_.Duration(&o_.timeout, "command-timeout", "t");
    set_.StringSlice(&o_.endpoints, "endpoints", "e");
  }
  std::vector<std::string> Parse(std::vector<std::string> words) {
    return ParseFlags(words, {&set_});
  }
  std::string Fails(std::vector<std::string> words) {
    try {
      Parse(std::move(words));
    } catch (const FlagError& e) {
      return e.what();
    }
    return "(no error)";
  }
  Options o_;
  FlagSet set_;
};

TEST_F(Flags, LongForms) {
  EXPECT_EQ(Parse({"a", "--write-out", "json", "b", "--limit=7", "--prefix"}),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(o_.out, "json");
  EXPECT_EQ(o_.limit, 7);
  EXPECT_TRUE(o_.prefix);
  EXPECT_TRUE(set_.Lookup("limit")->changed);
  EXPECT_FALSE(set_.Lookup("command-timeout")->changed);
}

TEST_F(Flags, BoolTakesAValueOnlyAfterEquals) {
  EXPECT_EQ(Parse({"--prefix", "false"}), std::vector<std::string>{"false"});
  EXPECT_TRUE(o_.prefix);
  Parse({"--prefix=false"});
  EXPECT_FALSE(o_.prefix);
}

TEST_F(Flags, ShorthandForms) {
  Parse({"-w", "json"});
  EXPECT_EQ(o_.out, "json");
  Parse({"-wfields"});
  EXPECT_EQ(o_.out, "fields");
  Parse({"-w=table"});  // pflag takes the value after '='
  EXPECT_EQ(o_.out, "table");
  Parse({"-i=false"});
  EXPECT_FALSE(o_.interactive);
  Parse({"-iw", "x"});  // a cluster: -i, then -w with the next word
  EXPECT_TRUE(o_.interactive);
  EXPECT_EQ(o_.out, "x");
  Parse({"-w="});  // too short for the '=' form: the value is "="
  EXPECT_EQ(o_.out, "=");
}

TEST_F(Flags, EmptyValues) {
  Parse({"--write-out="});
  EXPECT_EQ(o_.out, "");
  EXPECT_TRUE(set_.Lookup("write-out")->changed);
}

TEST_F(Flags, DoubleDashEndsFlags) {
  EXPECT_EQ(Parse({"a", "--", "--prefix", "-w"}), (std::vector<std::string>{"a", "--prefix", "-w"}));
  EXPECT_FALSE(o_.prefix);
  EXPECT_EQ(Parse({"-", "x"}), (std::vector<std::string>{"-", "x"}));
}

TEST_F(Flags, StringSliceFirstValueReplacesDefault) {
  Parse({"--endpoints", "a:1,b:2", "--endpoints=c:3"});
  EXPECT_EQ(o_.endpoints, (std::vector<std::string>{"a:1", "b:2", "c:3"}));
}

TEST_F(Flags, ErrorTexts) {
  EXPECT_EQ(Fails({"--bogus"}), "unknown flag: --bogus");
  EXPECT_EQ(Fails({"--bogus=1"}), "unknown flag: --bogus");
  EXPECT_EQ(Fails({"-x"}), "unknown shorthand flag: 'x' in -x");
  EXPECT_EQ(Fails({"-ix"}), "unknown shorthand flag: 'x' in -x");
  EXPECT_EQ(Fails({"--limit"}), "flag needs an argument: --limit");
  EXPECT_EQ(Fails({"-w"}), "flag needs an argument: 'w' in -w");
  EXPECT_EQ(Fails({"---x"}), "bad flag syntax: ---x");
  EXPECT_EQ(Fails({"--=x"}), "bad flag syntax: --=x");
  EXPECT_EQ(Fails({"--limit=abc"}),
            "invalid argument \"abc\" for \"--limit\" flag: strconv.ParseInt: parsing \"abc\": "
            "invalid syntax");
  EXPECT_EQ(Fails({"-i=maybe"}),
            "invalid argument \"maybe\" for \"-i, --interactive\" flag: strconv.ParseBool: "
            "parsing \"maybe\": invalid syntax");
  EXPECT_EQ(Fails({"--command-timeout", "x"}),
            "invalid argument \"x\" for \"--command-timeout\" flag: time: invalid duration \"x\"");
  EXPECT_EQ(Fails({"--help"}), "pflag: help requested");
  EXPECT_EQ(Fails({"-h"}), "pflag: help requested");
}

TEST_F(Flags, ErrorNamesTheWord) {
  try {
    Parse({"a", "b", "--bogus"});
    FAIL();
  } catch (const FlagError& e) {
    EXPECT_EQ(e.word_index(), 2u);
  }
}

TEST_F(Flags, SeparateValueDetection) {
  std::vector<FlagSet*> sets{&set_};
  EXPECT_TRUE(TakesSeparateValue("--write-out", sets));
  EXPECT_TRUE(TakesSeparateValue("-w", sets));
  EXPECT_TRUE(TakesSeparateValue("-iw", sets));
  EXPECT_FALSE(TakesSeparateValue("--write-out=json", sets));
  EXPECT_FALSE(TakesSeparateValue("-wjson", sets));
  EXPECT_FALSE(TakesSeparateValue("--prefix", sets));
  EXPECT_FALSE(TakesSeparateValue("--unknown", sets));
}

TEST(ParseCsv, PflagStringSlice) {
  EXPECT_EQ(ParseCsv("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ParseCsv("\"a,b\",c"), (std::vector<std::string>{"a,b", "c"}));
  EXPECT_EQ(ParseCsv(","), (std::vector<std::string>{"", ""}));
  EXPECT_TRUE(ParseCsv("").empty());
}

}  // namespace
}  // namespace ectl::cli
