// The auth matrix: every command that talks to a server, run as root against an etcd with
// authentication enabled, with the password taken from each source (the prompt, which
// reads one line from stdin when it is not a terminal; --password; ETCDCTL_PASSWORD;
// --password-file). ectl's exit code and normalised stdout must match etcdctl 3.4's on the
// same server state (etcdctl runs once per command, with --password). Commands etcdctl
// lacks or runs differently (auth status, check perf and datascale, make-mirror) are
// checked on ectl alone. One etcd (and make-mirror's destination) serves the whole suite.
//
// The matrix is data: Cases() lists the commands, kSources the password sources, and one
// parameterised test runs every pair.
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "child_process.h"
#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

constexpr char kPassword[] = "pw";

enum class Source { kPrompt, kFlag, kEnv, kFile };
const Source kSources[] = {Source::kPrompt, Source::kFlag, Source::kEnv, Source::kFile};

std::string SourceName(Source source) {
  switch (source) {
    case Source::kPrompt: return "Prompt";
    case Source::kFlag: return "PasswordFlag";
    case Source::kEnv: return "PasswordEnv";
    case Source::kFile: return "PasswordFile";
  }
  return "";
}

// --- making stdout comparable ---
using Mask = std::string (*)(const std::string&);

std::string Exact(const std::string& out) { return out; }
// Lease, member and cluster IDs, numbers (revisions, sizes, hashes, ports) and
// `took = <duration>` differ from run to run. Member changes print IDs as Go's %16x,
// space-padded: an ID below 1<<60 has more than one space before it.
std::string Numbers(const std::string& out) {
  std::string s = std::regex_replace(out, std::regex("took = [^\n]*"), "took = D");
  s = std::regex_replace(s, std::regex("( ?) *\\b[0-9a-f]{8,16}\\b"), "$1H");
  return std::regex_replace(s, std::regex("[0-9]+"), "N");
}
// `lease list`: the leases granted by earlier tests are listed too.
std::string FirstLine(const std::string& out) { return Numbers(out.substr(0, out.find('\n') + 1)); }
// `member add`: ETCD_INITIAL_CLUSTER lists the members in ID order, and the new
// member's ID differs from run to run.
std::string SortedCluster(const std::string& out) {
  std::string s = Numbers(out);
  std::smatch m;
  if (!std::regex_search(s, m, std::regex("ETCD_INITIAL_CLUSTER=\"([^\"]*)\""))) return s;
  std::vector<std::string> parts;
  std::istringstream in(m[1].str());
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  std::sort(parts.begin(), parts.end());
  return m.prefix().str() + "ETCD_INITIAL_CLUSTER=\"" + Join(parts, ",") + "\"" + m.suffix().str();
}

// --- the servers, shared by the suite ---
struct Servers {
  std::unique_ptr<EtcdCluster> main;  // auth enabled, root:pw
  std::unique_ptr<EtcdCluster> dest;  // no auth: make-mirror's destination (3.4 has no --dest-user)
  std::string dir;                    // temporary files: the password file, snapshots
  std::string password_file;
  std::string member_id;  // the main member's ID in hex
  std::string error;
};
Servers& S() {
  static Servers servers;
  return servers;
}

Invocation On(const EtcdCluster& cluster, std::vector<std::string> args, std::string in = "") {
  Invocation inv;
  inv.args = std::move(args);
  inv.stdin_data = std::move(in);
  inv.endpoints = cluster.ClientEndpoints();
  return inv;
}
// etcdctl as root with an inline password: the test's own set-up and checks.
RunResult Root(std::vector<std::string> args) {
  args.insert(args.begin(), std::string("--user=root:") + kPassword);
  return RunTool(Tool::kEtcdctl, On(*S().main, std::move(args)));
}
// The n-th space-separated word of the first line (e.g. the ID in "lease <id> granted").
std::string Word(const std::string& out, int n) {
  std::istringstream in(out.substr(0, out.find('\n')));
  std::string w;
  for (int i = 0; i <= n; ++i) in >> w;
  return w;
}
void RemoveLearners() {
  std::istringstream lines(Root({"member", "list"}).out);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() > 6 && line.substr(line.size() - 6) == ", true") {
      (void)Root({"member", "remove", line.substr(0, line.find(','))});
    }
  }
}

