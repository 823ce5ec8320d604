// The command tree: every ectl command with the metadata etcdctl's help shows (use line,
// descriptions), its flag set, and the function that runs it.
//
// A command's Setup binds the fields of its options struct to the command's FlagSet and
// returns the run function, which holds the options. Only the commands on the invoked
// path are set up (Materialize), so a call pays only for its own flags. Parsing fills
// the options; Run() then calls the run function with a Context, so parse errors and
// runtime errors never mix.
#ifndef ECTL_CLI_COMMAND_H_
#define ECTL_CLI_COMMAND_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.h"
#include "cli/flags.h"

namespace ectl::cli {

using RunFn = std::function<void(Context&)>;

// Binds a command's flags and returns the function that runs it (empty for a group).
using Setup = std::function<RunFn(FlagSet& flags)>;

// A command whose options struct is bound to its flags by bind and handed to run.
template <typename Options>
Setup WithOptions(void (*bind)(FlagSet&, Options*), void (*run)(Context&, const Options&)) {
  return [bind, run](FlagSet& flags) -> RunFn {
    auto options = std::make_shared<Options>();
    bind(flags, options.get());
    return [options, run](Context& ctx) { run(ctx, *options); };
  };
}

// A command without flags of its own.
inline Setup Plain(void (*run)(Context&)) {
  return [run](FlagSet&) -> RunFn { return run; };
}

// One command of the tree. Names and descriptions exist for every command; the flag set
// is built on demand (Materialize).
struct Command {
  std::string name;
  std::string use;  // "get [options] <key> [range_end]"
  std::string short_desc;
  std::string long_desc;  // may be empty
  Setup setup;            // empty for a group
  bool hidden = false;    // left out of help, completions and man pages
  bool offline = false;   // never connects, so ETCDCTL_* are not read (as etcdctl)
  Command* parent = nullptr;
  std::vector<std::unique_ptr<Command>> children;
  std::unique_ptr<FlagSet> flags;  // once materialized
  RunFn run;                       // once materialized
  bool help_requested = false;     // -h/--help was given
};

class CommandTree {
 public:
  explicit CommandTree(std::string program);
  ~CommandTree();
  CommandTree(const CommandTree&) = delete;
  CommandTree& operator=(const CommandTree&) = delete;

  [[nodiscard]] Command& root() { return root_; }
  [[nodiscard]] const Command& root() const { return root_; }
  [[nodiscard]] const std::string& program() const { return program_; }

  // Adds a command under parent (nullptr: the root). The name is use's first word.
  Command* Add(Command* parent, std::string_view use, std::string_view short_desc,
               Setup setup = nullptr, std::string_view long_desc = "");

  // Sets up the flag sets from the root down to command; returns command's.
  FlagSet& Materialize(Command* command);
  // Materializes every command (completion and man page generation).
  void MaterializeAll();
  // The flag sets a command's words are parsed against: its own, then the root's
  // (the global flags, which every command inherits).
  [[nodiscard]] std::vector<FlagSet*> FlagSetsFor(Command* command);

  // The child of parent called word, or the only child whose name starts with word.
  [[nodiscard]] Command* Find(Command* parent, std::string_view word) const;
  // Cobra's "Did you mean this?" for an unknown command word under parent: the visible
  // runnable commands within Levenshtein distance 2 of word or starting with it (both
  // ignoring ASCII case), in etcdctl's registration order.
  [[nodiscard]] std::vector<std::string> Suggestions(const Command* parent,
                                                     std::string_view word) const;
  // "lease grant" for that command; "" for the root.
  [[nodiscard]] static std::string Path(const Command* command);

 private:
  std::string program_;
  Command root_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMAND_H_
