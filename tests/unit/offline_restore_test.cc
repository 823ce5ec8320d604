// Restore's pure parts: member and cluster IDs, peer URL checks, the WAL framing and
// CRC chain, and the .snap file, against values observed from etcd 3.4's own restore.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <functional>
#include <string>

#include "common/error.h"
#include "offline/crc32c.h"
#include "offline/bolt_writer.h"
#include "offline/file_util.h"
#include "offline/restore.h"
#include "offline/stop.h"
#include "offline/membership.h"
#include "offline/raft_files.h"

namespace ectl::offline {
namespace {

std::string ErrorOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kError);
    return e.what();
  }
  return "";
}

Membership OneMember() {
  return BuildMembership("m1", "m1=http://127.0.0.1:34791", "restore-token",
                         "http://127.0.0.1:34791");
}

TEST(OfflineMembership, IdsMatchEtcd) {
  Membership m = OneMember();
  ASSERT_EQ(m.members.size(), 1u);
  EXPECT_EQ(HexId(m.local_id), "d3eeb0de0bf95e58");
  EXPECT_EQ(HexId(m.cluster_id), "f1214cf8fd6724c7");
  EXPECT_EQ(MemberJson(m.members[0]),
            "{\"id\":15271337854190050904,\"peerURLs\":[\"http://127.0.0.1:34791\"],\"name\":\"m1\"}");
  EXPECT_EQ(HexId(0x0ab), "ab");
}

TEST(OfflineMembership, MultiUrlMembersSortedById) {
  Membership m = BuildMembership(
      "c",
      "a=http://10.0.0.1:2380,b=http://10.0.0.2:2380,c=https://10.0.0.33:2380,"
      "c=HTTP://10.0.0.3:2380",
      "tok3", "https://10.0.0.33:2380,http://10.0.0.3:2380");
  ASSERT_EQ(m.members.size(), 3u);
  EXPECT_LT(m.members[0].id, m.members[1].id);
  EXPECT_LT(m.members[1].id, m.members[2].id);
  const Member* c = nullptr;
  for (const Member& mem : m.members) {
    if (mem.name == "c") c = &mem;
  }
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->peer_urls, (std::vector<std::string>{"http://10.0.0.3:2380", "https://10.0.0.33:2380"}));
  EXPECT_EQ(m.local_id, c->id);
  EXPECT_EQ(HexId(m.members[0].id), "2af815ba216b5750");
  EXPECT_EQ(HexId(m.members[1].id), "9ab82eb87ecc84e9");
  EXPECT_EQ(HexId(m.members[2].id), "ba3d8e585d4e3172");
  EXPECT_EQ(HexId(m.cluster_id), "c73c3d60cd1cbbf8");
  EXPECT_EQ(m.cluster_id, ClusterId({m.members[2].id, m.members[0].id, m.members[1].id}));
}

TEST(OfflineMembership, ErrorsAsEtcd) {
  EXPECT_EQ(ErrorOf([] { BuildMembership("x", "default=http://localhost:2380", "t", "http://localhost:2380"); }),
            "couldn't find local name \"x\" in the initial cluster configuration");
  EXPECT_EQ(ErrorOf([] { ParseUrls({"ftp://a:1"}); }),
            "URL scheme must be http, https, unix, or unixs: ftp://a:1");
  EXPECT_EQ(ErrorOf([] { ParseUrls({"localhost:2380"}); }),
            "URL scheme must be http, https, unix, or unixs: localhost:2380");
  EXPECT_EQ(ErrorOf([] { ParseUrls({"http://a"}); }),
            "URL address does not have the form \"host:port\": http://a");
  EXPECT_EQ(ErrorOf([] { ParseUrls({"http://a:1/p"}); }), "URL must not contain a path: http://a:1/p");
  EXPECT_EQ(ErrorOf([] { ParseUrls({""}); }), "URL scheme must be http, https, unix, or unixs: ");
  EXPECT_EQ(ErrorOf([] {
              BuildMembership("default", "default=http://localhost:2380,b=http://localhost:2380",
                              "t", "http://localhost:2380");
            }),
            "initial cluster b=http://localhost:2380,default=http://localhost:2380 has duplicate url");
  EXPECT_EQ(ErrorOf([] { BuildMembership("default", "default=http://a:1", "t", "http://localhost:2380"); }),
            "--initial-cluster has default=http://a:1 but missing from "
            "--initial-advertise-peer-urls=http://localhost:2380");
  EXPECT_EQ(ParseUrls({" http://[::1]:2380 "}), std::vector<std::string>{"http://[::1]:2380"});
}

// Reads the WAL frames back: (type, crc, data) per record.
struct Record {
  uint64_t type = 0, crc = 0;
  std::string data;
};

