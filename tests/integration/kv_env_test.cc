// The put/get/del scenarios driven through ETCDCTL_* variables instead of
// flags, and the rules of etcd's pkg/flags: a variable plus the same flag is
// fatal, unknown ETCDCTL_* variables only warn, unparsable values are
// silently ignored, ETCDCTL_API selects the API version.

#include <string>
#include <utility>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;
using Env = std::vector<std::pair<std::string, std::string>>;

std::string ConflictText(const std::string& var) {
  return "conflicting environment variable \"" + var +
         "\" is shadowed by corresponding command-line flag";
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class KvEnv : public EtcdSuite {
 protected:
  void Seed() const { PutAll({{"a", "1"}, {"a/b", "2"}, {"c", "3"}}); }

  // Endpoints from ETCDCTL_ENDPOINTS, no --endpoints flag.
  static Invocation EnvCmd(Args args, Env env, std::string stdin_data = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.env = std::move(env);
    inv.env.insert(inv.env.begin(),
                   std::make_pair("ETCDCTL_ENDPOINTS", Endpoints()));
    inv.stdin_data = std::move(stdin_data);
    return inv;
  }

  // ETCDCTL_WRITE_OUT for each format, alone and with ETCDCTL_HEX=true,
  // and the format that selects (for normalising put/del output).
  struct EnvVariant {
    Env env;
    Format format;
  };
  static std::vector<EnvVariant> EnvVariants() {
    std::vector<EnvVariant> out;
    for (auto [name, format] : std::vector<std::pair<std::string, Format>>{
             {"simple", Format::kSimple},
             {"json", Format::kJson},
             {"fields", Format::kFields},
             {"protobuf", Format::kProtobuf}}) {
      out.push_back({{{"ETCDCTL_WRITE_OUT", name}}, format});
      out.push_back(
          {{{"ETCDCTL_WRITE_OUT", name}, {"ETCDCTL_HEX", "true"}}, format});
    }
    return out;
  }
};

TEST_F(KvEnv, GetThroughVariables) {
  Seed();
  for (const EnvVariant& v : EnvVariants()) {
    ExpectSameAsOracle(EnvCmd({"get", "--prefix", "a"}, v.env));
    ExpectSameAsOracle(EnvCmd({"get", "c", "--keys-only"}, v.env));
  }
}

TEST_F(KvEnv, PutAndDelThroughVariables) {
  auto seed = [this] { Seed(); };
  for (const EnvVariant& v : EnvVariants()) {
    ExpectSameMutationAsOracle(
        EnvCmd({"put", "a", "--prev-kv"}, v.env, "new\n"), v.format, seed);
    ExpectSameMutationAsOracle(EnvCmd({"put", "new", "v"}, v.env), v.format,
                               seed);
    ExpectSameMutationAsOracle(
        EnvCmd({"del", "--prefix", "a", "--prev-kv"}, v.env), v.format, seed);
  }
}

TEST_F(KvEnv, TimeoutVariablesAreAccepted) {
  Seed();
  ExpectSameAsOracle(EnvCmd({"get", "a"}, {{"ETCDCTL_DIAL_TIMEOUT", "3s"}}));
  ExpectSameAsOracle(EnvCmd({"get", "a"}, {{"ETCDCTL_COMMAND_TIMEOUT", "3s"}}));
  ExpectSameAsOracle(EnvCmd({"get", "a"}, {{"ETCDCTL_COMMAND_TIMEOUT", "1m30s"},
                                           {"ETCDCTL_DIAL_TIMEOUT", "500ms"}}));
}

// Fatal before any RPC, in etcdctl too (so the keyspace is compared as well).
TEST_F(KvEnv, VariablePlusSameFlagIsFatal) {
  struct Conflict {
    std::string var;
    std::string value;
    Args flags;
  };
  const std::vector<Conflict> conflicts = {
      {"ETCDCTL_WRITE_OUT", "json", {"-w", "json"}},
      {"ETCDCTL_HEX", "true", {"--hex"}},
      {"ETCDCTL_DIAL_TIMEOUT", "2s", {"--dial-timeout=2s"}},
      {"ETCDCTL_COMMAND_TIMEOUT", "5s", {"--command-timeout=5s"}},
  };
  auto check = [&](const std::string& var, const Invocation& inv) {
    SCOPED_TRACE(Describe(inv));
    const std::string before = StateDump();
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, 1);
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_TRUE(Contains(LastLine(oracle.err), ConflictText(var)))
        << oracle.err;
    EXPECT_TRUE(Contains(LastLine(ectl.err), ConflictText(var))) << ectl.err;
    EXPECT_EQ(ectl.out, "");
    EXPECT_EQ(StateDump(), before) << "a command that should have failed wrote";
  };
  Seed();
  for (const Conflict& c : conflicts) {
    for (const Args& cmd :
         {Args{"get", "a"}, Args{"put", "a", "changed"}, Args{"del", "a"}}) {
      check(c.var, EnvCmd(WithFlags(c.flags, cmd), {{c.var, c.value}}));
    }
  }
  // ETCDCTL_ENDPOINTS together with --endpoints.
  for (const Args& cmd : {Args{"get", "a"}, Args{"put", "a", "changed"}}) {
    Invocation inv = EnvCmd(cmd, {});
    inv.endpoints = Endpoints();
    check("ETCDCTL_ENDPOINTS", inv);
  }
}

