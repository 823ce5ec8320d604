// -w jsonl against a real etcd: every line of every result parses as one JSON object
// (nlohmann_json), binary keys come back through key_base64, lease IDs read from jsonl
// work on the command line again (what jq users do), watch events stream as lines. Also
// the terminal niceties that show in a test: --color=always puts escape codes where
// asked, and nothing else (no colour, no progress line) reaches output that is not a
// terminal.

#include <csignal>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "child_process.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

using json = nlohmann::json;
using Args = std::vector<std::string>;

class Jsonl : public EtcdSuite {
 protected:
  // Runs ectl, expects success, and parses every line.
  static std::vector<json> Lines(const Args& args, const std::string& stdin_data = "") {
    RunResult r = RunTool(Tool::kEctl, Cmd(args, stdin_data));
    EXPECT_EQ(r.exit_code, 0) << Describe(Cmd(args)) << "\n" << r.err;
    return Parse(r.out);
  }
  static std::vector<json> Parse(const std::string& out) {
    std::vector<json> lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
      json j = json::parse(line, nullptr, false);
      EXPECT_FALSE(j.is_discarded()) << "not JSON: " << Printable(line);
      EXPECT_TRUE(j.is_object()) << Printable(line);
      lines.push_back(std::move(j));
    }
    EXPECT_TRUE(out.empty() || out.back() == '\n');
    return lines;
  }
};

TEST_F(Jsonl, GetPrintsOneObjectPerKeyWithTextOrBase64) {
  const std::string binary_key = "j/bin\xff\xfe";
  const std::string binary_value("\x00\x01\xff", 3);
  Put("j/text", "caf\xc3\xa9 \"quoted\"\n");
  Put(binary_key, binary_value);
  std::string lease = GrantLease(300);
  Put("j/leased", "v", lease);
  int64_t revision = Revision();

  auto lines = Lines({"get", "j/", "--prefix", "-w", "jsonl"});
  ASSERT_EQ(lines.size(), 3u);
  // Sorted by key: j/bin..., j/leased, j/text.
  EXPECT_FALSE(lines[0].contains("key"));
  EXPECT_EQ(Base64Decode(lines[0]["key_base64"].get<std::string>()), binary_key);
  EXPECT_EQ(Base64Decode(lines[0]["value_base64"].get<std::string>()), binary_value);
  EXPECT_EQ(lines[1]["key"], "j/leased");
  EXPECT_EQ(lines[1]["value"], "v");
  EXPECT_EQ(lines[2]["key"], "j/text");
  EXPECT_EQ(lines[2]["value"], "caf\xc3\xa9 \"quoted\"\n");
  EXPECT_FALSE(lines[2].contains("lease"));
  for (const auto& l : lines) {
    EXPECT_EQ(l["revision"].get<int64_t>(), revision);
    EXPECT_TRUE(l["create_revision"].is_number_integer());
    EXPECT_TRUE(l["mod_revision"].is_number_integer());
    EXPECT_EQ(l["version"], 1);
  }
  // Nothing for no key.
  EXPECT_TRUE(Lines({"get", "j/none", "-w", "jsonl"}).empty());
}

TEST_F(Jsonl, LeaseIdsReadBackWork) {
  // As with jq: the ID from one command's line is the argument of the next.
  auto grant = Lines({"lease", "grant", "300", "-w", "jsonl"});
  ASSERT_EQ(grant.size(), 1u);
  const std::string id = grant[0]["id"].get<std::string>();
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(grant[0]["ttl"], 300);

  auto attach = Lines({"put", "j/session", "alive", "--lease=" + id, "-w", "jsonl"});
  ASSERT_EQ(attach.size(), 1u);
  EXPECT_TRUE(attach[0]["revision"].is_number_integer());

  // The kv line names the same lease, in a form revoke accepts.
  auto kv = Lines({"get", "j/session", "-w", "jsonl"});
  ASSERT_EQ(kv.size(), 1u);
  const std::string kv_lease = kv[0]["lease"].get<std::string>();
  EXPECT_EQ(std::stoull(kv_lease, nullptr, 16), std::stoull(id, nullptr, 16));

  auto list = Lines({"lease", "list", "-w", "jsonl"});
  bool listed = false;
  for (const auto& l : list) listed = listed || l["id"] == id;
  EXPECT_TRUE(listed);

  auto ttl = Lines({"lease", "timetolive", id, "--keys", "-w", "jsonl"});
  ASSERT_EQ(ttl.size(), 1u);
  EXPECT_EQ(ttl[0]["id"], id);
  EXPECT_EQ(ttl[0]["granted_ttl"], 300);
  EXPECT_EQ(ttl[0]["keys"], json::array({"j/session"}));

  auto once = Lines({"lease", "keep-alive", "--once", id, "-w", "jsonl"});
  ASSERT_EQ(once.size(), 1u);
  EXPECT_EQ(once[0]["id"], id);

  auto revoke = Lines({"lease", "revoke", kv_lease, "-w", "jsonl"});
  ASSERT_EQ(revoke.size(), 1u);
  EXPECT_EQ(std::stoull(revoke[0]["id"].get<std::string>(), nullptr, 16),
            std::stoull(id, nullptr, 16));
  EXPECT_FALSE(StoredValue("j/session").has_value());
  auto gone = Lines({"lease", "timetolive", id, "-w", "jsonl"});
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0]["ttl"], -1);
}