// Placeholders in a case's arguments, given fresh values before each tool's run.
std::string Resolve(const std::string& arg) {
  if (arg == "{LEASE}") return Word(Root({"lease", "grant", "600"}).out, 1);
  if (arg == "{MEMBER}") return S().member_id;
  if (arg == "{PEER}") return "--peer-urls=" + S().main->member(0).PeerUrl();
  // A new learner's ID is derived from its peer URL and the time, and etcd refuses an ID
  // it has removed: every learner gets a peer URL of its own (nothing listens there).
  static int learner_port = 1;
  if (arg == "{LEARNER_PEER}") return "--peer-urls=http://127.0.0.1:" + std::to_string(learner_port++);
  if (arg == "{LEARNER}") {
    return Word(Root({"member", "add", "learner", "--learner",
                      "--peer-urls=http://127.0.0.1:" + std::to_string(learner_port++)}).out, 1);
  }
  if (arg == "{REV}") {
    std::string json = Root({"get", "any", "-w", "json"}).out;
    std::smatch m;
    std::regex_search(json, m, std::regex("\"revision\":([0-9]+)"));
    return m[1];
  }
  if (arg == "{SNAP}") {
    std::filesystem::remove(S().dir + "/snap.db");
    return S().dir + "/snap.db";
  }
  if (arg == "{DEST}") return S().dest->ClientEndpoint(0);
  return arg;
}

// One command of the matrix.
struct Case {
  std::string name;
  std::vector<std::string> args;  // may hold placeholders, see Resolve()
  std::string stdin_data = "";    // the command's own input, after the password line
  Mask mask = Exact;
  // Compared with etcdctl; false: ectl alone must exit 0 (or 1 with a FAIL verdict where
  // verdict is set) and stdout must match `expect`.
  bool oracle = true;
  std::vector<std::vector<std::string>> setup = {};  // etcdctl as root, before each run
  std::function<void()> after = nullptr;             // after each run
  // Long-running commands: run in the background until ready(stdout) holds, then SIGTERM.
  std::function<bool(const std::string&)> ready = nullptr;
  std::vector<std::pair<std::string, std::string>> env = {};
  std::string expect = "";  // regex for stdout when !oracle
  bool verdict = false;     // check perf: FAIL (exit 1) depends on the machine
  int exit_code = 0;        // when !oracle
  std::string last_err = "";  // when !oracle and exit_code != 0
  std::chrono::seconds timeout{20};
  // etcdctl 3.4 prints `endpoint health` on stderr, ectl its healthy lines on stdout.
  bool oracle_on_stderr = false;
  // Costly commands run with the prompt only, the source that needs stdin.
  bool prompt_only = false;
};

// gtest names a failing parameter by this.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

bool Lines(const std::string& out, size_t n) { return LineCount(out) >= n; }

