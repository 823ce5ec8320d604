// The txn grammar: compare lines (every target and operator, Go quoting, etcdctl's error
// texts), argify, the section reader (blank lines, CRLF, EOF) and the >=/<= plan.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "txn/argify.h"
#include "txn/compare.h"
#include "txn/go_text.h"
#include "txn/grammar.h"
#include "txn/line_error.h"
#include "txn/plan.h"

namespace ectl::txn {
namespace {

using etcdserverpb::Compare;

struct CompareCase {
  std::string line;
  Compare::CompareTarget target;
  Compare::CompareResult result;
  std::string key;
  int64_t number;     // for integer targets
  std::string value;  // for value
  bool or_equal = false;
};

TEST(TxnCompare, EveryTargetAndOperator) {
  const std::vector<CompareCase> cases = {
      {R"(ver("k") = "3")", Compare::VERSION, Compare::EQUAL, "k", 3, ""},
      {R"(version("k") != "3")", Compare::VERSION, Compare::NOT_EQUAL, "k", 3, ""},
      {R"(c("k") < "7")", Compare::CREATE, Compare::LESS, "k", 7, ""},
      {R"(create("k") > "7")", Compare::CREATE, Compare::GREATER, "k", 7, ""},
      {R"(m("k") = "-2")", Compare::MOD, Compare::EQUAL, "k", -2, ""},
      {R"(mod("k") > "+5")", Compare::MOD, Compare::GREATER, "k", 5, ""},
      {R"(lease("k") = "1a")", Compare::LEASE, Compare::EQUAL, "k", 0x1a, ""},
      {R"(lease("k") != "0")", Compare::LEASE, Compare::NOT_EQUAL, "k", 0, ""},
      {R"(val("k") = "v")", Compare::VALUE, Compare::EQUAL, "k", 0, "v"},
      {R"(value("k") < "v")", Compare::VALUE, Compare::LESS, "k", 0, "v"},
      // <= and >= on integers: < n+1 and > n-1.
      {R"(ver("k") <= "3")", Compare::VERSION, Compare::LESS, "k", 4, ""},
      {R"(ver("k") >= "3")", Compare::VERSION, Compare::GREATER, "k", 2, ""},
      {R"(lease("k") >= "10")", Compare::LEASE, Compare::GREATER, "k", 0xf, ""},
      // <= and >= on values.
      {R"(val("k") <= "b")", Compare::VALUE, Compare::LESS, "k", 0, std::string("b\0", 2)},
      {R"(val("k") >= "b\x00")", Compare::VALUE, Compare::GREATER, "k", 0, "b"},
      {R"(val("k") >= "b")", Compare::VALUE, Compare::GREATER, "k", 0, "b", true},
      {R"(val("k") >= "")", Compare::CREATE, Compare::GREATER, "k", 0, ""},
      // Spacing and quoting as fmt.Sscanf allows it.
      {"val(  \"k\")   =\t\"v\"", Compare::VALUE, Compare::EQUAL, "k", 0, "v"},
      {"val(`k\\n`) = `a\"b`", Compare::VALUE, Compare::EQUAL, "k\\n", 0, "a\"b"},
      {R"(val("k") = "v" trailing words)", Compare::VALUE, Compare::EQUAL, "k", 0, "v"},
      {R"(val("a\nb\x00\"\\\t\u00e9\101") = "")", Compare::VALUE, Compare::EQUAL,
       std::string("a\nb\0\"\\\t\xc3\xa9" "A", 10), 0, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    ParsedCompare p = ParseCompare(c.line);
    EXPECT_EQ(p.compare.target(), c.target);
    EXPECT_EQ(p.compare.result(), c.result);
    EXPECT_EQ(p.compare.key(), c.key);
    EXPECT_EQ(p.or_equal, c.or_equal);
    switch (c.target) {
      case Compare::VERSION: EXPECT_EQ(p.compare.version(), c.number); break;
      case Compare::CREATE: EXPECT_EQ(p.compare.create_revision(), c.number); break;
      case Compare::MOD: EXPECT_EQ(p.compare.mod_revision(), c.number); break;
      case Compare::LEASE: EXPECT_EQ(p.compare.lease(), c.number); break;
      default: EXPECT_EQ(p.compare.value(), c.value); break;
    }
    EXPECT_TRUE(p.compare.range_end().empty());
  }
}

struct ErrorCase {
  std::string line;
  std::string message;
  size_t offset;
};

TEST(TxnCompare, ErrorsAsEtcdctl) {
  const std::vector<ErrorCase> cases = {
      {"bogus", "malformed comparison: bogus", 5},
      {R"(mod(key1) > "1")", R"(malformed comparison: mod(key1) > "1"; got mod("")  "")", 4},
      {R"(val("k" = "x")", R"(malformed comparison: val("k" = "x"; got val("k")  "")", 7},
      {R"(val("k"))", R"(malformed comparison: val("k"); got val("k")  "")", 8},
      {R"(val("k") =)", R"(malformed comparison: val("k") =; got val("k") = "")", 10},
      {R"(val("k") = "x)", R"(malformed comparison: val("k") = "x; got val("k") = "")", 13},
      {R"(val("k")="x")", R"(malformed comparison: val("k")="x"; got val("k")  "")", 8},
      {R"(val("\q") = "v")", R"(malformed comparison: val("\q") = "v"; got val("")  "")", 4},
      {R"(val("k") = v)", R"(malformed comparison: val("k") = v; got val("k") = "")", 11},
      {R"(foo("k") = "1")", R"(malformed comparison: foo("k") = "1" (unknown target foo))", 0},
      {R"(ver ("k") = "1")", R"(malformed comparison: ver ("k") = "1" (unknown target ver ))", 0},
      {R"(ver("k") = "x")", R"(invalid txn compare request: ver("k") = "x")", 11},
      {R"(c("k") = "1.5")", R"(invalid txn compare request: c("k") = "1.5")", 9},
      {R"(m("k") = "99999999999999999999")",
       R"(invalid txn compare request: m("k") = "99999999999999999999")", 9},
      {R"(lease("k") = "xyz")", R"(invalid txn compare request: lease("k") = "xyz")", 13},
      // etcdctl panics on these.
      {R"(val("k") == "v")", R"(malformed comparison: val("k") == "v" (unknown operator ==))", 9},
      {R"(ver("k") => "1")", R"(malformed comparison: ver("k") => "1" (unknown operator =>))", 9},
      {R"(ver("k") >= "-9223372036854775808")",
       R"(malformed comparison: ver("k") >= "-9223372036854775808" (>= -9223372036854775808 is out of range))",
       12},
      {R"(ver("k") <= "9223372036854775807")",
       R"(malformed comparison: ver("k") <= "9223372036854775807" (<= 9223372036854775807 is out of range))",
       12},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    try {
      ParseCompare(c.line);
      ADD_FAILURE() << "no error";
    } catch (const LineError& e) {
      EXPECT_EQ(e.what(), c.message);
      EXPECT_EQ(e.code(), ExitCode::kInvalidInput);
      EXPECT_EQ(e.offset(), c.offset);
    }
  }
}

TEST(TxnGoText, Unquote) {
  EXPECT_EQ(GoUnquote(R"("a\x00\n\"\\")").value(), std::string("a\0\n\"\\", 5));
  EXPECT_EQ(GoUnquote(R"("\u00e9\U0001F600\377")").value(), "\xc3\xa9\xf0\x9f\x98\x80\xff");
  EXPECT_EQ(GoUnquote("`a\r\\n`").value(), "a\\n");
  EXPECT_FALSE(GoUnquote(R"("\q")"));
  EXPECT_FALSE(GoUnquote(R"("\x4")"));
  EXPECT_FALSE(GoUnquote(R"("\400")"));
  EXPECT_FALSE(GoUnquote(R"("\ud800")"));
  EXPECT_FALSE(GoUnquote(R"("\U00110000")"));
  EXPECT_FALSE(GoUnquote(R"("\'")"));
  EXPECT_FALSE(GoUnquote("\"a\nb\""));
  EXPECT_FALSE(GoUnquote(R"("abc)"));
}

TEST(TxnGoText, TrimSpace) {
  EXPECT_EQ(GoTrimSpace(" \t a b\r\n"), "a b");
  EXPECT_EQ(GoTrimSpace("\xc2\xa0x\xe3\x80\x80"), "x");  // U+00A0, U+3000
  EXPECT_EQ(GoTrimSpace("x\xff"), "x\xff");
  EXPECT_EQ(GoTrimSpace("\r"), "");
}

std::vector<std::string> Texts(const std::vector<Word>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) out.push_back(w.text);
  return out;
}

TEST(TxnArgify, SplitsAndUnquotesLikeEtcdctl) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Texts(Argify("put k v")), (V{"put", "k", "v"}));
  EXPECT_EQ(Texts(Argify(R"(put "a b" "c\td\x00")")),
            (V{"put", "a b", std::string("c\td\0", 4)}));
  // Single quotes are stripped by the word's own length (etcdctl 3.4 uses the word
  // count: `put 'sq' 'single quoted'` would store "s" = "s").
  EXPECT_EQ(Texts(Argify("put 'sq' 'single quoted'")), (V{"put", "sq", "single quoted"}));
  EXPECT_EQ(Texts(Argify("put ''  x")), (V{"put", "", "x"}));
  // A bare word runs to the next blank, quotes included.
  EXPECT_EQ(Texts(Argify(R"(put k"x y"z)")), (V{"put", "k\"x", "y\"z"}));
  // A quote that opens no complete quoted word is skipped.
  EXPECT_EQ(Texts(Argify(R"(put "k v)")), (V{"put", "k", "v"}));
  EXPECT_EQ(Texts(Argify("put 'k v")), (V{"put", "k", "v"}));
  EXPECT_EQ(Texts(Argify(R"(put "a"b)")), (V{"put", "a", "b"}));
  std::vector<Word> w = Argify("  get  \"k\"");
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].offset, 2u);
  EXPECT_EQ(w[1].offset, 7u);
}

