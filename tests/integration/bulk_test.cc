// Paged get (compared with etcdctl byte for byte over a range of many pages), a
// compaction between pages, and export/import: round trips of binary data, etcdctl's
// `get -w json` as import input, --if-absent, the prefix rewrite, --dry-run, bad lines,
// the server's transaction limits, and a server that runs out of space mid-way.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "child_process.h"
#include "cluster_suite.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

// Small pages, so that a few thousand keys span many of them.
constexpr char kPageKeys[] = "100";

Invocation Paged(Invocation inv, const char* page_keys = kPageKeys) {
  inv.env.emplace_back("ECTL_PAGE_KEYS", page_keys);
  return inv;
}

// Where two outputs first differ, instead of two 2 MB strings in the failure message.
std::string FirstDifference(const std::string& got, const std::string& want) {
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  if (i == got.size() && i == want.size()) return "";
  auto around = [&](const std::string& s) {
    size_t from = i < 80 ? 0 : i - 80;
    return Printable(s.substr(from, 160));
  };
  return "at byte " + std::to_string(i) + " (sizes " + std::to_string(got.size()) + " and " +
         std::to_string(want.size()) + ")\nectl:    " + around(got) + "\netcdctl: " +
         around(want);
}

// One export line.
std::string Line(const std::string& key, const std::string& value) {
  nlohmann::ordered_json o;
  o["key"] = key;
  o["value"] = value;
  return o.dump() + "\n";
}

class Bulk : public EtcdSuite {
 protected:
  // Runs ectl; expects success.
  static RunResult Ectl(Invocation inv) {
    RunResult r = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(r.exit_code, 0) << Describe(inv) << "\n" << r.err;
    return r;
  }

  // n keys under prefix through import (values of varying length and content).
  static void Load(const std::string& prefix, int n) {
    std::string input;
    char key[32];
    for (int i = 0; i < n; ++i) {
      std::snprintf(key, sizeof key, "%05d", i);
      std::string value = std::to_string(i * 7919 % 1000);
      value.insert(0, 1, 'v').append(i % 13, 'x');
      if (i % 97 == 0) value += "\xc3\xa9\n<&>";
      input += Line(prefix + key, value);
    }
    RunResult r = Ectl(Cmd({"import"}, input));
    ASSERT_EQ(r.exit_code, 0);
  }

  // Every key and value under prefix, as etcdctl reads them.
  static Pairs Dump(const std::string& prefix) {
    RunResult r = RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", prefix, "-w", "json"}));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Pairs out;
    auto doc = nlohmann::json::parse(r.out);
    for (const auto& kv : doc.value("kvs", nlohmann::json::array())) {
      out.emplace_back(Base64Decode(kv.value("key", std::string())),
                       Base64Decode(kv.value("value", std::string())));
    }
    return out;
  }

  static void ExpectSameOutput(const Invocation& inv) {
    SCOPED_TRACE(Describe(inv));
    RunResult want = RunTool(Tool::kEtcdctl, inv);
    RunResult got = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(FirstDifference(got.out, want.out), "");
    EXPECT_EQ(got.exit_code, want.exit_code) << got.err;
    EXPECT_EQ(LastLine(got.err), LastLine(want.err));
  }
};