std::vector<Case> Cases() {
  auto dest_has_key = [](const std::string&) {
    return RunTool(Tool::kEtcdctl, On(*S().dest, {"get", "/mm/a", "--print-value-only"})).out ==
           "1\n";
  };
  return {
      // kv
      {.name = "Put", .args = {"put", "k", "v"}},
      {.name = "Get", .args = {"get", "k"}, .setup = {{"put", "k", "v"}}},
      {.name = "Del", .args = {"del", "dk"}, .setup = {{"put", "dk", "v"}}},
      {.name = "Txn", .args = {"txn"}, .stdin_data = "\nput tk tv\n\nput tk other\n\n"},
      {.name = "Compaction", .args = {"compaction", "{REV}"}, .mask = Numbers,
       .setup = {{"put", "c", "v"}}},
      {.name = "Watch", .args = {"watch", "--rev", "{REV}", "wk"},
       .setup = {{"put", "wk", "wv"}}, .ready = [](const std::string& o) { return Lines(o, 3); }},
      // lease
      {.name = "LeaseGrant", .args = {"lease", "grant", "600"}, .mask = Numbers},
      {.name = "LeaseRevoke", .args = {"lease", "revoke", "{LEASE}"}, .mask = Numbers},
      {.name = "LeaseTimeToLive", .args = {"lease", "timetolive", "{LEASE}"}, .mask = Numbers},
      {.name = "LeaseList", .args = {"lease", "list"}, .mask = FirstLine},
      {.name = "LeaseKeepAliveOnce", .args = {"lease", "keep-alive", "--once", "{LEASE}"},
       .mask = Numbers},
      // cluster and maintenance
      {.name = "MemberList", .args = {"member", "list"}},
      {.name = "MemberUpdate", .args = {"member", "update", "{MEMBER}", "{PEER}"}},
      {.name = "MemberAddLearner",
       .args = {"member", "add", "learner", "--learner", "{LEARNER_PEER}"},
       .mask = SortedCluster, .after = RemoveLearners},
      {.name = "MemberRemove", .args = {"member", "remove", "{LEARNER}"}, .mask = Numbers,
       .after = RemoveLearners},
      {.name = "MemberPromoteUnstarted", .args = {"member", "promote", "{LEARNER}"},
       .mask = Numbers, .after = RemoveLearners},
      {.name = "EndpointHealth", .args = {"endpoint", "health"}, .mask = Numbers,
       .oracle_on_stderr = true},
      {.name = "EndpointHealthCluster", .args = {"endpoint", "health", "--cluster"},
       .mask = Numbers, .oracle_on_stderr = true},
      {.name = "EndpointStatus", .args = {"endpoint", "status"}, .mask = Numbers},
      {.name = "EndpointStatusCluster", .args = {"endpoint", "status", "--cluster"},
       .mask = Numbers},
      {.name = "EndpointHashKv", .args = {"endpoint", "hashkv"}, .mask = Numbers},
      {.name = "EndpointHashKvCluster", .args = {"endpoint", "hashkv", "--cluster"},
       .mask = Numbers},
      {.name = "AlarmList", .args = {"alarm", "list"}},
      {.name = "Defrag", .args = {"defrag"}},
      {.name = "DefragCluster", .args = {"defrag", "--cluster"}},
      {.name = "MoveLeaderToItself", .args = {"move-leader", "{MEMBER}"}},
      {.name = "SnapshotSave", .args = {"snapshot", "save", "{SNAP}"}},
      // auth
      {.name = "UserList", .args = {"user", "list"}},
      {.name = "UserGet", .args = {"user", "get", "root"}},
      {.name = "UserAdd", .args = {"user", "add", "u1:u1pw"},
       .after = [] { (void)Root({"user", "delete", "u1"}); }},
      {.name = "UserDelete", .args = {"user", "delete", "u2"}, .setup = {{"user", "add", "u2:x"}}},
      {.name = "RoleList", .args = {"role", "list"}},
      {.name = "RoleGet", .args = {"role", "get", "root"}},
      {.name = "RoleAdd", .args = {"role", "add", "r1"},
       .after = [] { (void)Root({"role", "delete", "r1"}); }},
      {.name = "RoleDelete", .args = {"role", "delete", "r2"}, .setup = {{"role", "add", "r2"}}},
      // etcdctl 3.4 has no `auth status` (it prints the auth group's help); ectl's is for
      // etcd 3.5+ servers, which 3.4 answers with Unimplemented, after authenticating.
      {.name = "AuthStatus", .args = {"auth", "status"}, .oracle = false, .exit_code = 1,
       .last_err = "Error: rpc error: code = Unimplemented desc = unknown method AuthStatus "
                   "for service etcdserverpb.Auth"},
      // concurrency
      {.name = "LockWithCommand", .args = {"lock", "l", "true"}},
      {.name = "LockHeld", .args = {"lock", "held"}, .mask = Numbers,
       .ready = [](const std::string& o) { return Lines(o, 2); }},
      {.name = "Elect", .args = {"elect", "e", "proposal"}, .mask = Numbers,
       .ready = [](const std::string& o) { return Lines(o, 2); }},
      {.name = "MakeMirror", .args = {"make-mirror", "--prefix=/mm/", "{DEST}"}, .oracle = false,
       .setup = {{"put", "/mm/a", "1"}},
       .after = [] { (void)RunTool(Tool::kEtcdctl, On(*S().dest, {"del", "--prefix", ""})); },
       .ready = dest_has_key, .expect = "[0-9\n]*"},
      {.name = "CheckPerf", .args = {"check", "perf", "--load", "s"}, .oracle = false,
       .env = {{"ECTL_CHECK_PERF_DURATION", "2s"}}, .expect = "[\\s\\S]*\n(PASS|FAIL)\n",
       .verdict = true, .timeout = std::chrono::seconds(60)},
      {.name = "CheckDatascale", .args = {"check", "datascale", "--load", "s"}, .oracle = false,
       .expect = "[\\s\\S]*\nPASS: Approximate system memory used : -?[0-9]+\\.[0-9]{2} MB\\.\n",
       .timeout = std::chrono::seconds(120), .prompt_only = true},
  };
}

