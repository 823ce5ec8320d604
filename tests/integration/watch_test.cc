// watch against real etcd, compared with etcdctl 3.4: both tools watch the same server
// from the same start revision, so their outputs must be byte-identical (revisions
// included). Suites: Watch (one member, short progress-notify interval) and WatchCluster
// (three members, stopped and restarted under a running watcher).
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "binaries.h"
#include "ctl.h"
#include "etcd_fixture.h"
#include "child_process.h"

namespace ectl::integration {
namespace {

using std::chrono::seconds;

class WatchSuiteBase : public ::testing::Test {
 protected:
  static std::unique_ptr<EtcdCluster> Start(int members) {
    EtcdClusterOptions options;
    options.members = members;
    // Periodic progress notifications every half second (etcd's default is 10 min).
    options.extra_args = {"--experimental-watch-progress-notify-interval=500ms"};
    std::string error;
    auto c = EtcdCluster::Start(options, &error);
    if (!c) ADD_FAILURE() << error;
    return c;
  }

  static RunResult Oracle(const EtcdCluster& c, std::vector<std::string> args,
                          std::string stdin_data = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.stdin_data = std::move(stdin_data);
    inv.endpoints = c.ClientEndpoints();
    return RunTool(Tool::kEtcdctl, inv);
  }

