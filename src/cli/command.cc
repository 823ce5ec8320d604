#include "cli/command.h"

namespace ectl::cli {

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

std::string CommandTree::Path(const Command* command) {
  std::string path;
  for (const Command* c = command; c != nullptr && c->parent != nullptr; c = c->parent) {
    path = path.empty() ? c->name : c->name + " " + path;
  }
  return path;
}

}  // namespace ectl::cli
