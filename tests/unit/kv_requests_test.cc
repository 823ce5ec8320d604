#include "cli/commands/kv_requests.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace ectl::cli {
namespace {

using std::string_literals::operator""s;

template <typename Fn>
std::pair<int, std::string> ErrorOf(Fn fn) {
  try {
    fn();
  } catch (const Error& e) {
    return {static_cast<int>(e.code()), e.what()};
  }
  return {0, ""};
}

etcdserverpb::RangeRequest Range(std::vector<std::string> args, GetFlags f) {
  return client::OpGet(BuildGet(args, f)).request_range();
}

TEST(BuildGet, PrefixAndFromKeyRanges) {
  GetFlags f;
  f.prefix = true;
  auto r = Range({"foo"}, f);
  EXPECT_EQ(r.key(), "foo");
  EXPECT_EQ(r.range_end(), "fop");
  r = Range({""}, f);
  EXPECT_EQ(r.key(), "\0"s);
  EXPECT_EQ(r.range_end(), "\0"s);
  f = {};
  f.from_key = true;
  r = Range({"b"}, f);
  EXPECT_EQ(r.key(), "b");
  EXPECT_EQ(r.range_end(), "\0"s);
  r = Range({"a", "c"}, {});
  EXPECT_EQ(r.range_end(), "c");
  r = Range({"a", "c", "ignored"}, {});
  EXPECT_EQ(r.range_end(), "c");
}

TEST(BuildGet, SortByKeyAscendIsSentAsNoSort) {
  GetFlags f;
  f.order = "ascend";
  auto r = Range({"a"}, f);
  EXPECT_EQ(r.sort_order(), etcdserverpb::RangeRequest::NONE);
  f.sort_by = "modify";
  r = Range({"a"}, f);
  EXPECT_EQ(r.sort_order(), etcdserverpb::RangeRequest::ASCEND);
  EXPECT_EQ(r.sort_target(), etcdserverpb::RangeRequest::MOD);
}

TEST(BuildGet, EtcdctlErrors) {
  EXPECT_EQ(ErrorOf([] { BuildGet({}, {}); }),
            std::make_pair(128, "get command needs one argument as key and an optional argument as range_end"s));
  GetFlags both;
  both.prefix = both.from_key = true;
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a"}, both); }).first, 128);
  GetFlags c;
  c.consistency = "x";
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a"}, c); }), std::make_pair(4, "unknown consistency flag \"x\""s));
  GetFlags o;
  o.order = "up";
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a"}, o); }), std::make_pair(4, "bad sort order up"s));
  GetFlags s;
  s.sort_by = "size";
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a"}, s); }), std::make_pair(4, "bad sort target size"s));
  GetFlags p;
  p.prefix = true;
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a", "b"}, p); }).first, 128);
  GetFlags r;
  r.min_mod_rev = 5;
  r.max_mod_rev = 2;
  EXPECT_EQ(ErrorOf([&] { BuildGet({"a"}, r); }), std::make_pair(4, "getMinModRev(=5) > getMaxModRev(=2)"s));
}

TEST(BuildPut, ValueFromArgsOrStdin) {
  auto o = BuildPut({"k", "v", "extra"}, {}, std::nullopt);
  EXPECT_EQ(o.value, "v");
  o = BuildPut({"k"}, {}, "line\n"s);
  EXPECT_EQ(o.value, "line\n");
  EXPECT_EQ(ErrorOf([] { BuildPut({"k"}, {}, ""s); }).first, 128);
  PutFlags iv;
  iv.ignore_value = true;
  EXPECT_NO_THROW(BuildPut({"k"}, iv, std::nullopt));
  EXPECT_EQ(ErrorOf([&] { BuildPut({"k", "v"}, iv, std::nullopt); }),
            std::make_pair(128, "put command needs only 1 argument when 'ignore-value' is set"s));
  PutFlags lease;
  lease.lease = "zz";
  EXPECT_EQ(ErrorOf([&] { BuildPut({"k", "v"}, lease, std::nullopt); }),
            std::make_pair(128, "bad lease ID (strconv.ParseInt: parsing \"zz\": invalid syntax), expecting ID in Hex"s));
  lease.lease = "1a";
  EXPECT_EQ(BuildPut({"k", "v"}, lease, std::nullopt).lease, 26);
}

TEST(BuildDelete, Ranges) {
  DelFlags f;
  f.prefix = true;
  auto r = client::OpDelete(BuildDelete({"a"}, f)).request_delete_range();
  EXPECT_EQ(r.range_end(), "b");
  EXPECT_EQ(ErrorOf([] { BuildDelete({"a", "b", "c"}, {}); }).first, 128);
  EXPECT_EQ(ErrorOf([&] { BuildDelete({"a", "b"}, f); }).first, 128);
}

}  // namespace
}  // namespace ectl::cli