uint64_t Varint(std::string_view s, size_t& at) {
  uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    auto b = static_cast<unsigned char>(s.at(at++));
    v |= static_cast<uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}

std::vector<Record> Frames(const std::string& wal, std::vector<size_t>* offsets) {
  std::vector<Record> out;
  size_t at = 0;
  while (at < wal.size()) {
    uint64_t field;
    std::memcpy(&field, wal.data() + at, 8);
    uint64_t n = field & 0x00ffffffffffffffULL;
    uint64_t pad = (field >> 56) & 0x80 ? (field >> 56) & 7 : 0;
    EXPECT_EQ((n + pad) % 8, 0u);
    offsets->push_back(at);
    std::string_view rec(wal.data() + at + 8, n);
    Record r;
    size_t p = 0;
    while (p < rec.size()) {
      uint64_t tag = Varint(rec, p);
      if ((tag & 7) == 0) {
        uint64_t v = Varint(rec, p);
        (tag >> 3) == 1 ? r.type = v : r.crc = v;
      } else {
        uint64_t len = Varint(rec, p);
        r.data = std::string(rec.substr(p, len));
        p += len;
      }
    }
    out.push_back(r);
    at += 8 + n + pad;
  }
  return out;
}

TEST(OfflineRaftFiles, WalLayoutAndCrcChain) {
  std::vector<size_t> offsets;
  std::vector<Record> records = Frames(RestoreWal(OneMember()), &offsets);
  ASSERT_EQ(records.size(), 6u);
  EXPECT_EQ(offsets, (std::vector<size_t>{0x000, 0x010, 0x038, 0x050, 0x0c8, 0x0f0}));
  std::vector<uint64_t> types, crcs;
  for (const Record& r : records) types.push_back(r.type), crcs.push_back(r.crc);
  EXPECT_EQ(types, (std::vector<uint64_t>{4, 1, 5, 2, 3, 5}));
  // The running CRC-32C values etcd 3.4 wrote for the same membership.
  EXPECT_EQ(crcs, (std::vector<uint64_t>{0, 0x282e1fe2, 0x0d95f8cd, 0xe3b9f435, 0x69078871,
                                         0x4e015059}));
  EXPECT_EQ(records[5].data, std::string("\x08\x01\x10\x01", 4));  // snapshot{index 1, term 1}
  EXPECT_EQ(RestoreWal(OneMember()).size(), 0x108u);
}

TEST(OfflineRaftFiles, SnapFile) {
  Membership m = OneMember();
  std::string snap = RestoreSnap(m);
  EXPECT_EQ(snap.size(), 6492u);
  EXPECT_EQ(RestoreSnapName(m), "0000000000000001-0000000000000001.snap");
  size_t at = 1;
  EXPECT_EQ(Varint(snap, at), 0xd20da853u);
  std::string json = V2StoreJson(m);
  EXPECT_EQ(json.size(), 6459u);
  EXPECT_NE(json.find("\"Value\":\"{\\\"peerURLs\\\":[\\\"http://127.0.0.1:34791\\\"]}\""),
            std::string::npos);
  EXPECT_EQ(json.rfind("null,null]"), json.find("],\"Size\":1") - 9);
}

// A stop request unwinds Restore through its clean-up: no data dir is left behind.
TEST(OfflineStop, RestoreLeavesNothingWhenStopped) {
  char dir[] = "/tmp/ectl_restore_stop_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string db = std::string(dir) + "/db";
  {
    Fd fd = CreateFile(db, 0600);
    BoltWriter w(fd.get(), 4096);
    for (const char* bucket : {"key", "meta"}) {
      w.BeginBucket(bucket);
      for (int i = 0; i < 2000; ++i) w.Put(bucket + std::to_string(100000 + i), std::string(100, 'v'));
      w.EndBucket();
    }
    w.Finish(1);
  }
  RestoreOptions o;
  o.snapshot_path = db;
  o.skip_hash_check = true;
  o.data_dir = std::string(dir) + "/member.etcd";
  int checks = 0;
  o.stop = [&checks] { return ++checks >= 1; };
  EXPECT_THROW(Restore(o), Interrupted);
  EXPECT_GE(checks, 1);
  struct stat st {};
  EXPECT_NE(::stat(o.data_dir.c_str(), &st), 0);
  // Nothing else in the folder either (no temporary directory left).
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
  std::filesystem::remove_all(dir);
}

TEST(OfflineStop, CheckStop) {
  EXPECT_NO_THROW(CheckStop({}));
  EXPECT_NO_THROW(CheckStop([] { return false; }));
  EXPECT_THROW(CheckStop([] { return true; }), Interrupted);
}

}  // namespace
}  // namespace ectl::offline