  static void OraclePut(const EtcdCluster& c, const std::string& k, const std::string& v) {
    RunResult r = Oracle(c, {"put", "--", k, v});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  static int64_t Revision(const EtcdCluster& c) {
    return HeaderRevision(Oracle(c, {"get", "-w", "json", "revision-probe"}).out);
  }

  static std::unique_ptr<ChildProcess> StartWatch(
      const EtcdCluster& c, Tool tool, const std::vector<std::string>& args,
      const std::vector<std::pair<std::string, std::string>>& env = {}) {
    std::vector<std::string> argv = {ToolPath(tool), "--endpoints=" + c.ClientEndpoints()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::string error;
    auto w = ChildProcess::Start(argv, env, &error);
    EXPECT_NE(w, nullptr) << error;
    return w;
  }
};

class Watch : public WatchSuiteBase {
 protected:
  static void SetUpTestSuite() { cluster_ = Start(1); }
  static void TearDownTestSuite() { cluster_.reset(); }
  void SetUp() override {
    ASSERT_NE(cluster_, nullptr);
    ASSERT_EQ(Oracle(*cluster_, {"del", "--prefix", ""}).exit_code, 0);
  }
  static EtcdCluster& C() { return *cluster_; }

  // Performs `writes`, runs etcdctl and ectl watching with `args` (each gets `env`),
  // waits until etcdctl has printed `marker` and ectl the same bytes, then stops both
  // with SIGTERM and compares exit codes and stderr.
  void ExpectSameStream(const std::vector<std::string>& args, const std::string& marker,
                        const std::function<void()>& writes,
                        const std::vector<std::pair<std::string, std::string>>& env = {}) {
    // Written first: both tools then replay the same history from --rev and get the same
    // responses (live, how the server groups revisions into responses depends on timing).
    writes();
    auto oracle = StartWatch(C(), Tool::kEtcdctl, args, env);
    auto ectl = StartWatch(C(), Tool::kEctl, args, env);
    ASSERT_TRUE(oracle && ectl);
    ASSERT_TRUE(oracle->WaitForOut([&](const std::string& out) {
      return out.find(marker) != std::string::npos;
    })) << "etcdctl printed: "
        << Printable(oracle->Out()) << oracle->Err();
    const std::string expected = oracle->Out();
    EXPECT_TRUE(ectl->WaitForOut([&](const std::string& out) { return out == expected; }))
        << "ectl: " << Printable(ectl->Out()) << "\netcdctl: " << Printable(expected)
        << "\nectl stderr: " << ectl->Err();
    oracle->Signal(SIGTERM);
    ectl->Signal(SIGTERM);
    EXPECT_EQ(ectl->Wait(), oracle->Wait());
    EXPECT_EQ(ectl->Err(), oracle->Err());
  }

 private:
  static std::unique_ptr<EtcdCluster> cluster_;
};
std::unique_ptr<EtcdCluster> Watch::cluster_;

TEST_F(Watch, EveryFormatMatchesOracle) {
  const std::string rev = std::to_string(Revision(C()) + 1);
  const std::vector<std::vector<std::string>> formats = {
      {}, {"--hex"}, {"-w", "json"}, {"-w", "fields"}, {"-w", "protobuf"}};
  OraclePut(C(), "wa", "1");
  OraclePut(C(), "wb", "v<&>\n\"q\" \xff");
  OraclePut(C(), "wa", "2");
  ASSERT_EQ(Oracle(C(), {"del", "wa"}).exit_code, 0);
  ASSERT_EQ(Oracle(C(), {"txn"}, "\nput wc 3\nput wd 4\n\n\n").exit_code, 0);
  OraclePut(C(), "other", "x");  // outside the prefix
  OraclePut(C(), "wz", "end");
  std::vector<std::unique_ptr<ChildProcess>> oracles, ectls;
  for (const auto& f : formats) {
    std::vector<std::string> args = f;
    args.insert(args.end(), {"watch", "--prefix", "w", "--prev-kv", "--rev", rev});
    oracles.push_back(StartWatch(C(), Tool::kEtcdctl, args));
    ectls.push_back(StartWatch(C(), Tool::kEctl, args));
  }
  const std::vector<std::string> markers = {"wz\nend\n", "\\x77\\x7a", "d3o=", "\"wz\"", "wz"};
  for (size_t i = 0; i < formats.size(); ++i) {
    SCOPED_TRACE("format " + std::to_string(i));
    ASSERT_TRUE(oracles[i]->WaitForOut(
        [&](const std::string& o) { return o.find(markers[i]) != std::string::npos; }));
    const std::string expected = oracles[i]->Out();
    EXPECT_TRUE(ectls[i]->WaitForOut([&](const std::string& o) { return o == expected; }))
        << "ectl: " << Printable(ectls[i]->Out()) << "\netcdctl: " << Printable(expected);
    ectls[i]->Signal(SIGINT);
    EXPECT_EQ(ectls[i]->Wait(), 128 + SIGINT);
    EXPECT_EQ(ectls[i]->Err(), "");
  }
}

TEST_F(Watch, FromNowWithoutRev) {
  // No --rev: events from the creation on. Writing until the watcher shows one proves
  // it is established; the events after that must all be there.
  auto ectl = StartWatch(C(), Tool::kEctl, {"watch", "--prefix", "n/"});
  ASSERT_TRUE(ectl);
  ASSERT_TRUE(ectl->WaitForOut([&](const std::string& out) {
    OraclePut(C(), "n/ready", "1");
    return out.find("n/ready") != std::string::npos;
  }));
  for (int i = 0; i < 5; ++i) OraclePut(C(), "n/k" + std::to_string(i), std::to_string(i));
  const std::string tail = "PUT\nn/k0\n0\nPUT\nn/k1\n1\nPUT\nn/k2\n2\nPUT\nn/k3\n3\nPUT\nn/k4\n4\n";
  EXPECT_TRUE(ectl->WaitForOut([&](const std::string& out) {
    return out.size() >= tail.size() &&
           out.compare(out.size() - tail.size(), tail.size(), tail) == 0;
  })) << Printable(ectl->Out());
  ectl->Signal(SIGTERM);
  EXPECT_EQ(ectl->Wait(), 128 + SIGTERM);
}

TEST_F(Watch, ExecFormMatchesOracle) {
  const std::string rev = std::to_string(Revision(C()) + 1);
  ExpectSameStream(
      {"watch", "--rev", rev, "wk", "--", "sh", "-c",
       "echo \"REV=$ETCD_WATCH_REVISION TYPE=$ETCD_WATCH_EVENT_TYPE KEY=$ETCD_WATCH_KEY "
       "VAL=$ETCD_WATCH_VALUE\""},
      "TYPE=\"DELETE\"", [&] {
        OraclePut(C(), "wk", "v \"q\"");
        ASSERT_EQ(Oracle(C(), {"del", "wk"}).exit_code, 0);
      });
}

TEST_F(Watch, ExecFailureEndsLikeOracle) {
  const std::string rev = std::to_string(Revision(C()) + 1);
  OraclePut(C(), "wk", "v");
  for (const auto& cmd : std::vector<std::vector<std::string>>{{"sh", "-c", "exit 3"},
                                                               {"no-such-command-for-ectl"}}) {
    std::vector<std::string> args = {
        "--endpoints=" + C().ClientEndpoints(), "watch", "--rev", rev, "wk", "--"};
    args.insert(args.end(), cmd.begin(), cmd.end());
    Invocation inv;
    inv.args = args;
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, 1);
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(ectl.out, oracle.out);
    EXPECT_EQ(ectl.err, oracle.err);
  }
}

TEST_F(Watch, EnvironmentKeyMatchesOracle) {
  const std::string rev = std::to_string(Revision(C()) + 1);
  ExpectSameStream({"watch", "--rev", rev}, "wz\nend\n",
                   [&] {
                     OraclePut(C(), "wa", "1");
                     OraclePut(C(), "zz", "outside");
                     OraclePut(C(), "wz", "end");
                   },
                   {{"ETCDCTL_WATCH_KEY", "wa"}, {"ETCDCTL_WATCH_RANGE_END", "wzz"}});
}

TEST_F(Watch, InteractiveMatchesOracle) {
  const std::string rev = std::to_string(Revision(C()) + 1);
  // Written first, so both replay the same history; the second watcher is asked for only
  // once the first has printed, so the order of their output is fixed.
  OraclePut(C(), "wk", "1");
  OraclePut(C(), "wk", "2");
  OraclePut(C(), "q k", "v");
  auto oracle = StartWatch(C(), Tool::kEtcdctl, {"watch", "-i"});
  auto ectl = StartWatch(C(), Tool::kEctl, {"watch", "-i"});
  ASSERT_TRUE(oracle && ectl);
  for (auto* w : {oracle.get(), ectl.get()}) {
    w->WriteStdin("watch --rev " + rev +
                  " --prev-kv wk\nbogus\n\nwatch\n"
                  "watch -- echo hi\nwatch --prefix a b\n");
    EXPECT_TRUE(w->WaitForOut([](const std::string& o) {
      return o.find("wk\n2\n") != std::string::npos;
    })) << Printable(w->Out())
        << w->Err();
    w->WriteStdin("watch --rev " + rev + " \"q k\" -- sh -c \"echo $ETCD_WATCH_KEY\"\n");
    EXPECT_TRUE(w->WaitForOut([](const std::string& o) {
      return o.find("\"q k\"") != std::string::npos;
    })) << Printable(w->Out())
        << w->Err();
    w->CloseStdin();
  }
  EXPECT_EQ(ectl->Wait(), 3);
  EXPECT_EQ(oracle->Wait(), 3);
  EXPECT_EQ(Printable(ectl->Out()), Printable(oracle->Out()));
  EXPECT_EQ(ectl->Err(), oracle->Err());
}

TEST_F(Watch, InteractiveProgressAndBadLine) {
  auto ectl = StartWatch(C(), Tool::kEctl, {"watch", "-i"});
  ASSERT_TRUE(ectl);
  ectl->WriteStdin("watch wk\nprogress\n");
  EXPECT_TRUE(ectl->WaitForOut([](const std::string& o) {
    return o.find("progress notify: ") == 0;
  })) << ectl->Out()
      << ectl->Err();
  // A flag error on a line is fatal, as with etcdctl.
  ectl->WriteStdin("watch --bogus k\n");
  EXPECT_EQ(ectl->Wait(), 128);
  EXPECT_EQ(LastLine(ectl->Err()), "Error: unknown flag: --bogus");
}

TEST_F(Watch, CompactedRevisionExits5LikeOracle) {
  OraclePut(C(), "wk", "1");
  OraclePut(C(), "wk", "2");
  const int64_t rev = Revision(C());
  ASSERT_EQ(Oracle(C(), {"compaction", std::to_string(rev)}).exit_code, 0);
  for (const std::string& format : {"simple", "json", "fields", "protobuf"}) {
    SCOPED_TRACE(format);
    Invocation inv;
    inv.args = {"-w", format, "watch", "--rev", "1", "wk"};
    inv.endpoints = C().ClientEndpoints();
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, 5);
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(Printable(ectl.out), Printable(oracle.out));
    EXPECT_EQ(ectl.err, oracle.err);
  }
}

TEST_F(Watch, ProgressNotifyFlag) {
  // 3.5's --progress-notify: the server's periodic notifications (every 500 ms here).
  auto ectl = StartWatch(C(), Tool::kEctl, {"watch", "--progress-notify", "wk"});
  ASSERT_TRUE(ectl);
  EXPECT_TRUE(ectl->WaitForOut([](const std::string& o) {
    return o.find("progress notify: ") == 0 && o.find('\n') != std::string::npos;
  })) << ectl->Out()
      << ectl->Err();
  ectl->Signal(SIGINT);
  EXPECT_EQ(ectl->Wait(), 128 + SIGINT);
}

TEST_F(Watch, ArgumentErrorsMatchOracle) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
  };
  const std::vector<Case> cases = {
      {{"watch"}, {}},
      {{"watch", "--rev", "1"}, {}},
      {{"watch", "k", "--"}, {}},
      {{"watch", "--", "echo", "hi"}, {}},
      {{"watch", "--prefix", "a", "b"}, {}},
      {{"watch", "foo"}, {{"ETCDCTL_WATCH_RANGE_END", "z"}}},
      {{"watch", "foo"}, {{"ETCDCTL_WATCH_KEY", "foo"}}},
      {{"watch", "foo", "--", "echo", "1"}, {{"ETCDCTL_WATCH_KEY", "foo"}}},
      {{"watch", "--"}, {{"ETCDCTL_WATCH_KEY", "foo"}}},
      {{"watch", "--prefix"}, {{"ETCDCTL_WATCH_KEY", "f"}, {"ETCDCTL_WATCH_RANGE_END", "g"}}},
      {{"watch", "-i"}, {}},
      {{"-w", "xml", "watch", "k"}, {}},
  };
  for (const auto& c : cases) {
    Invocation inv;
    inv.args = c.args;
    inv.env = c.env;
    inv.endpoints = C().ClientEndpoints();
    SCOPED_TRACE(Describe(inv));
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(ectl.out, oracle.out);
    EXPECT_EQ(ectl.err, oracle.err);
  }
}

