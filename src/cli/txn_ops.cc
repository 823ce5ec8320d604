#include "cli/txn_ops.h"

#include <map>
#include <optional>

#include "cli/kv_requests.h"
#include "client/op.h"
#include "common/error.h"
#include "common/strconv.h"
#include "txn/line_error.h"

namespace ectl::cli {
namespace {

enum class Kind { kBool, kString, kInt };

struct FlagSpec {
  const char* name;
  Kind kind;
  const char* default_value;
};

// The flags of ectl's get, put and del (kv_commands.cc). etcdctl 3.4.23 lacks
// --count-only, the --min/max-*-rev filters and del --range; ectl accepts them here as
// its own commands do.
const std::vector<FlagSpec>& Specs(std::string_view command) {
  static const std::vector<FlagSpec> get = {
      {"consistency", Kind::kString, "l"}, {"order", Kind::kString, ""},
      {"sort-by", Kind::kString, ""},      {"limit", Kind::kInt, "0"},
      {"prefix", Kind::kBool, "false"},    {"from-key", Kind::kBool, "false"},
      {"rev", Kind::kInt, "0"},            {"keys-only", Kind::kBool, "false"},
      {"count-only", Kind::kBool, "false"}, {"print-value-only", Kind::kBool, "false"},
      {"min-create-rev", Kind::kInt, "0"}, {"max-create-rev", Kind::kInt, "0"},
      {"min-mod-rev", Kind::kInt, "0"},    {"max-mod-rev", Kind::kInt, "0"}};
  static const std::vector<FlagSpec> put = {{"lease", Kind::kString, "0"},
                                            {"prev-kv", Kind::kBool, "false"},
                                            {"ignore-value", Kind::kBool, "false"},
                                            {"ignore-lease", Kind::kBool, "false"}};
  static const std::vector<FlagSpec> del = {{"prefix", Kind::kBool, "false"},
                                            {"prev-kv", Kind::kBool, "false"},
                                            {"from-key", Kind::kBool, "false"},
                                            {"range", Kind::kBool, "false"}};
  if (command == "get") return get;
  if (command == "put") return put;
  return del;
}

[[noreturn]] void Invalid(std::string_view line, size_t offset) {
  throw txn::LineError(ExitCode::kInvalidInput, "invalid txn request: " + std::string(line),
                       offset);
}

// The word naming the command, found as cobra finds it: the first word that is neither a
// flag nor, after a "--flag" or "-f" without "=", that flag's presumed value.
std::optional<size_t> CommandWord(const std::vector<txn::Word>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].text;
    if (w == "--") return std::nullopt;
    bool dash2 = w.rfind("--", 0) == 0, has_eq = w.find('=') != std::string::npos;
    if ((dash2 && !has_eq) || (!dash2 && w.size() == 2 && w[0] == '-' && !has_eq)) {
      ++i;
      continue;
    }
    if (!w.empty() && w[0] != '-') return i;
  }
  return std::nullopt;
}

// The command a (possibly abbreviated) name means; "" when none or ambiguous. cobra also
// offers "help" and "completion", which never produce an op (etcdctl then deadlocks).
std::string Resolve(const std::string& name) {
  static const char* const kAll[] = {"put", "get", "del", "help", "completion"};
  std::string match;
  int matches = 0;
  for (const char* c : kAll) {
    if (name == c) return c;
    if (std::string_view(c).rfind(name, 0) == 0) match = c, ++matches;
  }
  return matches == 1 ? match : "";
}

struct Parsed {
  std::vector<std::string> args;
  std::map<std::string, std::string> values;  // flag -> last value given
  std::map<std::string, size_t> offsets;      // flag -> offset of the word that set it
};

