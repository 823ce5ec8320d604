#include "cli/commands/watch_args.h"

#include "cli/flags.h"

#include "txn/argify.h"

#include <algorithm>
#include <cctype>

#include "common/bytes.h"
#include "common/error.h"
#include "common/strconv.h"
#include "mvccpb/kv.pb.h"

namespace ectl::cli {
namespace {

const char* const kBadArgsNum = "bad number of arguments";
const char* const kConflictEnv = "bad number of arguments (found conflicting environment key)";
const char* const kSeparator = "bad number of arguments (found separator --, but no commands)";

[[noreturn]] void BadArgs(const std::string& message) { throw Error(ExitCode::kBadArgs, message); }

// Index of the first "--", or npos.
size_t FindSeparator(const std::vector<std::string>& args) {
  auto it = std::find(args.begin(), args.end(), "--");
  return it == args.end() ? std::string::npos : static_cast<size_t>(it - args.begin());
}

// etcdctl drops, from the end of the key arguments, everything from the last word equal
// to the exec command's name (those words are the command and its arguments, which the
// flag parser also reported as positionals).
std::vector<std::string> TrimExecWords(std::vector<std::string> watch_args,
                                       const std::vector<std::string>& exec_args) {
  for (size_t i = watch_args.size(); i-- > 0;) {
    if (watch_args[i] == exec_args.front()) {
      watch_args.resize(i);
      return watch_args;
    }
  }
  return {};  // (etcdctl would crash here; no keys is the sane reading)
}

std::vector<std::string> WithEnvKey(std::vector<std::string> watch_args, const std::string& env_key,
                                    const std::string& env_range) {
  if (env_key.empty()) return watch_args;
  std::vector<std::string> out{env_key};
  if (!env_range.empty()) out.push_back(env_range);
  out.insert(out.end(), watch_args.begin(), watch_args.end());
  return out;
}

// The watch flags of an interactive line: the same table as the command line's, without
// -h (etcdctl answers it with "pflag: help requested").
std::vector<std::string> ParseLineFlags(const std::vector<std::string>& args, WatchFlags* f) {
  FlagSet flags;
  BindWatchFlags(flags, f);
  try {
    return ParseFlags(args, {&flags});
  } catch (const FlagError& e) {
    BadArgs(e.what());
  }
}

}  // namespace

void BindWatchFlags(FlagSet& f, WatchFlags* w) {
  f.Bool(&w->interactive, "interactive", "Interactive mode", 'i');
  f.Bool(&w->prefix, "prefix", "Watch on a prefix if prefix is set");
  f.Int(&w->rev, "rev", "Revision to start watching");
  f.Bool(&w->prev_kv, "prev-kv", "get the previous key-value pair before the event happens");
  f.Bool(&w->progress_notify, "progress-notify", "get periodic watch progress notification from server");
}

WatchArgs ParseWatchCommandLine(const std::vector<std::string>& raw_argv,
                                const std::vector<std::string>& positionals,
                                const std::string& env_key, const std::string& env_range) {
  // etcdctl takes the words after the first "watch" (all of argv if there is none,
  // e.g. when the command was abbreviated).
  std::vector<std::string> raw = raw_argv;
  if (auto w = std::find(raw.begin(), raw.end(), "watch"); w != raw.end()) {
    raw.erase(raw.begin(), w + 1);
  }
  const size_t sep = FindSeparator(raw);
  const bool has_sep = sep != std::string::npos;
  if (has_sep && sep == raw.size() - 1) BadArgs(kSeparator);
  if (!has_sep && raw.empty() && env_key.empty()) BadArgs(kBadArgsNum);
  if (has_sep && !env_key.empty()) {
    // A key before "--" conflicts with the variable: match the positionals against the
    // raw words from the end; one left over in front of the separator is a key.
    long r = static_cast<long>(raw.size()) - 1;
    for (long w = static_cast<long>(positionals.size()) - 1; w >= 0; --w) {
      if (r >= 0 && positionals[static_cast<size_t>(w)] == raw[static_cast<size_t>(r)]) {
        --r;
        continue;
      }
      if (r == static_cast<long>(sep)) BadArgs(kConflictEnv);
    }
  }
  if (!has_sep && !positionals.empty() && !env_key.empty()) BadArgs(kConflictEnv);

  WatchArgs out;
  if (has_sep) out.exec_args.assign(raw.begin() + static_cast<long>(sep) + 1, raw.end());
  out.watch_args = WithEnvKey(positionals, env_key, env_range);
  if (has_sep) out.watch_args = TrimExecWords(std::move(out.watch_args), out.exec_args);
  return out;
}

WatchArgs ParseWatchLine(const std::vector<std::string>& words, const std::string& env_key,
                         const std::string& env_range, WatchFlags* flags) {
  std::vector<std::string> args(words.begin() + 1, words.end());
  const size_t sep = FindSeparator(args);
  const bool has_sep = sep != std::string::npos;
  if (has_sep && sep == args.size() - 1) BadArgs(kSeparator);
  *flags = WatchFlags{};
  std::vector<std::string> positionals = ParseLineFlags(args, flags);
  if (!has_sep && env_key.empty() && positionals.empty()) BadArgs(kBadArgsNum);
  if (!has_sep && !positionals.empty() && !env_key.empty()) BadArgs(kConflictEnv);

  WatchArgs out;
  if (has_sep) out.exec_args.assign(args.begin() + static_cast<long>(sep) + 1, args.end());
  out.watch_args = WithEnvKey(std::move(positionals), env_key, env_range);
  if (has_sep) out.watch_args = TrimExecWords(std::move(out.watch_args), out.exec_args);
  return out;
}

client::WatchSpec BuildWatchSpec(const std::vector<std::string>& watch_args,
                                 const WatchFlags& flags) {
  if (watch_args.empty()) BadArgs(kBadArgsNum);
  client::WatchSpec spec;
  spec.key = watch_args[0];
  if (watch_args.size() == 2) {
    if (flags.prefix) BadArgs("`range_end` and `--prefix` are mutually exclusive");
    spec.range_end = watch_args[1];
  }
  if (flags.prefix) {
    // As etcd's client: an empty prefix means every key ("\0" to "\0").
    if (spec.key.empty()) spec.key = std::string(1, '\0');
    spec.range_end = spec.key == std::string(1, '\0') ? spec.key : PrefixEnd(spec.key);
  }
  spec.start_revision = flags.rev;
  spec.prev_kv = flags.prev_kv;
  spec.progress_notify = flags.progress_notify;
  return spec;
}

std::vector<std::string> Argify(std::string_view line) {
  // The same splitting as a txn op line.
  std::vector<std::string> out;
  for (auto& word : txn::Argify(line)) out.push_back(std::move(word.text));
  return out;
}

std::vector<std::string> WatchExecEnv(const Environment& env,
                                      int64_t revision, const mvccpb::Event& event) {
  std::vector<std::string> out;
  for (const auto& [name, value] : env.vars()) {
    if (name == "ETCD_WATCH_REVISION" || name == "ETCD_WATCH_EVENT_TYPE" ||
        name == "ETCD_WATCH_KEY" || name == "ETCD_WATCH_VALUE") {
      continue;  // the event's own values win, as with Go's exec
    }
    out.push_back(name + "=" + value);
  }
  out.push_back("ETCD_WATCH_REVISION=" + std::to_string(revision));
  out.push_back(std::string("ETCD_WATCH_EVENT_TYPE=") +
                (event.type() == mvccpb::Event::DELETE ? "\"DELETE\"" : "\"PUT\""));
  out.push_back("ETCD_WATCH_KEY=" + GoQuote(event.kv().key()));
  out.push_back("ETCD_WATCH_VALUE=" + GoQuote(event.kv().value()));
  return out;
}

}  // namespace ectl::cli
