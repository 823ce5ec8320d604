#include "cli/commands/txn_complete.h"

#include "cli/commands/txn_ops.h"

namespace ectl::cli {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

void Keep(Completion& c, const std::vector<std::string>& all) {
  for (const auto& w : all) {
    if (w.rfind(c.prefix, 0) == 0) c.candidates.push_back(w);
  }
}

}  // namespace

Completion CompleteTxnLine(txn::Section section, std::string_view line) {
  Completion c;
  size_t start = 0;
  while (start < line.size() && IsBlank(line[start])) ++start;
  if (section == txn::Section::kCompares) {
    size_t paren = line.find('(');
    if (paren == std::string_view::npos) {
      c.prefix = std::string(line.substr(start));
      Keep(c, {"version", "create", "mod", "value", "lease"});
      c.suffix = "(\"";
      return c;
    }
    size_t close = line.rfind(')');
    if (close == std::string_view::npos || close < paren) return c;
    std::string_view after = line.substr(close + 1);
    size_t i = 0;
    while (i < after.size() && IsBlank(after[i])) ++i;
    std::string_view op = after.substr(i);
    if (op.find_first_not_of("=!<>") != std::string_view::npos) return c;
    c.prefix = std::string(op);
    Keep(c, {"=", "!=", "<", ">", "<=", ">="});
    c.suffix.assign(" \"", 2);
    return c;
  }
  // Op sections: the word under the cursor and the command word.
  size_t word = line.size();
  while (word > start && !IsBlank(line[word - 1])) --word;
  c.prefix = std::string(line.substr(word));
  c.suffix.push_back(' ');  // (GCC 12 warns wrongly on assigning a literal here)
  if (word == start) {
    Keep(c, TxnOpCommands());
    return c;
  }
  if (c.prefix.empty() || c.prefix[0] != '-') return c;
  size_t end = start;
  while (end < line.size() && !IsBlank(line[end])) ++end;
  std::string command(line.substr(start, end - start));
  for (const auto& name : TxnOpCommands()) {
    if (name.rfind(command, 0) == 0 && !command.empty()) {
      Keep(c, TxnOpFlags(name));
      break;
    }
  }
  return c;
}

}  // namespace ectl::cli