TEST_F(Bulk, PagedGetMatchesEtcdctlInEveryFormat) {
  ASSERT_NO_FATAL_FAILURE(Load("k/", 2500));
  Put("a", "before");
  Put("z", "after");
  const int64_t rev = Revision();
  Put("k/00005", "changed after rev");
  Put("k/02600", "added after rev");
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    for (const Args& args : std::vector<Args>{
             {"k/", "--prefix"},
             {"k/", "--prefix", "--keys-only"},
             {"k/", "--prefix", "--limit", "1234"},
             {"k/", "--prefix", "--rev", std::to_string(rev)},
             {"k/00150", "k/02001"},
         }) {
      ExpectSameOutput(Paged(Cmd(WithFlags(v.flags, WithFlags({"get"}, args)))));
    }
  }
  for (const Args& args : std::vector<Args>{
           {"--from-key", "k/01000"},
           {"", "--from-key"},
           {"k/", "--prefix", "--limit", "1000"},   // a whole number of pages
           {"k/", "--prefix", "--limit", "2601"},   // all keys, more = false
           {"k/", "--prefix", "--limit", "2600"},   // one short: more = true
           {"k/", "--prefix", "--limit", "50"},     // inside the first page
           {"k/", "--prefix", "--print-value-only"},
           {"k/", "--prefix", "--order", "ASCEND", "--sort-by", "KEY"},
           {"k/", "--prefix", "--order", "DESCEND"},  // not paged
           {"k/", "--prefix", "--sort-by", "VALUE", "--limit", "300"},
           {"k/", "--prefix", "--consistency", "s"},
           {"k/", "--prefix", "--rev", std::to_string(rev), "--limit", "777"},
       }) {
    for (const char* w : {"simple", "json"}) {
      Args full = {"-w", w, "get"};
      full.insert(full.end(), args.begin(), args.end());
      if (std::string(w) == "json" && args.back() == "--print-value-only") continue;
      ExpectSameOutput(Paged(Cmd(full)));
    }
  }
  // Fields' count-only (not in etcdctl 3.4): the count of the whole range.
  RunResult count = Ectl(Paged(Cmd({"get", "k/", "--prefix", "-w", "fields", "--count-only"})));
  EXPECT_NE(count.out.find("\"Count\" : 2501\n"), std::string::npos) << count.out;
}

// Pages end where a guess from the keys read so far says (a range end close behind the
// page's last key, so that the server does not walk the rest of the range for each page).
// Keys that defeat such guesses: dense blocks with wide gaps between them, keys that are
// prefixes of each other, binary bytes at both ends of the byte range, random bytes and
// long keys. The guesses come out too near (pages with no key), too far (pages that stop
// at their limit) and right; whichever, the output is etcdctl's, byte for byte.
TEST_F(Bulk, PagedGetOverIrregularKeysMatchesEtcdctl) {
  std::vector<std::string> keys;
  char buf[16];
  for (int i = 0; i < 400; ++i) {
    std::snprintf(buf, sizeof buf, "a%04d", i);
    keys.push_back(std::string("i/") + buf);
  }
  for (int n = 1; n <= 40; ++n) keys.push_back("i/b" + std::string(n, 'z'));
  for (int i = 0; i < 60; ++i) {
    std::string k("i/\0", 3);
    k.append(i % 5, '\0').push_back(static_cast<char>(i));
    keys.push_back(k);
    k = "i/\xff\xff";
    k.push_back(static_cast<char>(0xfe - i));
    keys.push_back(k);
  }
  uint32_t seed = 12345;
  for (int i = 0; i < 150; ++i) {
    std::string k = "i/\x80";
    for (int j = 0; j < 1 + i % 9; ++j) {
      seed = seed * 1103515245 + 12345;
      k.push_back(static_cast<char>(seed >> 24));
    }
    keys.push_back(k);
  }
  keys.push_back("i/m1");
  for (int i = 0; i < 300; ++i) {
    std::snprintf(buf, sizeof buf, "%04d", i);
    keys.push_back(std::string("i/\xfe") + buf);
  }
  for (int i = 0; i < 50; ++i) keys.push_back("i/L" + std::string(900, 'q') + std::to_string(i));
  std::string input;
  for (size_t i = 0; i < keys.size(); ++i) {
    input += "{\"key_base64\":\"" + Base64(keys[i]) + "\",\"value\":\"v" + std::to_string(i) +
             "\"}\n";
  }
  ASSERT_EQ(Ectl(Cmd({"import"}, input)).exit_code, 0);
  Put("h", "before");
  Put("j", "after");
  for (const char* page_keys : {"7", "64"}) {
    SCOPED_TRACE(std::string("pages of ") + page_keys);
    for (const Args& args : std::vector<Args>{
             {"get", "i/", "--prefix", "-w", "simple", "--hex"},
             {"get", "i/", "--prefix", "-w", "json"},
             {"get", "i/", "--prefix", "--keys-only", "-w", "protobuf"},
             {"get", "i/a0100", "i/\xfe" "0100", "-w", "json"},
             {"get", "i/", "--prefix", "--limit", "555", "-w", "json"},
             {"get", "i/b", "--from-key", "-w", "fields"},
             {"get", "", "--from-key", "-w", "simple", "--hex"},
         }) {
      ExpectSameOutput(Paged(Cmd(args), page_keys));
    }
  }
}

