// Pure pieces of lock, elect, make-mirror and check perf, and their argument errors.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/commands/check_perf.h"
#include "cli/commands/mirror_sync.h"
#include "cli/run.h"
#include "client/concurrency.h"
#include "client/metrics.h"

namespace ectl::cli {
namespace {

using namespace std::chrono_literals;

TEST(Concurrency, SessionKeyIsLowerCaseHexWithoutPadding) {
  EXPECT_EQ(client::SessionKey("mylock/", 0x1a15a209ea03311c), "mylock/1a15a209ea03311c");
  EXPECT_EQ(client::SessionKey("e/", 0xab), "e/ab");
}

TEST(Mirror, ReplaceFirstAsGoStringsReplace) {
  EXPECT_EQ(ReplaceFirst("/src/a", "/src/", "/dst/"), "/dst/a");
  EXPECT_EQ(ReplaceFirst("x/src/a/src/", "/src/", "-"), "x-a/src/");
  EXPECT_EQ(ReplaceFirst("abc", "zz", "y"), "abc");
  EXPECT_EQ(ReplaceFirst("abc", "", "p/"), "p/abc");   // no --prefix, --dest-prefix=p/
  EXPECT_EQ(ReplaceFirst("/src/a", "/src/", ""), "a");  // --no-dest-prefix
}

etcdserverpb::WatchResponse Events(const std::vector<std::tuple<bool, std::string, int64_t>>& evs) {
  etcdserverpb::WatchResponse r;
  for (const auto& [del, key, rev] : evs) {
    auto* ev = r.add_events();
    ev->set_type(del ? mvccpb::Event::DELETE : mvccpb::Event::PUT);
    ev->mutable_kv()->set_key(key);
    ev->mutable_kv()->set_value("v" + key);
    ev->mutable_kv()->set_mod_revision(rev);
    ev->mutable_kv()->set_lease(7);
  }
  return r;
}

TEST(Mirror, OneTransactionPerRevision) {
  auto txns = MirrorTxns(Events({{false, "/s/a", 5}, {false, "/s/b", 5}, {true, "/s/c", 6}}),
                         "/s/", "/d/", 128);
  ASSERT_EQ(txns.size(), 2u);
  ASSERT_EQ(txns[0].success_size(), 2);
  EXPECT_EQ(txns[0].success(0).request_put().key(), "/d/a");
  EXPECT_EQ(txns[0].success(0).request_put().value(), "v/s/a");
  EXPECT_EQ(txns[0].success(0).request_put().lease(), 0);  // leases are not mirrored
  EXPECT_EQ(txns[0].compare_size(), 0);
  ASSERT_EQ(txns[1].success_size(), 1);
  EXPECT_EQ(txns[1].success(0).request_delete_range().key(), "/d/c");
  EXPECT_EQ(txns[1].success(0).request_delete_range().range_end(), "");
}

TEST(Mirror, LargeRevisionSplitAtMaxTxnOps) {
  auto txns = MirrorTxns(Events({{false, "a", 9}, {false, "b", 9}, {false, "c", 9}, {false, "d", 9},
                                 {false, "e", 9}}),
                         "", "", 2);
  ASSERT_EQ(txns.size(), 3u);
  EXPECT_EQ(txns[0].success_size(), 2);
  EXPECT_EQ(txns[1].success_size(), 2);
  EXPECT_EQ(txns[2].success_size(), 1);
  EXPECT_EQ(txns[2].success(0).request_put().key(), "e");
}

TEST(CheckPerf, Models) {
  EXPECT_EQ(LookupPerfModel("s")->rate, 150);
  EXPECT_EQ(LookupPerfModel("small")->clients, 50);
  EXPECT_EQ(LookupPerfModel("medium")->rate, 1000);
  EXPECT_EQ(LookupPerfModel("l")->clients, 500);
  EXPECT_EQ(LookupPerfModel("xLarge")->rate, 15000);
  EXPECT_EQ(LookupPerfModel("xl")->seconds, 60);
  EXPECT_FALSE(LookupPerfModel("XL"));
}

TEST(CheckDatascale, ModelsAndVerdict) {
  EXPECT_EQ(LookupDatascaleModel("s")->keys, 10000);
  EXPECT_EQ(LookupDatascaleModel("medium")->clients, 200);
  EXPECT_EQ(LookupDatascaleModel("l")->keys, 1000000);
  EXPECT_EQ(LookupDatascaleModel("xLarge")->keys, 3000000);
  EXPECT_FALSE(LookupDatascaleModel("huge"));
  EXPECT_EQ(DatascaleVerdict(12.34 * 1024 * 1024),
            "PASS: Approximate system memory used : 12.34 MB.\n");
}

TEST(CheckDatascale, ResidentMemoryFromPrometheusText) {
  EXPECT_EQ(client::ParseResidentMemory(
                "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
                "# TYPE process_resident_memory_bytes gauge\n"
                "process_resident_memory_bytes 4.2401792e+07\n"
                "process_start_time_seconds 1.7e+09\n"),
            42401792.0);
  EXPECT_EQ(client::ParseResidentMemory("process_virtual_memory_bytes 5\n"), 0.0);
}

TEST(CheckPerf, VerdictPass) {
  PerfStats s;
  s.total_seconds = 1;
  s.latencies = {0.01, 0.03};
  bool pass = false;
  PerfModel model{2, 1, 60};
  EXPECT_EQ(PerfVerdict(s, model, &pass),
            "PASS: Throughput is 3 writes/s\n"
            "PASS: Slowest request took 0.030000s\n"
            "PASS: Stddev is 0.010000s\n"
            "PASS\n");
  EXPECT_TRUE(pass);
}

TEST(CheckPerf, VerdictFail) {
  PerfStats s;
  s.total_seconds = 10;
  s.latencies = {0.1, 0.9};
  s.errors["context deadline exceeded"] = 3;
  bool pass = true;
  EXPECT_EQ(PerfVerdict(s, PerfModel{150, 50, 60}, &pass),
            "FAIL: too many errors\n"
            "FAIL: ERROR(context deadline exceeded) -> 3\n"
            "FAIL: Throughput too low: 1 writes/s\n"
            "Slowest request took too long: 0.900000s\n"
            "Stddev too high: 0.400000s\n"
            "FAIL\n");
  EXPECT_FALSE(pass);
}

TEST(CheckPerf, ProgressLineAsEtcdctlDrawsIt) {
  EXPECT_EQ(ProgressLine(0, 60, 0s, false, 0s, 0), "\r 0 / 60    0.00%");
  EXPECT_EQ(ProgressLine(1, 60, 59s, false, 0s, 0), "\r 1 / 60    1.67% 00m59s");
  EXPECT_EQ(ProgressLine(58, 60, 1500ms, false, 0s, 0), "\r 58 / 60   96.67% 00m01s");
  EXPECT_EQ(ProgressLine(59, 60, 500ms, false, 0s, 0), "\r 59 / 60   98.33%");
  EXPECT_EQ(ProgressLine(60, 60, 0s, true, 60300ms, 0), "\r 60 / 60  100.00% 1m0s\n");
  // On a terminal the bar fills the line.
  EXPECT_EQ(ProgressLine(1, 2, 1s, false, 0s, 40), "\r 1 / 2 Booooooom        !  50.00% 00m01s");
}

struct Outcome {
  int code;
  std::string err;
};

Outcome RunArgs(std::vector<std::string> argv) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = Run(argv, {}, {in, out, err, false});
  return {code, err.str()};
}

TEST(ConcurrencyArgs, ErrorsBeforeAnyConnection) {
  EXPECT_EQ(RunArgs({"ectl", "lock"}).err,
            "Error: lock takes a lock name argument and an optional command to execute\n");
  EXPECT_EQ(RunArgs({"ectl", "lock"}).code, 128);
  EXPECT_EQ(RunArgs({"ectl", "elect"}).err,
            "Error: elect takes one election name argument and an optional proposal argument\n");
  EXPECT_EQ(RunArgs({"ectl", "elect", "a", "b", "c"}).code, 128);
  EXPECT_EQ(RunArgs({"ectl", "elect", "a"}).err, "Error: no proposal argument but -l not set\n");
  EXPECT_EQ(RunArgs({"ectl", "elect", "-l", "a", "b"}).err, "Error: proposal given but -l is set\n");
  EXPECT_EQ(RunArgs({"ectl", "make-mirror"}).err,
            "Error: make-mirror takes one destination argument\n");
  auto both = RunArgs({"ectl", "make-mirror", "--dest-prefix=x", "--no-dest-prefix", "d"});
  EXPECT_EQ(both.code, 128);
  EXPECT_EQ(both.err,
            "Error: `--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, choose one\n");
  for (auto args : std::vector<std::vector<std::string>>{{"lock", "L", "true"},
                                                          {"elect", "-l", "E"},
                                                          {"make-mirror", "d"},
                                                          {"check", "perf"}}) {
    args.insert(args.begin(), {"ectl", "-w", "bogus"});
    auto r = RunArgs(args);
    EXPECT_EQ(r.code, 4);
    EXPECT_EQ(r.err, "Error: unsupported output format\n");
  }
  auto load = RunArgs({"ectl", "check", "perf", "--load=huge"});
  EXPECT_EQ(load.code, 4);
  EXPECT_EQ(load.err, "Error: unknown load option huge\n");
}

}  // namespace
}  // namespace ectl::cli