// "Password: " and the newline after it, which both tools print on stdout when they
// prompt, split off the output.
std::string SplitPrompt(std::string* out) {
  const std::string prompt = "Password: ";
  if (out->rfind(prompt, 0) != 0) return "";
  size_t end = prompt.size();
  if (out->size() > end && (*out)[end] == '\n') ++end;
  std::string head = out->substr(0, end);
  out->erase(0, end);
  return head;
}

struct Outcome {
  int exit_code = -1;
  std::string prompt;  // what SplitPrompt took off stdout
  std::string out;
  std::string err;
};

class AuthMatrix : public ::testing::TestWithParam<std::tuple<Case, Source>> {
 protected:
  static void SetUpTestSuite() {
    Servers& s = S();
    s.error.clear();
    // Every command authenticates; the cheapest bcrypt keeps the suite's run time down.
    EtcdClusterOptions options;
    options.extra_args = {"--bcrypt-cost=4"};
    s.main = EtcdCluster::Start(options, &s.error);
    if (!s.main) return;
    s.dest = EtcdCluster::Start(EtcdClusterOptions{}, &s.error);
    if (!s.dest) return;
    s.dir = MakeTempDir("ectl-it-authmatrix-");
    s.password_file = s.dir + "/password";
    std::ofstream(s.password_file) << kPassword << "\n";
    chmod(s.password_file.c_str(), 0600);
    RunResult add = RunTool(Tool::kEtcdctl, On(*s.main, {"user", "add", std::string("root:") + kPassword}));
    RunResult enable = RunTool(Tool::kEtcdctl, On(*s.main, {"auth", "enable"}));
    if (add.exit_code != 0 || enable.exit_code != 0) {
      s.error = "setup failed: " + add.err + enable.err;
      return;
    }
    s.member_id = Root({"member", "list"}).out.substr(0, 16);
    s.member_id = s.member_id.substr(0, s.member_id.find(','));
  }
  static void TearDownTestSuite() {
    Servers& s = S();
    s.main.reset();
    s.dest.reset();
    if (!s.dir.empty()) std::filesystem::remove_all(s.dir);
  }
  void SetUp() override {
    ASSERT_NE(S().main, nullptr) << S().error;
    ASSERT_NE(S().dest, nullptr) << S().error;
    ASSERT_EQ(S().error, "");
  }

  // The invocation of `c` by `tool` with the password from `source`. etcdctl has no
  // --password-file; it gets --password instead.
  static Invocation Build(const Case& c, Source source, Tool tool) {
    std::vector<std::string> args = {"--user=root"};
    Invocation inv = On(*S().main, {}, c.stdin_data);
    inv.env = c.env;
    inv.timeout = c.timeout;
    switch (source) {
      case Source::kPrompt:
        inv.stdin_data = std::string(kPassword) + "\n" + inv.stdin_data;
        break;
      case Source::kFlag:
        args.push_back(std::string("--password=") + kPassword);
        break;
      case Source::kEnv:
        inv.env.emplace_back("ETCDCTL_PASSWORD", kPassword);
        break;
      case Source::kFile:
        args.push_back(tool == Tool::kEctl ? "--password-file=" + S().password_file
                                           : std::string("--password=") + kPassword);
        break;
    }
    for (const auto& a : c.args) args.push_back(Resolve(a));
    inv.args = std::move(args);
    return inv;
  }