// A compaction past the pinned revision between two pages ends the read with the
// server's error and the revision, never with keys from a later revision.
TEST_F(Bulk, CompactionBetweenPagesIsAnError) {
  ASSERT_NO_FATAL_FAILURE(Load("c/", 450));
  const std::string etcdctl = ToolPath(Tool::kEtcdctl) + " --endpoints=" + Endpoints();
  // Before each later page: a write, then a compaction at its revision.
  const std::string hook =
      "rev=$(" + etcdctl + " put c/zzz late -w json | sed -n 's/.*\"revision\":\\([0-9]*\\).*/\\1/p'); " +
      etcdctl + " compact \"$rev\" >/dev/null 2>&1; true";
  for (const Args& args : std::vector<Args>{{"get", "c/", "--prefix"},
                                            {"get", "c/", "--prefix", "-w", "json"},
                                            {"export", "c/", "--prefix"}}) {
    SCOPED_TRACE(Join(args, " "));
    Invocation inv = Paged(Cmd(args));
    inv.env.emplace_back("ECTL_TEST_BETWEEN_PAGES", hook);
    RunResult r = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(LastLine(r.err).find("required revision has been compacted"), std::string::npos)
        << r.err;
    EXPECT_NE(LastLine(r.err).find("at revision"), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("late"), std::string::npos);
    EXPECT_EQ(r.out.find("c/00100"), std::string::npos) << "read past the first page";
  }
}

// SIGINT or SIGTERM (sent once from the page hook, so between two pages) stops an export: the
// process dies of the signal, -o leaves neither the file nor its temporary file behind,
// and what went to stdout is whole lines.
TEST_F(Bulk, SignalStopsExportWithoutAPartialFile) {
  ASSERT_NO_FATAL_FAILURE(Load("x/", 450));
  const std::string dir = MakeTempDir("ectl-bulk-signal");
  const std::string marker_dir = MakeTempDir("ectl-bulk-signal-marker");
  for (const auto& [signal, code] : std::vector<std::pair<std::string, int>>{{"INT", 130},
                                                                            {"TERM", 143}}) {
    SCOPED_TRACE(signal);
    // Once: a second signal would end the process at once, as it is meant to.
    const std::string marker = marker_dir + "/sent";
    const std::string hook =
        "[ -e '" + marker + "' ] || { : > '" + marker + "'; kill -" + signal + " $PPID; }";
    // Pages of 20: the signal has 20 more round trips to arrive in.
    Invocation to_file =
        Paged(Cmd({"export", "x/", "--prefix", "-o", dir + "/x.jsonl"}), "20");
    to_file.env.emplace_back("ECTL_TEST_BETWEEN_PAGES", hook);
    RunResult r = RunTool(Tool::kEctl, to_file);
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(std::filesystem::is_empty(dir)) << "left behind in " << dir;
    std::remove(marker.c_str());

    Invocation to_stdout = Paged(Cmd({"export", "x/", "--prefix"}), "20");
    to_stdout.env.emplace_back("ECTL_TEST_BETWEEN_PAGES", hook);
    r = RunTool(Tool::kEctl, to_stdout);
    EXPECT_EQ(r.exit_code, code) << r.err;
    EXPECT_LT(LineCount(r.out), 450u);
    EXPECT_TRUE(r.out.empty() || r.out.back() == '\n');
    std::remove(marker.c_str());
  }
  std::remove(dir.c_str());
  std::remove(marker_dir.c_str());
}