// pflag's parsing with interspersed arguments.
Parsed ParseFlags(const std::vector<txn::Word>& words, size_t skip, std::string_view command,
                  std::string_view line) {
  const auto& specs = Specs(command);
  auto find = [&](std::string_view name) -> const FlagSpec* {
    for (const auto& s : specs) {
      if (name == s.name) return &s;
    }
    return nullptr;
  };
  Parsed p;
  for (const auto& s : specs) p.values[s.name] = s.default_value;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == skip) continue;
    const std::string& w = words[i].text;
    const size_t at = words[i].offset;
    if (w.size() < 2 || w[0] != '-') {
      p.args.push_back(w);
      continue;
    }
    if (w == "--") {
      for (size_t j = i + 1; j < words.size(); ++j) {
        if (j != skip) p.args.push_back(words[j].text);
      }
      break;
    }
    if (w[1] != '-') Invalid(line, at);  // no shorthand flags but -h (help: no op)
    std::string name = w.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    const FlagSpec* spec = find(name);
    if (name.empty() || spec == nullptr) Invalid(line, at);
    if (!value) {
      if (spec->kind == Kind::kBool) {
        value = "true";
      } else if (i + 1 < words.size() && i + 1 != skip) {
        value = words[++i].text;
      } else {
        Invalid(line, at);
      }
    }
    try {  // pflag converts as it parses
      if (spec->kind == Kind::kBool) (void)ParseBool(*value);
      if (spec->kind == Kind::kInt) (void)ParseInt(*value, 0);
    } catch (const ParseError&) {
      Invalid(line, at);
    }
    p.values[name] = *value;
    p.offsets[name] = at;
  }
  return p;
}

bool Bool(const Parsed& p, const char* name) { return ParseBool(p.values.at(name)); }
int64_t Int(const Parsed& p, const char* name) { return ParseInt(p.values.at(name), 0); }

}  // namespace

etcdserverpb::RequestOp ParseTxnOp(const std::vector<txn::Word>& words, std::string_view line) {
  auto index = CommandWord(words);
  if (!index) Invalid(line, 0);
  std::string command = Resolve(words[*index].text);
  if (command != "put" && command != "get" && command != "del") {
    Invalid(line, words[*index].offset);
  }
  Parsed p = ParseFlags(words, *index, command, line);
  if (command == "get") {
    GetFlags f;
    f.consistency = p.values["consistency"];
    f.order = p.values["order"];
    f.sort_by = p.values["sort-by"];
    f.limit = Int(p, "limit");
    f.rev = Int(p, "rev");
    f.prefix = Bool(p, "prefix");
    f.from_key = Bool(p, "from-key");
    f.keys_only = Bool(p, "keys-only");
    f.count_only = Bool(p, "count-only");
    f.min_create_rev = Int(p, "min-create-rev");
    f.max_create_rev = Int(p, "max-create-rev");
    f.min_mod_rev = Int(p, "min-mod-rev");
    f.max_mod_rev = Int(p, "max-mod-rev");
    // --print-value-only is accepted and, as in etcdctl's txn, has no effect.
    return client::OpGet(BuildGet(p.args, f));
  }
  if (command == "put") {
    PutFlags f;
    f.lease = p.values["lease"];
    f.prev_kv = Bool(p, "prev-kv");
    f.ignore_value = Bool(p, "ignore-value");
    f.ignore_lease = Bool(p, "ignore-lease");
    return client::OpPut(BuildPut(p.args, f, std::nullopt));
  }
  DelFlags f;
  f.prefix = Bool(p, "prefix");
  f.from_key = Bool(p, "from-key");
  f.prev_kv = Bool(p, "prev-kv");
  return client::OpDelete(BuildDelete(p.args, f));
}

const std::vector<std::string>& TxnOpCommands() {
  static const std::vector<std::string> commands = {"put", "get", "del"};
  return commands;
}

std::vector<std::string> TxnOpFlags(std::string_view command) {
  std::vector<std::string> flags;
  for (const auto& s : Specs(command)) flags.push_back(std::string("--") + s.name);
  return flags;
}

}  // namespace ectl::cli
