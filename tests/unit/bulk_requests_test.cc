#include "cli/commands/bulk_requests.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::cli {
namespace {

std::vector<std::pair<int64_t, std::string>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  LineReader reader(in);
  std::vector<std::pair<int64_t, std::string>> out;
  std::string line;
  while (reader.Next(line)) out.emplace_back(reader.line_number(), line);
  return out;
}

TEST(LineReader, NumbersLinesAndSkipsBlankOnes) {
  using V = std::vector<std::pair<int64_t, std::string>>;
  EXPECT_EQ(ReadAll(""), V{});
  EXPECT_EQ(ReadAll("a\n\n  \t\r\nb\nc"), (V{{1, "a"}, {4, "b"}, {5, "c"}}));
  EXPECT_EQ(ReadAll("\n\nx\n"), (V{{3, "x"}}));
  std::string long_line(1 << 20, 'y');
  EXPECT_EQ(ReadAll(long_line + "\nz\n"), (V{{1, long_line}, {2, "z"}}));
  // NUL and other bytes are kept; only '\n' ends a line.
  EXPECT_EQ(ReadAll(std::string("a\0b\rc\n", 6)), (V{{1, std::string("a\0b\rc", 5)}}));
}

TEST(ParseExportLine, ReadsTheObjectAndNamesWhatIsWrong) {
  mvccpb::KeyValue kv;
  ParseExportLine(R"({"key":"k","value_base64":"/w==","lease":"1f"})", kv);
  EXPECT_EQ(kv.key(), "k");
  EXPECT_EQ(kv.value(), "\xff");
  EXPECT_EQ(kv.lease(), 0x1f);
  auto what = [&](const std::string& line) -> std::string {
    try {
      ParseExportLine(line, kv);
    } catch (const BadRecord& e) {
      return e.what();
    }
    return "accepted";
  };
  EXPECT_EQ(what(R"({"key":"k"})"), "no value or value_base64");
  EXPECT_EQ(what("nope"), "not JSON: syntax error while parsing value - invalid literal; "
                          "last read: 'no'");
  EXPECT_EQ(what(R"({"key":"k","value":""} x)").rfind("not JSON: ", 0), 0u);
}

TEST(GetJsonDocument, IsRecognisedByItsFirstField) {
  EXPECT_TRUE(IsGetJsonDocument(R"({"header":{"cluster_id":1},"kvs":[]})"));
  EXPECT_TRUE(IsGetJsonDocument("{"));
  EXPECT_TRUE(IsGetJsonDocument(R"(  { "kvs": [])"));
  EXPECT_FALSE(IsGetJsonDocument(R"({"key":"header","value":""})"));
  EXPECT_FALSE(IsGetJsonDocument("[1]"));
}

TEST(GetJsonDocument, HandsOnEveryKeyValue) {
  const std::string doc =
      R"({"header":{"revision":5},"kvs":[{"key":"YQ==","create_revision":2,"mod_revision":3,)"
      R"("version":1,"value":"AP8="},{"key":"Yg==","lease":7587862329430519050}],"count":2})";
  std::vector<std::string> seen;
  ForEachGetJsonKeyValue(doc, [&](mvccpb::KeyValue& kv, int64_t i) {
    seen.push_back(std::to_string(i) + ":" + kv.key() + "=" + kv.value() + "/" +
                   std::to_string(kv.lease()));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{std::string("0:a=\0\xff/0", 8),
                                            "1:b=/7587862329430519050"}));
  try {
    ForEachGetJsonKeyValue(R"({"kvs":[{"key":"YQ=="},{"key":"!"}]})",
                           [](mvccpb::KeyValue&, int64_t) {});
    FAIL() << "accepted";
  } catch (const BadRecord& e) {
    EXPECT_STREQ(e.what(), "kvs[1]: key: not valid base64");
  }
}

TEST(RewritePrefix, ReplacesOrRefuses) {
  std::string key = "old/a";
  RewritePrefix(key, "old/", "new/deeper/");
  EXPECT_EQ(key, "new/deeper/a");
  key = "other";
  EXPECT_THROW(RewritePrefix(key, "old/", "new/"), BadRecord);
  key = "old/";
  EXPECT_THROW(RewritePrefix(key, "old/", ""), BadRecord);  // nothing left
}

TEST(BuildImportTxn, PutsOrNestedIfAbsentTransactions) {
  std::vector<ImportItem> items = {{"a", "1", 5, 1}, {"b", std::string(300, 'x'), 0, 2}};
  etcdserverpb::TxnRequest plain = BuildImportTxn(items, false, false);
  ASSERT_EQ(plain.success_size(), 2);
  EXPECT_EQ(plain.compare_size(), 0);
  EXPECT_EQ(plain.success(0).request_put().key(), "a");
  EXPECT_EQ(plain.success(0).request_put().lease(), 0);
  EXPECT_EQ(BuildImportTxn(items, false, true).success(0).request_put().lease(), 5);
  etcdserverpb::TxnRequest absent = BuildImportTxn(items, true, false);
  const auto& inner = absent.success(1).request_txn();
  ASSERT_EQ(inner.compare_size(), 1);
  EXPECT_EQ(inner.compare(0).target(), etcdserverpb::Compare::CREATE);
  EXPECT_EQ(inner.compare(0).result(), etcdserverpb::Compare::EQUAL);
  EXPECT_EQ(inner.compare(0).key(), "b");
  EXPECT_EQ(inner.success(0).request_put().value().size(), 300u);
  // The size estimate is an upper bound of what each item adds.
  for (bool if_absent : {false, true}) {
    size_t sum = 0;
    for (const auto& item : items) sum += ImportItemBytes(item, if_absent);
    EXPECT_GE(sum, BuildImportTxn(items, if_absent, true).ByteSizeLong()) << if_absent;
    EXPECT_LE(sum, BuildImportTxn(items, if_absent, true).ByteSizeLong() + 8) << if_absent;
  }
}

TEST(BuildExportRange, WholeKeyspaceOrGetsRules) {
  auto all = BuildExportRange({}, false, false, 0);
  EXPECT_EQ(all.key(), std::string(1, '\0'));
  EXPECT_EQ(all.range_end(), std::string(1, '\0'));
  auto prefix = BuildExportRange({"app/"}, true, false, 9);
  EXPECT_EQ(prefix.key(), "app/");
  EXPECT_EQ(prefix.range_end(), "app0");
  EXPECT_EQ(prefix.revision(), 9);
  EXPECT_THROW(BuildExportRange({"a", "b"}, true, false, 0), Error);
}

}  // namespace
}  // namespace ectl::cli