// SIGINT stops an import at the next record it reads: what was read before is written
// and waited for, the summary counts exactly what the store holds, and the process dies
// of the signal.
TEST_F(Bulk, SignalStopsImportAndReportsWhatWasWritten) {
  auto lines = [](int from, int to) {
    std::string text;
    char key[16];
    for (int i = from; i < to; ++i) {
      std::snprintf(key, sizeof key, "y/%05d", i);
      text += Line(key, "v");
    }
    return text;
  };
  auto stored = [] {
    // The count of the whole range (etcdctl 3.4 has no --count-only).
    RunResult r = RunTool(Tool::kEtcdctl, Cmd({"get", "y/", "--prefix", "--limit", "1",
                                               "-w", "json"}));
    auto doc = nlohmann::json::parse(r.out, nullptr, false);
    return doc.is_object() ? doc.value("count", int64_t{0}) : int64_t{-1};
  };
  std::string error;
  auto child = StartCtl(ToolPath(Tool::kEctl), Cmd({"import"}), &error);
  ASSERT_NE(child, nullptr) << error;
  child->WriteStdin(lines(0, 2000));
  // Full transactions go out as they fill; the reader then waits for more input.
  ASSERT_TRUE(WaitUntil([&] { return stored() >= 1000; }, std::chrono::seconds(30)));
  child->Signal(SIGINT);
  child->WriteStdin(lines(2000, 4000));
  child->CloseStdin();
  EXPECT_EQ(child->Wait(), 130) << child->Err();
  const std::string err = child->Err();
  const size_t at = err.find("import: ");
  ASSERT_NE(at, std::string::npos) << err;
  const int64_t written = std::stoll(err.substr(at + 8));
  EXPECT_EQ(stored(), written) << err;
  EXPECT_GE(written, 1000);
  EXPECT_LT(written, 4000);
  EXPECT_EQ(err.find("Error:"), std::string::npos) << err;
}

TEST_F(Bulk, ExportImportRoundTripsBinaryData) {
  const Pairs data = {
      {"b/bad\xff\xfe", "\xff"},
      {"b/line\nbreak", "two\nlines\r\n"},
      {"b/text", "h\xc3\xa9llo \xe2\x82\xac \"q\" \\"},
      {"b/empty", ""},
      {"b/trunc\xe2\x82", "\xc0\xaf overlong"},
      {"b/\x7f\x01", std::string(5000, '\x80')},
  };
  for (const auto& [k, v] : data) Put(k, v);
  // A key with NUL cannot go through etcdctl's argv: imported, then read by etcdctl.
  Ectl(Cmd({"import"}, "{\"key_base64\":\"Yi8AbnVs\",\"value_base64\":\"dgAA\"}\n"));
  const Pairs before = Dump("b/");
  ASSERT_EQ(before.size(), data.size() + 1);
  EXPECT_EQ(before[0], (std::pair<std::string, std::string>(std::string("b/\0nul", 6),
                                                             std::string("v\0\0", 3))));

  RunResult exported = Ectl(Paged(Cmd({"export", "b/", "--prefix"}), "2"));
  // One line per key, in key order; invalid UTF-8 marked by the field name.
  EXPECT_EQ(std::count(exported.out.begin(), exported.out.end(), '\n'), 7) << exported.out;
  // NUL is valid UTF-8: text, escaped by JSON.
  EXPECT_EQ(exported.out.rfind("{\"key\":\"b/\\u0000nul\",\"value\":\"v\\u0000\\u0000\",", 0), 0u)
      << exported.out;
  EXPECT_NE(exported.out.find("{\"key\":\"b/text\",\"value\":\"h\xc3\xa9llo"), std::string::npos);
  EXPECT_NE(exported.out.find("\"key_base64\":\"Yi9iYWT//g==\",\"value_base64\":\"/w==\""),
            std::string::npos) << exported.out;

  // Through a file written with -o.
  const std::string dir = MakeTempDir("ectl-bulk");
  const std::string file = dir + "/b.jsonl";
  Ectl(Cmd({"export", "b/", "--prefix", "-o", file}));
  std::ifstream in(file, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, exported.out);

  WipeKeyspace();
  RunResult imported = Ectl(Cmd({"import", file}));
  EXPECT_NE(imported.err.find("import: 7 keys written, 0 skipped, "), std::string::npos)
      << imported.err;
  EXPECT_EQ(Dump("b/"), before);

  WipeKeyspace();
  Ectl(Cmd({"import"}, exported.out));
  EXPECT_EQ(Dump("b/"), before);
  std::remove(file.c_str());
  std::remove(dir.c_str());
}