TEST(TxnArgify, BadDoubleQuotedWord) {
  try {
    Argify(R"(put "k\q" v)");
    ADD_FAILURE() << "no error";
  } catch (const LineError& e) {
    EXPECT_STREQ(e.what(), "invalid syntax");
    EXPECT_EQ(e.code(), ExitCode::kInvalidInput);
    EXPECT_EQ(e.offset(), 4u);
  }
}

// An op parser that records the words as a put of their concatenation.
etcdserverpb::RequestOp FakeOp(const std::vector<Word>& words, std::string_view) {
  etcdserverpb::RequestOp op;
  std::string joined;
  for (const auto& w : words) joined += w.text + "|";
  op.mutable_request_put()->set_key(joined);
  return op;
}

TxnPlan Read(const std::string& input, std::vector<Section>* sections = nullptr) {
  std::istringstream in(input);
  return ReadTxn(in, FakeOp, [&](Section s) {
    if (sections) sections->push_back(s);
  });
}

TEST(TxnReader, Sections) {
  std::vector<Section> sections;
  TxnPlan p = Read("val(\"a\") = \"1\"\nver(\"b\") > \"0\"\n\nput a 2\n\nget b x\ndel c\n\nignored",
                   &sections);
  EXPECT_EQ(sections, (std::vector<Section>{Section::kCompares, Section::kSuccess,
                                            Section::kFailure}));
  EXPECT_EQ(p.nesting, 0);
  ASSERT_EQ(p.request.compare_size(), 2);
  ASSERT_EQ(p.request.success_size(), 1);
  EXPECT_EQ(p.request.success(0).request_put().key(), "put|a|2|");
  ASSERT_EQ(p.request.failure_size(), 2);
  EXPECT_EQ(p.request.failure(1).request_put().key(), "del|c|");
}

