// The watch command's argument handling, as etcdctl 3.4 does it: pure functions,
// unit-tested.
//
// etcdctl reads the raw command line itself: everything after the first word "watch",
// with the exec command after the first literal "--", and it reconciles that with the
// positional arguments its flag parser saw and with ETCDCTL_WATCH_KEY/RANGE_END. The
// interactive mode (`watch -i`) splits each stdin line into words (argify) and parses
// the watch flags per line. The error texts are etcdctl's.
#ifndef ECTL_CLI_COMMANDS_WATCH_ARGS_H_
#define ECTL_CLI_COMMANDS_WATCH_ARGS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.h"
#include "client/watch_state.h"

namespace mvccpb {
class Event;
}

namespace ectl::cli {

class FlagSet;

// The watch flags (command line or one interactive line).
struct WatchFlags {
  bool interactive = false;
  bool prefix = false;
  bool prev_kv = false;
  bool progress_notify = false;
  int64_t rev = 0;
};

// The one table of the watch flags, for the command line and for `watch -i` lines.
void BindWatchFlags(FlagSet& flags, WatchFlags* watch);

struct WatchArgs {
  std::vector<std::string> watch_args;  // key [range_end] [ignored...]
  std::vector<std::string> exec_args;   // the command run per event; empty: none
};

// The command line form. raw_argv is the whole command line (argv[0] first),
// positionals what the flag parser left. Throws Error(kBadArgs) with etcdctl's text.
WatchArgs ParseWatchCommandLine(const std::vector<std::string>& raw_argv,
                                const std::vector<std::string>& positionals,
                                const std::string& env_key, const std::string& env_range);

// One interactive `watch ...` line, split into words (words[0] == "watch"); also parses
// that line's flags into *flags. Throws Error(kBadArgs) for what etcdctl treats as
// fatal (flag errors, a trailing "--", missing or conflicting key).
WatchArgs ParseWatchLine(const std::vector<std::string>& words, const std::string& env_key,
                         const std::string& env_range, WatchFlags* flags);

// What etcdctl checks when it creates the watch (key present, range_end and --prefix
// not both); throws Error(kBadArgs, message).
client::WatchSpec BuildWatchSpec(const std::vector<std::string>& watch_args,
                                 const WatchFlags& flags);

// etcdctl's argify: splits a line into words; "double-quoted" words are unquoted as Go
// does (a bad escape throws Error(kInvalidInput, "invalid syntax")), 'single-quoted'
// words lose their quotes.
std::vector<std::string> Argify(std::string_view line);

// The environment of an exec command: env without any ETCD_WATCH_* entry, plus
// ETCD_WATCH_REVISION, ETCD_WATCH_EVENT_TYPE, ETCD_WATCH_KEY and ETCD_WATCH_VALUE (the
// last three quoted as Go's %q), as "NAME=value" strings.
std::vector<std::string> WatchExecEnv(const Environment& env,
                                      int64_t revision, const mvccpb::Event& event);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_WATCH_ARGS_H_