TEST_F(Bulk, ExportWithoutKeyIsTheWholeKeyspaceAtOneRevision) {
  Put("a", "1");
  Put("\xff", "2");
  Put("m/x", "3");
  const int64_t rev = Revision();
  Put("a", "changed");
  RunResult all = Ectl(Cmd({"export"}));
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 3) << all.out;
  RunResult old = Ectl(Cmd({"export", "--rev", std::to_string(rev)}));
  EXPECT_EQ(old.out.rfind("{\"key\":\"a\",\"value\":\"1\",", 0), 0u) << old.out;
  RunResult from = Ectl(Cmd({"export", "m", "--from-key"}));
  EXPECT_EQ(std::count(from.out.begin(), from.out.end(), '\n'), 2) << from.out;
}

TEST_F(Bulk, ImportReadsEtcdctlGetJson) {
  Put("j/\xff\x01", std::string("\xfe\0", 2));
  Put("j/plain", "value");
  Put("j/empty", "");
  const Pairs before = Dump("j/");
  RunResult doc = RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "j/", "-w", "json"}));
  ASSERT_EQ(doc.exit_code, 0);
  WipeKeyspace();
  RunResult r = Ectl(Cmd({"import"}, doc.out));
  EXPECT_NE(r.err.find("import: 3 keys written"), std::string::npos) << r.err;
  EXPECT_EQ(Dump("j/"), before);
}

TEST_F(Bulk, IfAbsentLeavesExistingKeys) {
  Put("i/1", "old");
  const std::string input = Line("i/1", "new") + Line("i/2", "new") + Line("i/3", "new");
  RunResult r = Ectl(Cmd({"import", "--if-absent", "--max-txn-ops", "2"}, input));
  EXPECT_NE(r.err.find("import: 2 keys written, 1 skipped, "), std::string::npos) << r.err;
  EXPECT_EQ(Dump("i/"), (Pairs{{"i/1", "old"}, {"i/2", "new"}, {"i/3", "new"}}));
}

TEST_F(Bulk, PrefixRewrite) {
  Put("src/a", "1");
  Put("src/b/c", "2");
  RunResult exported = Ectl(Cmd({"export", "src/", "--prefix"}));
  Ectl(Cmd({"import", "--prefix-from", "src/", "--prefix-to", "dst/"}, exported.out));
  EXPECT_EQ(Dump("dst/"), (Pairs{{"dst/a", "1"}, {"dst/b/c", "2"}}));
  EXPECT_EQ(Dump("src/").size(), 2u);
  // A key outside the prefix is bad input.
  RunResult bad = RunTool(Tool::kEctl,
                          Cmd({"import", "--prefix-from", "x/", "--prefix-to", "y/"},
                              exported.out));
  EXPECT_EQ(bad.exit_code, 3);
  EXPECT_EQ(LastLine(bad.err),
            "Error: line 1: key does not start with --prefix-from \"x/\": \"src/a\"");
}

TEST_F(Bulk, DryRunWritesNothing) {
  const std::string before = StateDump();
  RunResult r = Ectl(Cmd({"import", "--dry-run"}, Line("d/1", "x") + "\n" + Line("d/2", "yy")));
  EXPECT_EQ(StateDump(), before);
  EXPECT_NE(r.err.find("import --dry-run: 2 keys valid, 0 bad lines, 9 bytes"), std::string::npos)
      << r.err;
}