TEST(TxnReader, EmptyTransactionAndCrlf) {
  TxnPlan empty = Read("\n\n\n");
  EXPECT_EQ(empty.request.compare_size() + empty.request.success_size() +
                empty.request.failure_size(), 0);
  TxnPlan crlf = Read("val(\"a\") = \"1\"\r\n \r\n  put a 2 \r\n\r\n\r\n");
  EXPECT_EQ(crlf.request.compare(0).value(), "1");
  EXPECT_EQ(crlf.request.success(0).request_put().key(), "put|a|2|");
}

TEST(TxnReader, EofBeforeTheThirdEmptyLine) {
  for (const std::string input : {"", "\n", "\n\n", "\n\nput a b\n", "\n\n\n"}) {
    SCOPED_TRACE(input);
    if (input == "\n\n\n") {
      EXPECT_NO_THROW(Read(input));
      continue;
    }
    try {
      Read(input);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_STREQ(e.what(), "EOF");
      EXPECT_EQ(e.code(), ExitCode::kInvalidInput);
    }
  }
  // The last line needs its newline, as etcdctl's ReadString('\n').
  EXPECT_THROW(Read("\n\n\r"), Error);
}

TEST(TxnReader, OpLinesNeedTwoWords) {
  try {
    Read("\nput\n\n\n");
    ADD_FAILURE() << "no error";
  } catch (const LineError& e) {
    EXPECT_STREQ(e.what(), "invalid txn compare request: put");
    EXPECT_EQ(e.code(), ExitCode::kInvalidInput);
  }
}

