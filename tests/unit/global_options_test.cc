#include "cli/global_options.h"

#include <gtest/gtest.h>

#include "cli/flags.h"
#include "common/error.h"

namespace ectl::cli {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// Global options bound to a flag set, as the root command binds them.
struct Bound {
  explicit Bound(std::vector<std::string> words = {}) {
    g.Bind(flags);
    (void)ParseFlags(words, {&flags});
  }
  FlagSet flags;
  GlobalOptions g;
};

Environment Env(std::vector<Environment::Var> vars) { return Environment(std::move(vars)); }

TEST(GlobalOptions, Defaults) {
  Bound b;
  GlobalOptions& g = b.g;
  auto c = g.ToClientConfig();
  EXPECT_EQ(c.endpoints, std::vector<std::string>{"127.0.0.1:2379"});
  EXPECT_EQ(c.dial_timeout, seconds(2));
  EXPECT_EQ(c.command_timeout, seconds(5));
  EXPECT_FALSE(c.tls.has_value());
  EXPECT_EQ(c.max_request_bytes, 2 * 1024 * 1024);
  EXPECT_EQ(g.write_out(), "simple");
}

TEST(GlobalOptions, EndpointsFirstOccurrenceReplacesLaterAppend) {
  Bound b({"--endpoints", "a:1, b:2", "--endpoints=c:3"});
  EXPECT_EQ(b.g.ToClientConfig().endpoints, (std::vector<std::string>{"a:1", "b:2", "c:3"}));
}

TEST(GlobalOptions, BadFlagValueIsAnError) {
  try {
    Bound b({"--dial-timeout", "x"});
    FAIL();
  } catch (const FlagError& e) {
    EXPECT_STREQ(e.what(),
                 "invalid argument \"x\" for \"--dial-timeout\" flag: time: invalid duration \"x\"");
  }
}

TEST(GlobalOptions, EnvAppliesWhenFlagAbsent) {
  Bound b;
  GlobalOptions& g = b.g;
  std::vector<std::string> warnings;
  g.ApplyEnv(Env({{"ETCDCTL_ENDPOINTS", "x:1,y:2"},
                  {"ETCDCTL_WRITE_OUT", "json"},
                  {"ETCDCTL_HEX", "true"},
                  {"ETCDCTL_COMMAND_TIMEOUT", "300ms"},
                  {"PATH", "/bin"}}),
             warnings);
  EXPECT_TRUE(g.command_timeout_set());
  auto c = g.ToClientConfig();
  EXPECT_EQ(c.endpoints, (std::vector<std::string>{"x:1", "y:2"}));
  EXPECT_EQ(g.write_out(), "json");
  EXPECT_TRUE(g.hex());
  EXPECT_EQ(c.command_timeout, milliseconds(300));
  EXPECT_TRUE(warnings.empty());
}

TEST(GlobalOptions, EnvBadValueIgnoredEmptyValueUnset) {
  Bound b;
  GlobalOptions& g = b.g;
  std::vector<std::string> warnings;
  g.ApplyEnv(Env({{"ETCDCTL_DIAL_TIMEOUT", "bogus"}, {"ETCDCTL_WRITE_OUT", ""}}), warnings);
  EXPECT_EQ(g.ToClientConfig().dial_timeout, seconds(2));
  EXPECT_EQ(g.write_out(), "simple");
  // etcdctl reports an empty variable as unrecognized.
  EXPECT_EQ(warnings, std::vector<std::string>{"unrecognized environment variable ETCDCTL_WRITE_OUT="});
}

TEST(GlobalOptions, EmptyEnvStillConflictsWithItsFlag) {
  Bound b({"--hex"});
  std::vector<std::string> warnings;
  EXPECT_THROW(b.g.ApplyEnv(Env({{"ETCDCTL_HEX", ""}}), warnings), Error);
}

TEST(GlobalOptions, EnvShadowedByFlagIsFatal) {
  Bound b({"--endpoints=a:1"});
  std::vector<std::string> warnings;
  try {
    b.g.ApplyEnv(Env({{"ETCDCTL_ENDPOINTS", "b:2"}}), warnings);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kError);
    EXPECT_NE(std::string(e.what()).find("conflicting environment variable \"ETCDCTL_ENDPOINTS\" is "
                                         "shadowed by corresponding command-line flag"),
              std::string::npos);
  }
}

TEST(GlobalOptions, UnknownEnvWarnsKnownSpecialsDoNot) {
  Bound b;
  std::vector<std::string> warnings;
  b.g.ApplyEnv(Env({{"ETCDCTL_FOO", "bar"}, {"ETCDCTL_API", "3"}, {"ETCDCTL_WATCH_KEY", "k"}}),
               warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "unrecognized environment variable ETCDCTL_FOO=bar");
}

// etcdctl walks os.Environ() in order: the warnings follow the environment's order, and
// a conflict is reported after the warnings for the variables before it.
TEST(GlobalOptions, EnvWarningsInEnvironmentOrder) {
  Bound b;
  std::vector<std::string> warnings;
  b.g.ApplyEnv(Env({{"ETCDCTL_ZZZ", "1"}, {"HOME", "/root"}, {"ETCDCTL_AAA", "2"}}), warnings);
  EXPECT_EQ(warnings, (std::vector<std::string>{"unrecognized environment variable ETCDCTL_ZZZ=1",
                                                "unrecognized environment variable ETCDCTL_AAA=2"}));

  Bound c({"--hex"});
  warnings.clear();
  EXPECT_THROW(c.g.ApplyEnv(Env({{"ETCDCTL_B", "1"}, {"ETCDCTL_HEX", "true"}, {"ETCDCTL_A", "2"}}),
                            warnings),
               Error);
  EXPECT_EQ(warnings, std::vector<std::string>{"unrecognized environment variable ETCDCTL_B=1"});
}

TEST(GlobalOptions, UserPasswordSplitting) {
  Bound b({"--user", "root:pa:ss"});
  auto c = b.g.ToClientConfig();
  EXPECT_EQ(c.user, "root");
  EXPECT_EQ(c.password, "pa:ss");

  Bound h({"--user=we:ird", "--password", "pw"});
  c = h.g.ToClientConfig();
  EXPECT_EQ(c.user, "we:ird");
  EXPECT_EQ(c.password, "pw");
}

TEST(GlobalOptions, TlsFromFileFlagsOrSecureTransport) {
  Bound g({"--cacert", "/ca.pem"});
  auto c = g.g.ToClientConfig();
  ASSERT_TRUE(c.tls.has_value());
  EXPECT_EQ(c.tls->ca_file, "/ca.pem");

  Bound s({"--insecure-transport=false"});
  EXPECT_TRUE(s.g.ToClientConfig().tls.has_value());

  Bound k({"--cert", "/c.pem"});
  try {
    (void)k.g.ToClientConfig();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadArgs);
    EXPECT_STREQ(e.what(), "KeyFile and CertFile must both be present[key: , cert: /c.pem]");
  }

  Bound empty({"--cacert="});
  try {
    (void)empty.g.ToClientConfig();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadArgs);
    EXPECT_STREQ(e.what(), "empty string is passed to --cacert option");
  }
}

}  // namespace
}  // namespace ectl::cli