TEST_F(Bulk, BadLinesAreNumberedAndStopTheImport) {
  const std::string input = Line("n/1", "a") + Line("n/2", "b") + "\n{\"key\":\"n/3\"}\n" +
                            Line("n/4", "d") + "not json\n" + Line("n/6", "f");
  RunResult r = RunTool(Tool::kEctl, Cmd({"import"}, input));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(LastLine(r.err), "Error: line 4: no value or value_base64");
  EXPECT_EQ(Dump("n/"), (Pairs{{"n/1", "a"}, {"n/2", "b"}}));

  WipeKeyspace();
  r = RunTool(Tool::kEctl, Cmd({"import", "--keep-going"}, input));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("Error: line 4: no value or value_base64\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Error: line 6: not JSON: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("import: 4 keys written, 0 skipped, "), std::string::npos) << r.err;
  EXPECT_EQ(Dump("n/"), (Pairs{{"n/1", "a"}, {"n/2", "b"}, {"n/4", "d"}, {"n/6", "f"}}));

  r = RunTool(Tool::kEctl, Cmd({"import"}, "{\"key_base64\":\"!!\",\"value\":\"\"}\n"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(LastLine(r.err), "Error: line 1: key_base64: not valid base64");
  r = RunTool(Tool::kEctl, Cmd({"import", "/nonexistent/file"}));
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_EQ(LastLine(r.err), "Error: open /nonexistent/file: no such file or directory");
}

// The last value of a key given twice wins, within a batch (which then splits: etcd
// refuses a key twice in one txn) and across batches in flight at once.
TEST_F(Bulk, RepeatedKeyEndsWithItsLastValue) {
  std::string input;
  for (int round = 0; round < 30; ++round) {
    for (int k = 0; k < 5; ++k) input += Line("r/" + std::to_string(k), std::to_string(round));
  }
  RunResult r = Ectl(Cmd({"import", "--max-txn-ops", "3"}, input));
  EXPECT_NE(r.err.find("import: 150 keys written"), std::string::npos) << r.err;
  Pairs want;
  for (int k = 0; k < 5; ++k) want.emplace_back("r/" + std::to_string(k), "29");
  EXPECT_EQ(Dump("r/"), want);
  ASSERT_NO_FATAL_FAILURE(WipeKeyspace());
  Ectl(Cmd({"import"}, input));
  EXPECT_EQ(Dump("r/"), want);
}

// More operations per transaction than the server allows (128): split and sent again.
TEST_F(Bulk, TransactionsAboveTheServerLimitsAreSplit) {
  std::string input;
  for (int i = 0; i < 1000; ++i) input += Line("s/" + std::to_string(i), "v");
  RunResult r = Ectl(Cmd({"import", "--max-txn-ops", "1000", "--max-request-bytes", "100000000"},
                         input));
  EXPECT_NE(r.err.find("import: 1000 keys written"), std::string::npos) << r.err;
  EXPECT_EQ(Dump("s/").size(), 1000u);
}

// A server out of space: the import reports how far it got and the first key not written.
class BulkNoSpace : public ClusterSuite<BulkNoSpace> {
 public:
  static EtcdClusterOptions Options() {
    EtcdClusterOptions o;
    o.members = 1;
    o.extra_args = {"--quota-backend-bytes=1048576"};
    return o;
  }
};

TEST_F(BulkNoSpace, RefusedBatchReportsProgress) {
  std::string input;
  const std::string value(20000, 'x');
  // 20 MB against a 1 MiB quota: etcd sees its file grow only at its periodic commits,
  // so a fast import gets well past the quota before the first refusal.
  for (int i = 0; i < 1000; ++i) {
    char key[16];
    std::snprintf(key, sizeof key, "q/%04d", i);
    input += Line(key, value);
  }
  Invocation inv = Cmd({"import", "--max-txn-ops", "10", "--txns-in-flight", "1"});
  inv.stdin_data = input;
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string last = LastLine(r.err);
  EXPECT_NE(last.find("Error: etcdserver: mvcc: database space exceeded ("), std::string::npos)
      << r.err;
  EXPECT_NE(last.find(" keys written; first key not written: \"q/"), std::string::npos) << last;
  // The count reported is what the server confirmed, and the first key not written is the
  // one after them (one transaction in flight, so everything before it was written). etcd
  // may have applied the refused transaction (it applies the one that crosses the quota and
  // then answers "database space exceeded"): the store holds those keys or the next 10.
  RunResult keys =
      RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "q/", "--keys-only", "-w", "json"}));
  const auto stored = nlohmann::json::parse(keys.out).value("count", int64_t{0});
  const size_t at = last.find(" keys written;");
  ASSERT_NE(at, std::string::npos) << last;
  const int64_t reported = std::stoll(last.substr(last.rfind('(', at) + 1));
  EXPECT_TRUE(stored == reported || stored == reported + 10)
      << last << " stored: " << stored;
  EXPECT_EQ(reported % 10, 0) << last;
  char next[16];
  std::snprintf(next, sizeof next, "q/%04d", static_cast<int>(reported));
  EXPECT_NE(last.find(std::string("first key not written: \"") + next + "\", line " +
                      std::to_string(reported + 1) + ")"),
            std::string::npos)
      << last;
  (void)RunTool(Tool::kEtcdctl, Cmd({"alarm", "disarm"}));
}

}  // namespace
}  // namespace ectl::integration
