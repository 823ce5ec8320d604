#include "cli/command.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace ectl::cli {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Cobra's ld(): Levenshtein distance over bytes.
size_t Distance(const std::string& s, const std::string& t) {
  std::vector<size_t> prev(t.size() + 1), cur(t.size() + 1);
  for (size_t j = 0; j <= t.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= s.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= t.size(); ++j) {
      cur[j] = s[i - 1] == t[j - 1] ? prev[j - 1]
                                    : 1 + std::min({prev[j], cur[j - 1], prev[j - 1]});
    }
    std::swap(prev, cur);
  }
  return prev[t.size()];
}

// The order in which etcdctl 3.4 adds its top-level commands (cobra suggests in that
// order, its own `completion` last); ectl's other commands follow in tree order.
constexpr std::string_view kEtcdctlOrder[] = {
    "get",   "put",      "del",         "txn",         "compaction", "alarm",  "defrag",
    "endpoint", "move-leader", "watch", "version",     "lease",      "member", "snapshot",
    "make-mirror", "migrate", "lock",   "elect",       "auth",       "user",   "role",
    "check", "completion"};

size_t Rank(const std::string& name) {
  auto it = std::find(std::begin(kEtcdctlOrder), std::end(kEtcdctlOrder), name);
  return static_cast<size_t>(it - std::begin(kEtcdctlOrder));
}

}  // namespace

CommandTree::CommandTree(std::string program) : program_(std::move(program)) {
  root_.name = program_;
  root_.use = program_;
  root_.short_desc = "A simple command line client for etcd3.";
}

CommandTree::~CommandTree() = default;

Command* CommandTree::Add(Command* parent, std::string_view use, std::string_view short_desc,
                          Setup setup, std::string_view long_desc) {
  if (parent == nullptr) parent = &root_;
  auto command = std::make_unique<Command>();
  command->name = std::string(use.substr(0, use.find(' ')));
  command->use = std::string(use);
  command->short_desc = std::string(short_desc);
  command->long_desc = std::string(long_desc);
  command->setup = std::move(setup);
  command->parent = parent;
  parent->children.push_back(std::move(command));
  return parent->children.back().get();
}

FlagSet& CommandTree::Materialize(Command* command) {
  if (command->flags) return *command->flags;
  if (command->parent != nullptr) Materialize(command->parent);
  command->flags = std::make_unique<FlagSet>();
  if (command->setup) command->run = command->setup(*command->flags);
  // Last, as cobra adds it: a command may not take -h for itself.
  command->flags->Bool(&command->help_requested, "help", "help for " + command->name, 'h');
  return *command->flags;
}

std::vector<FlagSet*> CommandTree::FlagSetsFor(Command* command) {
  FlagSet& own = Materialize(command);
  if (command == &root_) return {&own};
  return {&own, root_.flags.get()};
}

void CommandTree::MaterializeAll() {
  std::vector<Command*> stack{&root_};
  while (!stack.empty()) {
    Command* c = stack.back();
    stack.pop_back();
    Materialize(c);
    for (auto& child : c->children) stack.push_back(child.get());
  }
}

Command* CommandTree::Find(Command* parent, std::string_view word) const {
  Command* match = nullptr;
  int matches = 0;
  for (auto& child : parent->children) {
    if (child->name == word) return child.get();
    // Unambiguous prefixes name a command, as with etcdctl ("memb li").
    if (child->name.rfind(word, 0) == 0) match = child.get(), ++matches;
  }
  return matches == 1 ? match : nullptr;
}

std::vector<std::string> CommandTree::Suggestions(const Command* parent,
                                                  std::string_view word) const {
  const std::string typed = Lower(word);
  std::vector<const Command*> found;
  for (const auto& child : parent->children) {
    if (child->hidden || (!child->setup && child->children.empty())) continue;
    const std::string name = Lower(child->name);
    if (Distance(typed, name) <= 2 || name.rfind(typed, 0) == 0) found.push_back(child.get());
  }
  std::stable_sort(found.begin(), found.end(), [](const Command* a, const Command* b) {
    return Rank(a->name) < Rank(b->name);
  });
  std::vector<std::string> names;
  for (const Command* c : found) names.push_back(c->name);
  return names;
}

std::string CommandTree::Path(const Command* command) {
  std::string path;
  for (const Command* c = command; c != nullptr && c->parent != nullptr; c = c->parent) {
    path = path.empty() ? c->name : c->name + " " + path;
  }
  return path;
}

}  // namespace ectl::cli