// --- three members, stopped one at a time under a running watcher ---

class WatchCluster : public WatchSuiteBase {};

TEST_F(WatchCluster, EveryEventExactlyOnceAcrossMemberRestarts) {
  auto cluster = Start(3);
  ASSERT_NE(cluster, nullptr);
  const EtcdCluster& c = *cluster;
  const std::string rev = std::to_string(Revision(c) + 1);
  auto ectl = StartWatch(c, Tool::kEctl, {"watch", "--prefix", "k/", "--rev", rev});
  ASSERT_TRUE(ectl);

  // The writer puts k/0000, k/0001, ... until told to stop; a put that fails while a
  // member is down is repeated (a repeat that had in fact succeeded is a real second
  // event, which the oracle below shows too).
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load() || i < 60; ++i) {
      char key[16];
      std::snprintf(key, sizeof key, "k/%04d", i);
      for (int attempt = 0; attempt < 50; ++attempt) {
        if (Oracle(c, {"put", key, "v" + std::to_string(i)}).exit_code == 0) break;
      }
      written.store(i + 1);
    }
  });
  auto events = [&] {
    std::string out = ectl->Out();
    return static_cast<int>(std::count(out.begin(), out.end(), '\n') / 3);
  };
  for (size_t round = 0; round < 2 * c.size(); ++round) {
    const size_t m = round % c.size();
    const int before = events();
    cluster->StopMember(m);
    // Let events flow while the member is down, then bring it back.
    // Events keep coming while the member is down: whichever member served the stream
    // (each is stopped in turn), the watcher has moved on to another one.
    EXPECT_TRUE(
        ectl->WaitForOut([&](const std::string&) { return events() >= before + 5; }, seconds(30)))
        << "no events while m" << m << " was down; stderr: " << ectl->Err();
    std::string error;
    ASSERT_TRUE(cluster->RestartMember(m, seconds(30), &error)) << error;
  }
  stop.store(true);
  writer.join();

  // The oracle: etcdctl reading the same history from the same revision.
  auto oracle = StartWatch(c, Tool::kEtcdctl, {"watch", "--prefix", "k/", "--rev", rev});
  ASSERT_TRUE(oracle);
  char last[32];
  std::snprintf(last, sizeof last, "k/%04d\nv%d\n", written.load() - 1, written.load() - 1);
  ASSERT_TRUE(oracle->WaitForOut([&](const std::string& o) {
    return o.find(last) != std::string::npos;
  })) << oracle->Err();
  const std::string expected = oracle->Out();
  EXPECT_TRUE(ectl->WaitForOut([&](const std::string& o) { return o == expected; }))
      << "ectl printed " << events() << " events, etcdctl "
      << std::count(expected.begin(), expected.end(), '\n') / 3 << "\nectl stderr: " << ectl->Err();
  ectl->Signal(SIGTERM);
  EXPECT_EQ(ectl->Wait(), 128 + SIGTERM);
  oracle->Signal(SIGTERM);
  oracle->Wait();
}

