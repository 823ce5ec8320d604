// etcdctl's watch argument handling: raw argv, ETCDCTL_WATCH_KEY/RANGE_END, the exec
// command after "--", interactive lines and argify.
#include "cli/commands/watch_args.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "mvccpb/kv.pb.h"

namespace ectl::cli {
namespace {

using Strings = std::vector<std::string>;

// The message of the Error(kBadArgs) f throws, or "" if it throws none.
template <typename F>
std::string BadArgs(F f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadArgs) << e.what();
    return e.what();
  }
  return "";
}

TEST(WatchCommandLine, KeysAndExecCommand) {
  WatchArgs a = ParseWatchCommandLine({"ectl", "watch", "foo", "--", "echo", "foo"},
                                      {"foo", "echo", "foo"}, "", "");
  EXPECT_EQ(a.watch_args, Strings({"foo"}));
  EXPECT_EQ(a.exec_args, Strings({"echo", "foo"}));
  a = ParseWatchCommandLine({"ectl", "--endpoints=x", "watch", "a", "--rev", "3", "b"}, {"a", "b"},
                            "", "");
  EXPECT_EQ(a.watch_args, Strings({"a", "b"}));
  EXPECT_TRUE(a.exec_args.empty());
}

TEST(WatchCommandLine, EnvironmentKey) {
  WatchArgs a = ParseWatchCommandLine({"ectl", "watch", "--", "echo", "1"}, {"echo", "1"}, "k", "");
  EXPECT_EQ(a.watch_args, Strings({"k"}));
  EXPECT_EQ(a.exec_args, Strings({"echo", "1"}));
  a = ParseWatchCommandLine({"ectl", "watch", "--prefix"}, {}, "k", "z");
  EXPECT_EQ(a.watch_args, Strings({"k", "z"}));
}

TEST(WatchCommandLine, EtcdctlErrors) {
  EXPECT_EQ(BadArgs([] {
              ParseWatchCommandLine({"ectl", "watch"}, {}, "", "");
            }),
            "bad number of arguments");
  EXPECT_EQ(BadArgs([] {
              ParseWatchCommandLine({"ectl", "watch", "k", "--"}, {"k"}, "", "");
            }),
            "bad number of arguments (found separator --, but no commands)");
  EXPECT_EQ(BadArgs([] {
              ParseWatchCommandLine({"ectl", "watch", "foo"}, {"foo"}, "foo", "");
            }),
            "bad number of arguments (found conflicting environment key)");
  EXPECT_EQ(BadArgs([] {
              ParseWatchCommandLine({"ectl", "watch", "foo", "--", "echo", "1"},
                                    {"foo", "echo", "1"}, "foo", "");
            }),
            "bad number of arguments (found conflicting environment key)");
  // etcdctl only finds these when it creates the watch.
  WatchArgs a = ParseWatchCommandLine({"ectl", "watch", "--", "echo"}, {"echo"}, "", "");
  EXPECT_EQ(BadArgs([&] { BuildWatchSpec(a.watch_args, {}); }), "bad number of arguments");
  WatchFlags prefix;
  prefix.prefix = true;
  EXPECT_EQ(BadArgs([&] {
              BuildWatchSpec({"a", "b"}, prefix);
            }),
            "`range_end` and `--prefix` are mutually exclusive");
}

TEST(WatchSpec, RangePrefixAndFlags) {
  WatchFlags f;
  f.rev = 7;
  f.prev_kv = true;
  client::WatchSpec s = BuildWatchSpec({"a", "b", "ignored"}, f);
  EXPECT_EQ(s.key, "a");
  EXPECT_EQ(s.range_end, "");  // three words: etcdctl ignores the range
  EXPECT_EQ(s.start_revision, 7);
  EXPECT_TRUE(s.prev_kv);
  s = BuildWatchSpec({"a", "b"}, {});
  EXPECT_EQ(s.range_end, "b");
  f = {};
  f.prefix = true;
  s = BuildWatchSpec({"ab"}, f);
  EXPECT_EQ(s.range_end, "ac");
  s = BuildWatchSpec({""}, f);
  EXPECT_EQ(s.key, std::string(1, '\0'));
  EXPECT_EQ(s.range_end, std::string(1, '\0'));
}

TEST(WatchLine, FlagsPerLine) {
  WatchFlags f;
  WatchArgs a =
      ParseWatchLine({"watch", "--prefix", "--rev", "5", "k", "--", "echo", "x"}, "", "", &f);
  EXPECT_TRUE(f.prefix);
  EXPECT_EQ(f.rev, 5);
  EXPECT_EQ(a.watch_args, Strings({"k"}));
  EXPECT_EQ(a.exec_args, Strings({"echo", "x"}));
  a = ParseWatchLine({"watch", "--prev-kv=true", "-i", "k", "z"}, "", "", &f);
  EXPECT_TRUE(f.prev_kv);
  EXPECT_FALSE(f.prefix);  // each line starts from the defaults
  EXPECT_EQ(a.watch_args, Strings({"k", "z"}));
}

TEST(WatchLine, FatalErrors) {
  WatchFlags f;
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "--bogus", "k"}, "", "", &f);
            }),
            "unknown flag: --bogus");
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "-x", "k"}, "", "", &f);
            }),
            "unknown shorthand flag: 'x' in -x");
  EXPECT_EQ(
      BadArgs([&] {
        ParseWatchLine({"watch", "--rev", "x", "k"}, "", "", &f);
      }),
      "invalid argument \"x\" for \"--rev\" flag: strconv.ParseInt: parsing \"x\": invalid syntax");
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "k", "--rev"}, "", "", &f);
            }),
            "flag needs an argument: --rev");
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "k", "--"}, "", "", &f);
            }),
            "bad number of arguments (found separator --, but no commands)");
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "--prefix"}, "", "", &f);
            }),
            "bad number of arguments");
  EXPECT_EQ(BadArgs([&] {
              ParseWatchLine({"watch", "k"}, "env", "", &f);
            }),
            "bad number of arguments (found conflicting environment key)");
}

TEST(Argify, WordsAndQuotes) {
  EXPECT_EQ(Argify("watch  a\tb"), Strings({"watch", "a", "b"}));
  EXPECT_EQ(Argify("watch \"q k\" -- sh -c \"echo \\\"$X\\\"\""),
            Strings({"watch", "q k", "--", "sh", "-c", "echo \"$X\""}));
  EXPECT_EQ(Argify("watch 'a b'"), Strings({"watch", "a b"}));
  EXPECT_EQ(Argify("\"\\x41\\u00e9\\101\""), Strings({"A\xc3\xa9"
                                                      "A"}));
  EXPECT_TRUE(Argify("").empty());
  try {
    Argify("watch \"\\z\"");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kInvalidInput);
    EXPECT_STREQ(e.what(), "invalid syntax");
  }
}

TEST(WatchExecEnv, GoQuotedValues) {
  mvccpb::Event e;
  e.set_type(mvccpb::Event::DELETE);
  e.mutable_kv()->set_key("k\"1");
  auto env = WatchExecEnv(Environment(std::vector<Environment::Var>{{"PATH", "/bin"}, {"ETCD_WATCH_KEY", "stale"}}), 42, e);
  EXPECT_EQ(env, Strings({"PATH=/bin", "ETCD_WATCH_REVISION=42", "ETCD_WATCH_EVENT_TYPE=\"DELETE\"",
                          "ETCD_WATCH_KEY=\"k\\\"1\"", "ETCD_WATCH_VALUE=\"\""}));
}

}  // namespace
}  // namespace ectl::cli