TEST(TxnReader, ErrorOffsetsCountLeadingBlanks) {
  TxnReader reader(FakeOp);
  try {
    reader.AddLine("   val(\"k\") == \"v\"");
    ADD_FAILURE() << "no error";
  } catch (const LineError& e) {
    EXPECT_EQ(e.offset(), 12u);
  }
  // A bad line changes nothing: the reader is still in the compares.
  EXPECT_EQ(reader.section(), Section::kCompares);
  reader.AddLine("");
  EXPECT_EQ(reader.section(), Section::kSuccess);
}

TEST(TxnPlan, ValueGreaterOrEqualBecomesANestedChain) {
  TxnReader reader(FakeOp);
  reader.AddLine(R"(val("a") >= "m")");
  reader.AddLine(R"(ver("b") = "1")");
  reader.AddLine(R"(val("c") >= "x")");
  reader.AddLine("");
  reader.AddLine("put s 1");
  reader.AddLine("");
  reader.AddLine("put f 1");
  reader.AddLine("");
  TxnPlan p = reader.Plan();
  EXPECT_EQ(p.nesting, 3);
  // Level k takes `=` for the or-equal compares whose bit is set in k.
  const etcdserverpb::TxnRequest* t = &p.request;
  const Compare::CompareResult expected[4][2] = {{Compare::GREATER, Compare::GREATER},
                                                 {Compare::EQUAL, Compare::GREATER},
                                                 {Compare::GREATER, Compare::EQUAL},
                                                 {Compare::EQUAL, Compare::EQUAL}};
  for (int level = 0; level < 4; ++level) {
    SCOPED_TRACE(level);
    ASSERT_EQ(t->compare_size(), 3);
    EXPECT_EQ(t->compare(0).result(), expected[level][0]);
    EXPECT_EQ(t->compare(1).result(), Compare::EQUAL);
    EXPECT_EQ(t->compare(2).result(), expected[level][1]);
    ASSERT_EQ(t->success_size(), 1);
    EXPECT_EQ(t->success(0).request_put().key(), "put|s|1|");
    ASSERT_EQ(t->failure_size(), 1);
    if (level < 3) {
      ASSERT_TRUE(t->failure(0).has_request_txn());
      t = &t->failure(0).request_txn();
    } else {
      EXPECT_EQ(t->failure(0).request_put().key(), "put|f|1|");
    }
  }
  // A fourth one is refused.
  TxnReader more(FakeOp);
  more.AddLine(R"(val("a") >= "1")");
  more.AddLine(R"(val("b") >= "1")");
  more.AddLine(R"(val("c") >= "1")");
  EXPECT_THROW(more.AddLine(R"(val("d") >= "1")"), LineError);
}

TEST(TxnPlan, FlattenTakesTheBranchThatRan) {
  TxnReader reader(FakeOp);
  reader.AddLine(R"(val("a") >= "m")");
  reader.AddLine("");
  reader.AddLine("");
  reader.AddLine("");
  TxnPlan p = reader.Plan();
  ASSERT_EQ(p.nesting, 1);

  etcdserverpb::TxnResponse outer;
  outer.mutable_header()->set_revision(9);
  outer.set_succeeded(false);
  auto* inner = outer.add_responses()->mutable_response_txn();
  inner->mutable_header()->set_revision(1);
  inner->set_succeeded(true);
  inner->add_responses()->mutable_response_put()->mutable_header()->set_revision(9);
  etcdserverpb::TxnResponse flat = Flatten(p, outer);
  EXPECT_TRUE(flat.succeeded());
  EXPECT_EQ(flat.header().revision(), 9);
  ASSERT_EQ(flat.responses_size(), 1);
  EXPECT_TRUE(flat.responses(0).has_response_put());

  etcdserverpb::TxnResponse direct;
  direct.set_succeeded(true);
  direct.add_responses()->mutable_response_range();
  EXPECT_EQ(Flatten(p, direct).SerializeAsString(), direct.SerializeAsString());
}

}  // namespace
}  // namespace ectl::txn
