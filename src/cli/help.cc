#include "cli/help.h"

#include <algorithm>
#include <vector>

#include "cli/command.h"
#include "common/bytes.h"
#include "version.h"

namespace ectl::cli {
namespace {

struct Row {
  std::string left;
  std::string right;
};

void AppendRows(std::string& out, const std::vector<Row>& rows, const std::string& indent) {
  size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.left.size());
  for (const auto& r : rows) {
    out += indent + r.left + std::string(width - r.left.size() + 2, ' ') + r.right + "\n";
  }
}

Row FlagRow(const Flag& flag) {
  std::string left = flag.shorthand == 0 ? "      --" + flag.name
                                         : std::string("  -") + flag.shorthand + ", --" + flag.name;
  if (flag.is_bool()) {
    left += "[=" + flag.default_text + "]";
  } else if (flag.type == "string") {
    left += "=" + GoQuote(flag.default_text);
  } else {
    left += "=" + flag.default_text;
  }
  return {left, flag.help};
}

// pflag lists flags sorted by long name.
std::vector<Row> FlagRows(const FlagSet& flags) {
  std::vector<const Flag*> sorted;
  for (const auto& f : flags.flags()) {
    if (!f->hidden) sorted.push_back(f.get());
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Flag* a, const Flag* b) { return a->name < b->name; });
  std::vector<Row> rows;
  for (const Flag* f : sorted) rows.push_back(FlagRow(*f));
  return rows;
}

void CollectCommands(const Command* command, std::vector<Row>& rows) {
  for (const auto& child : command->children) {
    if (child->hidden) continue;
    if (child->setup) rows.push_back({CommandTree::Path(child.get()), child->short_desc});
    CollectCommands(child.get(), rows);
  }
}

}  // namespace

std::string UseLine(const CommandTree& tree, const Command* command) {
  std::string line = tree.program();
  if (command->parent == nullptr) return line + " <command> [flags]";
  std::string path = CommandTree::Path(command->parent);
  line += " " + (path.empty() ? command->use : path + " " + command->use);
  if (!command->children.empty() && command->use.find("<subcommand>") == std::string::npos) {
    line += " <subcommand>";
  }
  return line + " [flags]";
}

std::string RenderHelp(CommandTree& tree, Command* command) {
  const FlagSet& flags = tree.Materialize(command);
  bool is_root = command->parent == nullptr;
  std::string out;
  out += "NAME:\n\t" + (is_root ? tree.program() : CommandTree::Path(command)) + " - " +
         command->short_desc + "\n\n";
  out += "USAGE:\n\t" + UseLine(tree, command) + "\n\n";
  if (is_root) out += std::string("VERSION:\n\t") + kVersion + "\n\n";
  std::vector<Row> commands;
  CollectCommands(command, commands);
  if (!commands.empty()) {
    out += std::string("API VERSION:\n\t") + kApiVersion + "\n\n\n";
    out += "COMMANDS:\n";
    AppendRows(out, commands, "\t");
    out += "\n";
  }
  if (!command->long_desc.empty()) {
    out += "DESCRIPTION:\n";
    const std::string& desc = command->long_desc;
    size_t start = 0;
    while (start <= desc.size()) {
      size_t nl = desc.find('\n', start);
      if (nl == std::string::npos) nl = desc.size();
      out += "\t" + desc.substr(start, nl - start) + "\n";
      start = nl + 1;
    }
    out += "\n";
  }
  out += "OPTIONS:\n";
  AppendRows(out, FlagRows(flags), "");
  if (!is_root) {
    out += "\nGLOBAL OPTIONS:\n";
    std::vector<Row> global = FlagRows(*tree.root().flags);
    global.erase(std::remove_if(global.begin(), global.end(),
                                [](const Row& r) { return r.left.find("--help") != std::string::npos; }),
                 global.end());
    AppendRows(out, global, "");
  }
  out += "\n";
  return out;
}

}  // namespace ectl::cli