// pkg/flags checks the variable's presence, not its value: an empty variable
// is not applied, yet still conflicts with the flag.
TEST_F(KvEnv, EmptyVariablePlusSameFlagIsStillFatal) {
  Seed();
  Invocation inv = EnvCmd({"get", "a", "--hex"}, {{"ETCDCTL_HEX", ""}});
  RunResult oracle = RunTool(Tool::kEtcdctl, inv);
  RunResult ectl = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(ectl.exit_code, oracle.exit_code);
  EXPECT_TRUE(Contains(LastLine(ectl.err), ConflictText("ETCDCTL_HEX")))
      << ectl.err;
}

// The warning line carries a timestamp in etcdctl, so stderr is checked for
// the message rather than compared line for line.
TEST_F(KvEnv, UnknownVariableOnlyWarns) {
  Seed();
  auto check = [](const Invocation& inv, const std::string& warning) {
    SCOPED_TRACE(Describe(inv));
    RunResult oracle = RunTool(Tool::kEtcdctl, inv);
    RunResult ectl = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
    EXPECT_EQ(ectl.exit_code, oracle.exit_code);
    EXPECT_EQ(Printable(ectl.out), Printable(oracle.out));
    EXPECT_TRUE(Contains(oracle.err, warning)) << oracle.err;
    EXPECT_TRUE(Contains(ectl.err, warning)) << ectl.err;
    EXPECT_FALSE(Contains(ectl.err, "Error")) << ectl.err;
  };
  check(EnvCmd({"get", "a"}, {{"ETCDCTL_FOO", "bar"}}),
        "unrecognized environment variable ETCDCTL_FOO=bar");
  // Command-local flags have no variable: ETCDCTL_PREFIX is unknown, and the
  // get stays a single-key get ("a" only, not "a/b").
  check(EnvCmd({"get", "a"}, {{"ETCDCTL_PREFIX", "true"}}),
        "unrecognized environment variable ETCDCTL_PREFIX=true");
  EXPECT_EQ(
      RunTool(Tool::kEctl, EnvCmd({"get", "a"}, {{"ETCDCTL_PREFIX", "true"}}))
          .out,
      "a\n1\n");
}

TEST_F(KvEnv, UnparsableValueIsSilentlyIgnored) {
  Seed();
  for (const Env& env :
       {Env{{"ETCDCTL_DIAL_TIMEOUT", "bogus"}},
        Env{{"ETCDCTL_COMMAND_TIMEOUT", "10"}},  // no unit
        Env{{"ETCDCTL_HEX", "maybe"}}, Env{{"ETCDCTL_HEX", "false"}}}) {
    RunResult r = ExpectSameAsOracle(EnvCmd({"get", "a"}, env));
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "a\n1\n");
  }
}

TEST_F(KvEnv, UnsupportedWriteOutIsRefusedBeforeWriting) {
  Seed();
  const Env env = {{"ETCDCTL_WRITE_OUT", "bogus"}};
  RunResult r = ExpectSameAsOracle(EnvCmd({"get", "a"}, env));
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(LastLine(r.err), "Error: unsupported output format");
  for (const Args& cmd : {Args{"put", "a", "x"}, Args{"del", "a"}}) {
    const std::string before = StateDump();
    r = ExpectSameAsOracle(EnvCmd(cmd, env));
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_EQ(StateDump(), before);
  }
}

TEST_F(KvEnv, ApiVersion3IsAccepted) {
  Seed();
  for (const char* api : {"3", ""}) {
    SCOPED_TRACE(std::string("ETCDCTL_API=") + api);
    RunResult r =
        ExpectSameAsOracle(EnvCmd({"get", "a"}, {{"ETCDCTL_API", api}}));
    EXPECT_EQ(r.out, "a\n1\n");
    // ETCDCTL_API is consumed before the flags: no "unrecognized" warning.
    EXPECT_EQ(r.err, "");
  }
}

TEST_F(KvEnv, OtherApiVersionIsRefused) {
  for (const Args& cmd : {Args{"get", "a"}, Args{"version"}}) {
    RunResult r = ExpectSameErrorAsOracle(EnvCmd(cmd, {{"ETCDCTL_API", "4"}}));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(LastLine(r.err), "unsupported API version 4");
    EXPECT_EQ(r.out, "");
  }
}

// etcdctl 3.4 reads --command-timeout before it applies the environment in
// get/put/del, so ETCDCTL_COMMAND_TIMEOUT=1s still waits the default 5 s
// there; only the outcome is asserted, with room for either behaviour.
TEST_F(KvEnv, UnreachableEndpointFromVariable) {
  Invocation inv;
  inv.args = {"get", "a"};
  inv.env = {{"ETCDCTL_ENDPOINTS",
              "127.0.0.1:" + std::to_string(PickFreePorts(1).at(0))},
             {"ETCDCTL_COMMAND_TIMEOUT", "1s"}};
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
  EXPECT_LT(r.elapsed.count(), 8000);
}

}  // namespace
}  // namespace ectl::integration
