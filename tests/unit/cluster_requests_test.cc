// Argument checks of member and move-leader, checksums of snapshot files.
#include <gtest/gtest.h>

#include "cli/member_requests.h"
#include "client/crc32c.h"
#include "client/sha256.h"
#include "common/error.h"

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
  client::Sha256 empty;
  EXPECT_EQ(Hex(empty.Final()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  client::Sha256 abc;
  abc.Update("a");
  abc.Update("bc");
  EXPECT_EQ(Hex(abc.Final()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  client::Sha256 million;
  std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) million.Update(chunk);
  EXPECT_EQ(Hex(million.Final()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(client::Crc32c(0, "123456789"), 0xe3069283u);
  EXPECT_EQ(client::Crc32c(client::Crc32c(0, "1234"), "56789"), 0xe3069283u);
}

}  // namespace
}  // namespace ectl