TEST_F(Jsonl, PutDelAndTxn) {
  Put("j/a", "1");
  auto put = Lines({"put", "j/a", "2", "--prev-kv", "-w", "jsonl"});
  ASSERT_EQ(put.size(), 1u);
  EXPECT_EQ(put[0]["prev_kv"]["value"], "1");
  EXPECT_EQ(put[0]["revision"].get<int64_t>(), Revision());

  auto txn = Lines({"txn", "-w", "jsonl"},
                   "value(\"j/a\") = \"2\"\n\nget j/a\nput j/b x\ndel j/none\n\n\n");
  ASSERT_EQ(txn.size(), 4u);
  EXPECT_EQ(txn[0]["succeeded"], true);
  EXPECT_EQ(txn[1]["op"], "get");
  EXPECT_EQ(txn[1]["kvs"][0]["key"], "j/a");
  EXPECT_EQ(txn[2]["op"], "put");
  EXPECT_EQ(txn[3]["op"], "delete");
  EXPECT_EQ(txn[3]["deleted"], 0);
  for (const auto& l : txn) EXPECT_EQ(l["revision"], txn[0]["revision"]);

  auto del = Lines({"del", "j/", "--prefix", "--prev-kv", "-w", "jsonl"});
  ASSERT_EQ(del.size(), 1u);
  EXPECT_EQ(del[0]["deleted"], 2);
  EXPECT_EQ(del[0]["prev_kvs"].size(), 2u);
}

TEST_F(Jsonl, WatchStreamsOneLinePerEvent) {
  int64_t start = Revision();
  std::vector<std::string> argv = {ToolPath(Tool::kEctl), "--endpoints=" + Endpoints(),
                                   "watch",  "j/w",
                                   "--prefix", "--prev-kv",
                                   "-w",     "jsonl",
                                   "--rev",  std::to_string(start + 1)};
  std::string error;
  auto w = ChildProcess::Start(argv, {}, &error);
  ASSERT_NE(w, nullptr) << error;
  Put("j/w1", "a");
  Put("j/w1", "b");
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", "j/w1"})).exit_code, 0);
  ASSERT_TRUE(w->WaitForOut([](const std::string& out) { return LineCount(out) >= 3; }))
      << w->Out() << w->Err();
  w->Signal(SIGINT);
  EXPECT_EQ(w->Wait(), 128 + SIGINT);
  auto lines = Parse(w->Out());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["type"], "PUT");
  EXPECT_EQ(lines[0]["value"], "a");
  EXPECT_EQ(lines[0]["revision"].get<int64_t>(), start + 1);
  EXPECT_EQ(lines[1]["prev_kv"]["value"], "a");
  EXPECT_EQ(lines[2]["type"], "DELETE");
  EXPECT_EQ(lines[2]["key"], "j/w1");
  EXPECT_EQ(lines[2]["mod_revision"].get<int64_t>(), start + 3);
}

