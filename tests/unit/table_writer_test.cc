// tablewriter rendering and the shared rows, with golden tables from etcdctl 3.4.23.
#include "output/table_writer.h"

#include <gtest/gtest.h>

#include "output/rows.h"

namespace ectl::output {
namespace {

TEST(TableWriter, MemberListAsEtcdctl) {
  etcdserverpb::MemberListResponse r;
  auto* l = r.add_members();
  l->set_id(0x30843cc8cab4f40ULL);
  l->add_peerurls("http://127.0.0.1:24801");
  l->set_islearner(true);
  auto* m = r.add_members();
  m->set_id(0x886b03c4ae679a15ULL);
  m->set_name("r1");
  m->add_peerurls("http://127.0.0.1:24800");
  m->add_clienturls("http://127.0.0.1:24790");
  EXPECT_EQ(RenderTable(MemberListRows(r)),
            "+------------------+-----------+------+------------------------+------------------------+------------+\n"
            "|        ID        |  STATUS   | NAME |       PEER ADDRS       |      CLIENT ADDRS      | IS LEARNER |\n"
            "+------------------+-----------+------+------------------------+------------------------+------------+\n"
            "|  30843cc8cab4f40 | unstarted |      | http://127.0.0.1:24801 |                        |       true |\n"
            "| 886b03c4ae679a15 |   started |   r1 | http://127.0.0.1:24800 | http://127.0.0.1:24790 |      false |\n"
            "+------------------+-----------+------+------------------------+------------------------+------------+\n");
  EXPECT_EQ(RenderSimpleRows(MemberListRows(r)),
            "30843cc8cab4f40, unstarted, , http://127.0.0.1:24801, , true\n"
            "886b03c4ae679a15, started, r1, http://127.0.0.1:24800, http://127.0.0.1:24790, false\n");
}

TEST(TableWriter, EndpointStatusWrapsLongErrors) {
  EndpointStatus e;
  e.endpoint = "127.0.0.1:24790";
  auto& s = e.status;
  s.mutable_header()->set_member_id(0x886b03c4ae679a15ULL);
  s.set_leader(0x886b03c4ae679a15ULL);
  s.set_version("3.4.23");
  s.set_dbsize(299008);
  s.set_raftterm(3);
  s.set_raftindex(244);
  s.set_raftappliedindex(244);
  s.add_errors("memberID:9829954754940738069 alarm:NOSPACE ");
  std::vector<EndpointStatus> list{e};
  EXPECT_EQ(RenderTable(EndpointStatusRows(list)),
            "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+\n"
            "|    ENDPOINT     |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX |             ERRORS             |\n"
            "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+\n"
            "| 127.0.0.1:24790 | 886b03c4ae679a15 |  3.4.23 |  299 kB |      true |      false |         3 |        244 |                244 |   memberID:9829954754940738069 |\n"
            "|                 |                  |         |         |           |            |           |            |                    |                 alarm:NOSPACE  |\n"
            "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+\n");
  EXPECT_EQ(RenderSimpleRows(EndpointStatusRows(list)),
            "127.0.0.1:24790, 886b03c4ae679a15, 3.4.23, 299 kB, true, false, 3, 244, 244, "
            "memberID:9829954754940738069 alarm:NOSPACE \n");
}

TEST(TableWriter, HealthHashAndSnapshotTables) {
  std::vector<EndpointHealth> health{
      {"127.0.0.1:24799", false, "1.001397961s", "context deadline exceeded"}};
  EXPECT_EQ(RenderTable(EndpointHealthRows(health)),
            "+-----------------+--------+--------------+---------------------------+\n"
            "|    ENDPOINT     | HEALTH |     TOOK     |           ERROR           |\n"
            "+-----------------+--------+--------------+---------------------------+\n"
            "| 127.0.0.1:24799 |  false | 1.001397961s | context deadline exceeded |\n"
            "+-----------------+--------+--------------+---------------------------+\n");
  EndpointHashKV h;
  h.endpoint = "127.0.0.1:24790";
  h.hash.set_hash(918256545);
  std::vector<EndpointHashKV> hashes{h};
  EXPECT_EQ(RenderTable(EndpointHashKVRows(hashes)),
            "+-----------------+-----------+\n"
            "|    ENDPOINT     |   HASH    |\n"
            "+-----------------+-----------+\n"
            "| 127.0.0.1:24790 | 918256545 |\n"
            "+-----------------+-----------+\n");
  EXPECT_EQ(RenderTable(SnapshotStatusRows({0xe46e66b7, 55, 70, 24576})),
            "+----------+----------+------------+------------+\n"
            "|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |\n"
            "+----------+----------+------------+------------+\n"
            "| e46e66b7 |       55 |         70 |      25 kB |\n"
            "+----------+----------+------------+------------+\n");
}

TEST(TableWriter, NoRowsStillDrawsTheFrame) {
  EXPECT_EQ(RenderTable(EndpointHashKVRows({})),
            "+----------+------+\n"
            "| ENDPOINT | HASH |\n"
            "+----------+------+\n"
            "+----------+------+\n");
}

TEST(TableWriter, TitleAndWrap) {
  EXPECT_EQ(TableTitle("hash_revision"), "HASH REVISION");
  EXPECT_EQ(TableTitle("db.size"), "DB SIZE");
  EXPECT_EQ(TableTitle("v1.2"), "V1.2");
  EXPECT_EQ(TableTitle(" raft index "), "RAFT INDEX");
  // A word longer than the limit keeps its length; short ones are packed.
  EXPECT_EQ(WrapCell("http://127.0.0.1:1,http://127.0.0.1:2", 30),
            std::vector<std::string>{"http://127.0.0.1:1,http://127.0.0.1:2"});
  EXPECT_EQ(WrapCell("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 30),
            (std::vector<std::string>{"aaaa bbbb cccc dddd eeee ffff", "gggg hhhh"}));
  // The last line is free, so the raggedness is paid by the earlier ones.
  EXPECT_EQ(WrapCell("memberID:9829954754940738069 alarm:NOSPACE ", 30),
            (std::vector<std::string>{"memberID:9829954754940738069", "alarm:NOSPACE "}));
  EXPECT_EQ(DisplayWidth("850\xc2\xb5s"), 5u);
}

TEST(Humanize, BytesAsGoHumanize) {
  EXPECT_EQ(HumanizeBytes(0), "0 B");
  EXPECT_EQ(HumanizeBytes(9), "9 B");
  EXPECT_EQ(HumanizeBytes(10), "10 B");
  EXPECT_EQ(HumanizeBytes(999), "999 B");
  EXPECT_EQ(HumanizeBytes(1000), "1.0 kB");
  EXPECT_EQ(HumanizeBytes(24576), "25 kB");
  EXPECT_EQ(HumanizeBytes(299008), "299 kB");
  EXPECT_EQ(HumanizeBytes(1536000), "1.5 MB");
  EXPECT_EQ(HumanizeBytes(2147483648ULL), "2.1 GB");
  EXPECT_EQ(HumanizeBytes(9990000), "10 MB");
}

TEST(Ids, HexFormats) {
  EXPECT_EQ(Hex(0x30843cc8cab4f40ULL), "30843cc8cab4f40");
  EXPECT_EQ(PaddedHex(0x30843cc8cab4f40ULL), " 30843cc8cab4f40");
  EXPECT_EQ(PaddedHex(0x886b03c4ae679a15ULL), "886b03c4ae679a15");
  EXPECT_EQ(PaddedHex(1), "               1");
}

}  // namespace
}  // namespace ectl::output
