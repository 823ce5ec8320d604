// Argument checks of member and move-leader, checksums of snapshot files.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>

#include "cli/commands/member_requests.h"
#include "common/error.h"
#include "offline/bolt_reader.h"
#include "offline/crc32c.h"
#include "offline/digest.h"

namespace ectl {
namespace {

std::string ErrorOf(const std::function<void()>& fn, ExitCode* code = nullptr) {
  try {
    fn();
  } catch (const Error& e) {
    if (code) *code = e.code();
    return e.what();
  }
  return "";
}

TEST(MemberRequests, AddArguments) {
  using cli::BuildMemberAdd;
  ExitCode code{};
  EXPECT_EQ(ErrorOf([] { BuildMemberAdd({}, "http://a"); }, &code), "member name not provided");
  EXPECT_EQ(code, ExitCode::kBadArgs);
  EXPECT_EQ(ErrorOf([] { BuildMemberAdd({"a", "HTTP://x", "b", "http://y"}, ""); }),
            "too many arguments, did you mean --peer-urls=HTTP://x, did you mean --peer-urls=http://y");
  EXPECT_EQ(ErrorOf([] { BuildMemberAdd({"a"}, ""); }), "member peer urls not provided");
  auto r = BuildMemberAdd({"n"}, "http://a, http://b");
  EXPECT_EQ(r.name, "n");
  EXPECT_EQ(r.peer_urls, (std::vector<std::string>{"http://a", " http://b"}));
}

TEST(MemberRequests, MemberIds) {
  EXPECT_EQ(cli::ParseMemberId({"30843cc8cab4f40"}), 0x30843cc8cab4f40ULL);
  EXPECT_EQ(ErrorOf([] { cli::ParseMemberId({}); }), "member ID is not provided");
  EXPECT_EQ(ErrorOf([] { cli::ParseMemberId({"zz"}); }),
            "bad member ID arg (strconv.ParseUint: parsing \"zz\": invalid syntax), expecting ID in Hex");
  EXPECT_EQ(ErrorOf([] { cli::ParseTransferee({"zz"}); }),
            "strconv.ParseUint: parsing \"zz\": invalid syntax");
  EXPECT_EQ(ErrorOf([] { cli::ParseTransferee({}); }), "move-leader command needs 1 argument");
  EXPECT_EQ(ErrorOf([] { cli::SplitPeerUrls(""); }), "member peer urls not provided");
}

std::string Hex(const std::string& s) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += d[c >> 4], out += d[c & 15];
  return out;
}

TEST(Checksums, Sha256AndCrc32c) {
  offline::Sha256 empty;
  EXPECT_EQ(Hex(empty.Final()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  offline::Sha256 abc;
  abc.Update("a");
  abc.Update("bc");
  EXPECT_EQ(Hex(abc.Final()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  offline::Sha256 million;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.Update(chunk);
  EXPECT_EQ(Hex(million.Final()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(offline::Crc32c(0, "123456789"), 0xe3069283u);
  EXPECT_EQ(offline::Crc32c(offline::Crc32c(0, "1234"), "56789"), 0xe3069283u);
}

// A hand-made bbolt file: meta pages 0 and 1, the root bucket's leaf at page 2 holding
// bucket "key" inline with one pair.
std::string TinyBolt(bool corrupt_checksum) {
  const size_t page = 4096;
  std::string db(3 * page, '\0');
  auto put32 = [&](size_t at, uint32_t v) { std::memcpy(&db[at], &v, 4); };
  auto put64 = [&](size_t at, uint64_t v) { std::memcpy(&db[at], &v, 8); };
  auto put16 = [&](size_t at, uint16_t v) { std::memcpy(&db[at], &v, 2); };
  for (uint64_t m = 0; m < 2; ++m) {
    size_t base = m * page;
    put64(base, m);
    put16(base + 8, 0x04);  // meta page
    size_t meta = base + 16;
    put32(meta, 0xED0CDAED);
    put32(meta + 4, 2);
    put32(meta + 8, page);
    put64(meta + 16, 2);  // root bucket page
    put64(meta + 40, 3);  // high water
    put64(meta + 48, m);  // txid
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < 56; ++i) h = (h ^ static_cast<unsigned char>(db[meta + i])) * 1099511628211ull;
    put64(meta + 56, corrupt_checksum ? h + 1 : h);
  }
  // Inline bucket value: header (root 0, sequence 0) + a leaf page with k=rev bytes, v="x".
  std::string rev_key = std::string("\0\0\0\0\0\0\0\x07", 8) + "_" + std::string(8, '\0');
  std::string inline_page(16 + 16, '\0');
  uint16_t leaf = 0x02, one = 1;
  std::memcpy(&inline_page[8], &leaf, 2);
  std::memcpy(&inline_page[10], &one, 2);
  uint32_t pos = 16, ksize = static_cast<uint32_t>(rev_key.size()), vsize = 1;
  std::memcpy(&inline_page[16 + 4], &pos, 4);
  std::memcpy(&inline_page[16 + 8], &ksize, 4);
  std::memcpy(&inline_page[16 + 12], &vsize, 4);
  inline_page += rev_key + "x";
  std::string bucket_value = std::string(16, '\0') + inline_page;
  size_t p2 = 2 * page;
  put64(p2, 2);
  put16(p2 + 8, 0x02);
  put16(p2 + 10, 1);
  put32(p2 + 16, 0x01);  // bucket element
  put32(p2 + 20, 16);
  put32(p2 + 24, 3);
  put32(p2 + 28, static_cast<uint32_t>(bucket_value.size()));
  db.replace(p2 + 32, 3, "key");
  db.replace(p2 + 35, bucket_value.size(), bucket_value);
  return db;
}

TEST(BoltReader, InlineBucketAndSize) {
  offline::BoltReader db(TinyBolt(false));
  EXPECT_EQ(db.Size(), 3 * 4096);
  std::string seen;
  db.Walk([&](std::string_view b) { seen += "[" + std::string(b) + "]"; },
          [&](std::string_view k, std::string_view v) {
            seen += std::to_string(k.size()) + ":" + std::string(v);
          });
  EXPECT_EQ(seen, "[key]17:x");
}

TEST(BoltReader, RejectsWhatIsNotBbolt) {
  EXPECT_THROW(offline::BoltReader(std::string(8192, 'j')), offline::BoltError);
  EXPECT_THROW(offline::BoltReader(TinyBolt(true)), offline::BoltError);
  // Braces: as a statement, `T(std::string());` is a declaration to clang.
  EXPECT_THROW(offline::BoltReader{std::string()}, offline::BoltError);
}

}  // namespace
}  // namespace ectl