TEST_F(Jsonl, ClusterAuthAndSnapshotResultsParse) {
  auto members = Lines({"member", "list", "-w", "jsonl"});
  ASSERT_EQ(members.size(), 1u);
  const std::string member_id = members[0]["id"].get<std::string>();
  EXPECT_EQ(members[0]["started"], true);

  auto status = Lines({"endpoint", "status", "-w", "jsonl"});
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0]["id"], member_id);  // the same hex form in both
  EXPECT_EQ(status[0]["leader"], member_id);
  EXPECT_EQ(status[0]["is_leader"], true);
  EXPECT_TRUE(status[0]["db_size"].is_number_integer());

  auto health = Lines({"endpoint", "health", "-w", "jsonl"});
  ASSERT_EQ(health.size(), 1u);
  EXPECT_EQ(health[0]["health"], true);
  auto hash = Lines({"endpoint", "hashkv", "-w", "jsonl"});
  ASSERT_EQ(hash.size(), 1u);
  EXPECT_TRUE(hash[0]["hash"].is_number_unsigned());
  EXPECT_TRUE(Lines({"alarm", "list", "-w", "jsonl"}).empty());

  auto add = Lines({"role", "add", "jsonl-role", "-w", "jsonl"});
  ASSERT_EQ(add.size(), 1u);
  EXPECT_EQ(add[0]["message"], "Role jsonl-role created");
  Lines({"role", "grant-permission", "jsonl-role", "read", "j/", "--prefix", "-w", "jsonl"});
  auto role = Lines({"role", "get", "jsonl-role", "-w", "jsonl"});
  ASSERT_EQ(role.size(), 1u);
  EXPECT_EQ(role[0]["permissions"][0]["type"], "READ");
  EXPECT_EQ(role[0]["permissions"][0]["key"], "j/");
  EXPECT_EQ(role[0]["permissions"][0]["range_end"], "j0");
  Lines({"user", "add", "jsonl-user", "--new-user-password=pw", "-w", "jsonl"});
  Lines({"user", "grant-role", "jsonl-user", "jsonl-role", "-w", "jsonl"});
  auto user = Lines({"user", "get", "jsonl-user", "-w", "jsonl"});
  ASSERT_EQ(user.size(), 1u);
  EXPECT_EQ(user[0]["roles"], json::array({"jsonl-role"}));
  bool listed = false;
  for (const auto& l : Lines({"user", "list", "-w", "jsonl"})) listed |= l["user"] == "jsonl-user";
  EXPECT_TRUE(listed);
  Lines({"user", "delete", "jsonl-user", "-w", "jsonl"});
  Lines({"role", "delete", "jsonl-role", "-w", "jsonl"});

  const std::string dir = ::testing::TempDir() + "/jsonl-snapshot-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  RunResult save = RunTool(Tool::kEctl, Cmd({"snapshot", "save", dir + "/s.db"}));
  ASSERT_EQ(save.exit_code, 0) << save.err;
  // Not a terminal: no progress line, no escape codes.
  EXPECT_EQ(save.err.find('\r'), std::string::npos) << Printable(save.err);
  EXPECT_EQ(save.err.find('\x1b'), std::string::npos) << Printable(save.err);
  auto snap = Lines({"snapshot", "status", dir + "/s.db", "-w", "jsonl"});
  ASSERT_EQ(snap.size(), 1u);
  EXPECT_GT(snap[0]["total_key"].get<int64_t>(), 0);
  std::filesystem::remove_all(dir);
}

TEST_F(Jsonl, JsonStaysEtcdctls) {
  Put("j/x", "1");
  ExpectSameAsOracle(Cmd({"get", "j/x", "-w", "json"}));
  ExpectSameAsOracle(Cmd({"member", "list", "-w", "json"}));
}

TEST_F(Jsonl, ColorAlwaysMarksWatchEventsAndTableHeaders) {
  RunResult table = RunTool(Tool::kEctl, Cmd({"--color=always", "-w", "table", "endpoint", "status"}));
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("\x1b[1mENDPOINT\x1b[0m"), std::string::npos) << Printable(table.out);
  // The default on a pipe, never, and NO_COLOR: no escape codes at all.
  for (const Invocation& inv :
       {Cmd({"-w", "table", "endpoint", "status"}),
        Cmd({"--color=never", "-w", "table", "endpoint", "status"}),
        Invocation{{"-w", "table", "endpoint", "status"}, "", {{"NO_COLOR", "1"}}, Endpoints()}}) {
    RunResult r = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << Describe(inv);
  }
  RunResult err = RunTool(Tool::kEctl, Cmd({"--color=always", "get"}));
  EXPECT_EQ(err.exit_code, 128);
  EXPECT_EQ(LastLine(err.err),
            "\x1b[1;31mError:\x1b[0m get command needs one argument as key and an optional "
            "argument as range_end");

  int64_t start = Revision();
  std::vector<std::string> argv = {ToolPath(Tool::kEctl), "--endpoints=" + Endpoints(),
                                   "--color=always", "watch", "j/c",
                                   "--rev", std::to_string(start + 1)};
  std::string error;
  auto w = ChildProcess::Start(argv, {}, &error);
  ASSERT_NE(w, nullptr) << error;
  Put("j/c", "v");
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", "j/c"})).exit_code, 0);
  ASSERT_TRUE(w->WaitForOut([](const std::string& out) { return LineCount(out) >= 5; }))
      << Printable(w->Out());
  w->Signal(SIGINT);
  EXPECT_EQ(w->Wait(), 128 + SIGINT);
  EXPECT_EQ(w->Out(), "\x1b[32mPUT\x1b[0m\nj/c\nv\n\x1b[31mDELETE\x1b[0m\nj/c\n\n");
}

}  // namespace
}  // namespace ectl::integration
