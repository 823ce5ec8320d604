#include "cli/global_options.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace ectl::cli {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(GlobalOptions, Defaults) {
  GlobalOptions g;
  g.ApplyFlags();
  auto c = g.ToClientConfig();
  EXPECT_EQ(c.endpoints, std::vector<std::string>{"127.0.0.1:2379"});
  EXPECT_EQ(c.dial_timeout, seconds(2));
  EXPECT_EQ(c.command_timeout, seconds(5));
  EXPECT_FALSE(c.tls.has_value());
  EXPECT_EQ(c.max_request_bytes, 2 * 1024 * 1024);
  EXPECT_EQ(g.write_out(), "simple");
}

TEST(GlobalOptions, EndpointsFirstOccurrenceReplacesLaterAppend) {
  GlobalOptions g;
  g.SetFlagForTest("endpoints", "a:1, b:2");
  g.SetFlagForTest("endpoints", "c:3");
  g.ApplyFlags();
  EXPECT_EQ(g.ToClientConfig().endpoints, (std::vector<std::string>{"a:1", "b:2", "c:3"}));
}

TEST(GlobalOptions, BadFlagValueIsAnError) {
  GlobalOptions g;
  g.SetFlagForTest("dial-timeout", "x");
  try {
    g.ApplyFlags();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kError);
    EXPECT_STREQ(e.what(),
                 "invalid argument \"x\" for \"--dial-timeout\" flag: time: invalid duration \"x\"");
  }
}

TEST(GlobalOptions, EnvAppliesWhenFlagAbsent) {
  GlobalOptions g;
  g.ApplyFlags();
  std::vector<std::string> warnings;
  g.ApplyEnv({{"ETCDCTL_ENDPOINTS", "x:1,y:2"},
              {"ETCDCTL_WRITE_OUT", "json"},
              {"ETCDCTL_HEX", "true"},
              {"ETCDCTL_COMMAND_TIMEOUT", "300ms"},
              {"PATH", "/bin"}},
             warnings);
  auto c = g.ToClientConfig();
  EXPECT_EQ(c.endpoints, (std::vector<std::string>{"x:1", "y:2"}));
  EXPECT_EQ(g.write_out(), "json");
  EXPECT_TRUE(g.hex());
  EXPECT_EQ(c.command_timeout, milliseconds(300));
  EXPECT_TRUE(warnings.empty());
}

TEST(GlobalOptions, EnvBadValueIgnoredEmptyValueUnset) {
  GlobalOptions g;
  g.ApplyFlags();
  std::vector<std::string> warnings;
  g.ApplyEnv({{"ETCDCTL_DIAL_TIMEOUT", "bogus"}, {"ETCDCTL_WRITE_OUT", ""}}, warnings);
  EXPECT_EQ(g.ToClientConfig().dial_timeout, seconds(2));
  EXPECT_EQ(g.write_out(), "simple");
  // etcdctl reports an empty variable as unrecognized.
  EXPECT_EQ(warnings, std::vector<std::string>{"unrecognized environment variable ETCDCTL_WRITE_OUT="});
}

TEST(GlobalOptions, EmptyEnvStillConflictsWithItsFlag) {
  GlobalOptions g;
  g.SetFlagForTest("hex", "true");
  g.ApplyFlags();
  std::vector<std::string> warnings;
  EXPECT_THROW(g.ApplyEnv({{"ETCDCTL_HEX", ""}}, warnings), Error);
}

TEST(GlobalOptions, EnvShadowedByFlagIsFatal) {
  GlobalOptions g;
  g.SetFlagForTest("endpoints", "a:1");
  g.ApplyFlags();
  std::vector<std::string> warnings;
  try {
    g.ApplyEnv({{"ETCDCTL_ENDPOINTS", "b:2"}}, warnings);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kError);
    EXPECT_NE(std::string(e.what()).find("conflicting environment variable \"ETCDCTL_ENDPOINTS\" is "
                                         "shadowed by corresponding command-line flag"),
              std::string::npos);
  }
}

TEST(GlobalOptions, UnknownEnvWarnsKnownSpecialsDoNot) {
  GlobalOptions g;
  g.ApplyFlags();
  std::vector<std::string> warnings;
  g.ApplyEnv({{"ETCDCTL_FOO", "bar"}, {"ETCDCTL_API", "3"}, {"ETCDCTL_WATCH_KEY", "k"}}, warnings);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "unrecognized environment variable ETCDCTL_FOO=bar");
}

TEST(GlobalOptions, UserPasswordSplitting) {
  GlobalOptions g;
  g.SetFlagForTest("user", "root:pa:ss");
  g.ApplyFlags();
  auto c = g.ToClientConfig();
  EXPECT_EQ(c.user, "root");
  EXPECT_EQ(c.password, "pa:ss");

  GlobalOptions h;
  h.SetFlagForTest("user", "we:ird");
  h.SetFlagForTest("password", "pw");
  h.ApplyFlags();
  c = h.ToClientConfig();
  EXPECT_EQ(c.user, "we:ird");
  EXPECT_EQ(c.password, "pw");
}

TEST(GlobalOptions, TlsFromFileFlagsOrSecureTransport) {
  GlobalOptions g;
  g.SetFlagForTest("cacert", "/ca.pem");
  g.ApplyFlags();
  auto c = g.ToClientConfig();
  ASSERT_TRUE(c.tls.has_value());
  EXPECT_EQ(c.tls->ca_file, "/ca.pem");

  GlobalOptions s;
  s.SetFlagForTest("insecure-transport", "false");
  s.ApplyFlags();
  EXPECT_TRUE(s.ToClientConfig().tls.has_value());

  GlobalOptions k;
  k.SetFlagForTest("cert", "/c.pem");
  k.ApplyFlags();
  try {
    (void)k.ToClientConfig();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadArgs);
    EXPECT_STREQ(e.what(), "KeyFile and CertFile must both be present[key: , cert: /c.pem]");
  }

  GlobalOptions empty;
  empty.SetFlagForTest("cacert", "");
  empty.ApplyFlags();
  try {
    (void)empty.ToClientConfig();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadArgs);
    EXPECT_STREQ(e.what(), "empty string is passed to --cacert option");
  }
}

TEST(ParseCsv, PflagStringSlice) {
  EXPECT_EQ(ParseCsv("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(ParseCsv("\"a,b\",c"), (std::vector<std::string>{"a,b", "c"}));
  EXPECT_EQ(ParseCsv(","), (std::vector<std::string>{"", ""}));
  EXPECT_TRUE(ParseCsv("").empty());
}

}  // namespace
}  // namespace ectl::cli
