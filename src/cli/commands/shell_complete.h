// Tab completion for `ectl shell`: command names, flags, and key names. Pure but for the
// key lister the caller passes in, so that it is unit-tested apart from the editor.
#ifndef ECTL_CLI_COMMANDS_SHELL_COMPLETE_H_
#define ECTL_CLI_COMMANDS_SHELL_COMPLETE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/line_editor.h"

namespace ectl::cli {

class CommandTree;
class GlobalOptions;

class ShellCompleter {
 public:
  // Lists keys that start with a prefix (up to some limit).
  using KeyLister = std::function<std::vector<std::string>(const std::string& prefix)>;

  explicit ShellCompleter(const std::string& program);
  ~ShellCompleter();
  ShellCompleter(const ShellCompleter&) = delete;
  ShellCompleter& operator=(const ShellCompleter&) = delete;

  // The word before the cursor: a command (or subcommand) name while the line names
  // commands, a flag of the command (and the global ones) when it starts with '-', a key
  // name in the arguments of get, put and del. Nothing inside quotes.
  Completion Complete(std::string_view before_cursor, const KeyLister& keys);

 private:
  std::unique_ptr<CommandTree> tree_;
  std::unique_ptr<GlobalOptions> global_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_SHELL_COMPLETE_H_
