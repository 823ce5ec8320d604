#include "cli/commands/txn_ops.h"

#include <optional>

#include "cli/flags.h"
#include "cli/commands/kv_requests.h"
#include "client/op.h"
#include "common/error.h"
#include "txn/line_error.h"

namespace ectl::cli {
namespace {

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

// Parses the words other than the command's name against flags; returns the arguments.
std::vector<std::string> ParseOpFlags(const std::vector<txn::Word>& words, size_t skip,
                                      FlagSet& flags, std::string_view line) {
  std::vector<std::string> texts;
  std::vector<size_t> offsets;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == skip) continue;
    texts.push_back(words[i].text);
    offsets.push_back(words[i].offset);
  }
  try {
    return ParseFlags(texts, {&flags});
  } catch (const FlagError& e) {
    Invalid(line, offsets[e.word_index()]);
  }
}

}  // namespace

etcdserverpb::RequestOp ParseTxnOp(const std::vector<txn::Word>& words, std::string_view line) {
  auto index = CommandWord(words);
  if (!index) Invalid(line, 0);
  std::string command = Resolve(words[*index].text);
  if (command != "put" && command != "get" && command != "del") {
    Invalid(line, words[*index].offset);
  }
  FlagSet flags;
  if (command == "get") {
    GetFlags f;
    BindGetFlags(flags, &f);
    std::vector<std::string> args = ParseOpFlags(words, *index, flags, line);
    return client::OpGet(BuildGet(args, f));
  }
  if (command == "put") {
    PutFlags f;
    BindPutFlags(flags, &f);
    std::vector<std::string> args = ParseOpFlags(words, *index, flags, line);
    return client::OpPut(BuildPut(args, f, std::nullopt));
  }
  DelFlags f;
  BindDelFlags(flags, &f);
  std::vector<std::string> args = ParseOpFlags(words, *index, flags, line);
  return client::OpDelete(BuildDelete(args, f));
}

const std::vector<std::string>& TxnOpCommands() {
  static const std::vector<std::string> commands = {"put", "get", "del"};
  return commands;
}

std::vector<std::string> TxnOpFlags(std::string_view command) {
  FlagSet set;
  GetFlags get;
  PutFlags put;
  DelFlags del;
  if (command == "get") BindGetFlags(set, &get);
  if (command == "put") BindPutFlags(set, &put);
  if (command == "del") BindDelFlags(set, &del);
  std::vector<std::string> flags;
  for (const auto& f : set.flags()) flags.push_back("--" + f->name);
  return flags;
}

}  // namespace ectl::cli
