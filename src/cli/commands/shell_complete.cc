#include "cli/commands/shell_complete.h"

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/global_options.h"

namespace ectl::cli {

ShellCompleter::ShellCompleter(const std::string& program)
    : tree_(std::make_unique<CommandTree>(program)), global_(std::make_unique<GlobalOptions>()) {
  global_->Bind(tree_->Materialize(&tree_->root()));
  RegisterCommands(*tree_);
  tree_->MaterializeAll();
}

ShellCompleter::~ShellCompleter() = default;

Completion ShellCompleter::Complete(std::string_view before, const KeyLister& keys) {
  Completion c;
  // The words before the one being typed, split at blanks; quotes end completion.
  if (before.find_first_of("'\"\\") != std::string_view::npos) return c;
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= before.size()) {
    size_t end = before.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = before.size();
    words.emplace_back(before.substr(start, end - start));
    start = end + 1;
  }
  c.prefix = words.back();
  words.pop_back();
  c.suffix = " ";

  // Follow the command words as Run() does.
  Command* cur = &tree_->root();
  bool in_path = true, value_next = false;
  int arguments = 0;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (value_next) {
      value_next = false;
      continue;
    }
    if (w.size() > 1 && w[0] == '-') {
      value_next = TakesSeparateValue(w, tree_->FlagSetsFor(cur));
      continue;
    }
    if (in_path && !cur->children.empty()) {
      if (Command* sub = tree_->Find(cur, w)) {
        cur = sub;
        continue;
      }
      in_path = false;
    }
    ++arguments;
  }
  if (value_next) return c;  // a flag's value: nothing to offer

  if (c.prefix.size() > 0 && c.prefix[0] == '-') {
    for (FlagSet* set : tree_->FlagSetsFor(cur)) {
      for (const auto& f : set->flags()) {
        if (f->hidden) continue;
        std::string name = "--" + f->name;
        if (name.rfind(c.prefix, 0) == 0) c.candidates.push_back(name);
      }
    }
    return c;
  }
  if (in_path && !cur->children.empty()) {
    for (const auto& child : cur->children) {
      if (child->hidden || child->name.rfind(c.prefix, 0) != 0) continue;
      c.candidates.push_back(child->name);
    }
    if (cur == &tree_->root()) {
      for (const char* word : {"exit", "help", "quit"}) {
        if (std::string_view(word).rfind(c.prefix, 0) == 0) c.candidates.emplace_back(word);
      }
    }
    return c;
  }
  // The first argument of get, put and del is a key.
  const std::string path = CommandTree::Path(cur);
  if (arguments == 0 && (path == "get" || path == "put" || path == "del") && keys) {
    for (auto& k : keys(c.prefix)) {
      if (k.rfind(c.prefix, 0) == 0) c.candidates.push_back(std::move(k));
    }
  }
  return c;
}

}  // namespace ectl::cli