  static Outcome RunCase(const Case& c, Source source, Tool tool) {
    for (const auto& step : c.setup) {
      RunResult r = Root(step);
      EXPECT_EQ(r.exit_code, 0) << "setup " << Join(step, " ") << ": " << r.err;
    }
    Invocation inv = Build(c, source, tool);
    SCOPED_TRACE(std::string(ToolName(tool)) + " " + Describe(inv));
    Outcome o;
    if (!c.ready) {
      RunResult r = RunTool(tool, inv);
      EXPECT_FALSE(r.timed_out);
      o = {r.exit_code, "", r.out, r.err};
    } else {
      std::string error;
      auto p = StartCtl(ToolPath(tool), inv, &error);
      if (p == nullptr) {
        ADD_FAILURE() << error;
        return o;
      }
      p->WriteStdin(inv.stdin_data);
      p->CloseStdin();
      bool ready = p->WaitForOut([&](const std::string& out) {
        std::string rest = out;
        SplitPrompt(&rest);
        return c.ready(rest);
      });
      EXPECT_TRUE(ready) << "never ready; stdout: " << Printable(p->Out()) << "\nstderr: "
                         << p->Err();
      p->Signal(SIGTERM);
      o.exit_code = p->Wait();
      o.out = p->Out();
      o.err = p->Err();
    }
    o.prompt = SplitPrompt(&o.out);
    if (c.after) c.after();
    return o;
  }
};

TEST_P(AuthMatrix, Command) {
  const auto& [c, source] = GetParam();
  Outcome got = RunCase(c, source, Tool::kEctl);
  // etcdctl writes "Password: " and a newline to stdout even when stdin is not a
  // terminal; ectl reads the line silently there (and prompts on stderr on a terminal).
  // The comparisons below leave etcdctl's prompt out.
  EXPECT_EQ(got.prompt, "");
  std::string context = "ectl stdout:\n" + Printable(got.out) + "\nectl stderr:\n" + got.err;
  EXPECT_EQ(got.err.find("user name is empty"), std::string::npos) << context;
  EXPECT_EQ(got.err.find("authentication failed"), std::string::npos) << context;
  if (!c.oracle) {
    if (c.verdict && got.exit_code == 1) {
      EXPECT_NE(got.out.find("FAIL"), std::string::npos) << context;
    } else if (!c.ready) {
      EXPECT_EQ(got.exit_code, c.exit_code) << context;
      if (c.exit_code != 0) EXPECT_EQ(LastLine(got.err), c.last_err);
    }
    EXPECT_TRUE(std::regex_match(got.out, std::regex(c.expect))) << context;
    return;
  }
  // etcdctl's answer does not depend on where its password came from: it runs once per
  // command, with --password.
  static std::map<std::string, Outcome> oracle;
  if (!oracle.count(c.name)) oracle[c.name] = RunCase(c, Source::kFlag, Tool::kEtcdctl);
  Outcome want = oracle[c.name];
  if (c.oracle_on_stderr) {
    std::istringstream lines(want.err);
    want.out.clear();
    for (std::string line; std::getline(lines, line);) {
      if (line.find(" is healthy: ") != std::string::npos) want.out += line + "\n";
    }
  }
  context += "\netcdctl stdout:\n" + Printable(want.out) + "\netcdctl stderr:\n" + want.err;
  EXPECT_EQ(got.exit_code, want.exit_code) << context;
  EXPECT_EQ(c.mask(got.out), c.mask(want.out)) << context;
  if (want.exit_code != 0 && !c.ready) EXPECT_EQ(LastLine(got.err), LastLine(want.err));
}

std::vector<std::tuple<Case, Source>> Matrix() {
  std::vector<std::tuple<Case, Source>> matrix;
  for (const Case& c : Cases()) {
    for (Source source : kSources) {
      if (!c.prompt_only || source == Source::kPrompt) matrix.emplace_back(c, source);
    }
  }
  return matrix;
}

INSTANTIATE_TEST_SUITE_P(
    Sources, AuthMatrix, ::testing::ValuesIn(Matrix()),
    [](const ::testing::TestParamInfo<AuthMatrix::ParamType>& info) {
      return std::get<0>(info.param).name + "_" + SourceName(std::get<1>(info.param));
    });

}  // namespace
}  // namespace ectl::integration