TEST_F(WatchCluster, FreshAuthTokenAfterMemberRestart) {
  // A restarted member has forgotten every simple token, so the watcher's stream is
  // re-created with a token the member refuses; ectl must fetch a new one.
  auto cluster = Start(1);
  ASSERT_NE(cluster, nullptr);
  const EtcdCluster& c = *cluster;
  ASSERT_EQ(Oracle(c, {"user", "add", "root:pw"}).exit_code, 0);
  ASSERT_EQ(Oracle(c, {"auth", "enable"}).exit_code, 0);
  const std::string rev = std::to_string(
      HeaderRevision(Oracle(c, {"--user", "root:pw", "get", "-w", "json", "x"}).out) + 1);
  auto ectl = StartWatch(c, Tool::kEctl, {"--user", "root:pw", "watch", "--rev", rev, "t/", "t0"});
  ASSERT_TRUE(ectl);
  ASSERT_EQ(Oracle(c, {"--user", "root:pw", "put", "t/a", "1"}).exit_code, 0);
  ASSERT_TRUE(ectl->WaitForOut([](const std::string& o) { return o == "PUT\nt/a\n1\n"; }))
      << ectl->Out() << ectl->Err();
  std::string error;
  ASSERT_TRUE(cluster->RestartMember(0, seconds(30), &error)) << error;
  ASSERT_EQ(Oracle(c, {"--user", "root:pw", "put", "t/b", "2"}).exit_code, 0);
  EXPECT_TRUE(ectl->WaitForOut([](const std::string& o) {
    return o == "PUT\nt/a\n1\nPUT\nt/b\n2\n";
  })) << ectl->Out()
      << ectl->Err();
  ectl->Signal(SIGTERM);
  EXPECT_EQ(ectl->Wait(), 128 + SIGTERM);
  EXPECT_EQ(ectl->Err(), "");
}

}  // namespace
}  // namespace ectl::integration
