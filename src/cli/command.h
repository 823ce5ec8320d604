// The command tree: every ectl command is a CLI11 subcommand plus the metadata etcdctl's
// help shows (use line, description) and the function that runs it.
//
// CLI11 only records which command was chosen and which flags were given; Run() then
// executes the chosen command's run function, so parse errors and runtime errors never
// mix. Command flags are kept as text in a Flags object and converted on use, which gives
// pflag's exact error messages.
#ifndef ECTL_CLI_COMMAND_H_
#define ECTL_CLI_COMMAND_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/io.h"

namespace CLI {
class App;
class Option;
}

namespace ectl::client {
class Client;
}
namespace ectl::output {
class Printer;
}

namespace ectl::cli {

class GlobalOptions;

// What a running command gets: its arguments, the global options, the streams, and
// lazily built client and printer.
class Context {
 public:
  Context(const GlobalOptions& global, Io& io, std::vector<std::string> args,
          std::string program);
  ~Context();

  [[nodiscard]] const std::vector<std::string>& args() const { return args_; }
  [[nodiscard]] const GlobalOptions& global() const { return global_; }
  [[nodiscard]] Io& io() { return io_; }
  [[nodiscard]] const std::string& program() const { return program_; }
  // The command line as typed (argv[0] first) and the environment Run() was given, for
  // the few commands whose etcdctl twin reads os.Args or the environment itself (watch
  // finds its exec command after the raw "--", which args() no longer shows).
  [[nodiscard]] const std::vector<std::string>& raw_argv() const { return raw_argv_; }
  [[nodiscard]] const std::map<std::string, std::string>& env() const { return env_; }
  void SetInvocation(std::vector<std::string> raw_argv, std::map<std::string, std::string> env) {
    raw_argv_ = std::move(raw_argv);
    env_ = std::move(env);
  }

  // The printer for -w/--hex (validated when first asked for).
  output::Printer& printer();
  // The connected client; client-construction failures become Error(kBadConnection).
  client::Client& client();

 private:
  const GlobalOptions& global_;
  Io& io_;
  std::vector<std::string> args_;
  std::string program_;
  std::vector<std::string> raw_argv_;
  std::map<std::string, std::string> env_;
  std::unique_ptr<output::Printer> printer_;
  std::unique_ptr<client::Client> client_;
};

using RunFn = std::function<void(Context&)>;

// Text-valued flags of one command with their defaults and help, converted on request.
class Flags {
 public:
  explicit Flags(CLI::App* app) : app_(app) {}
  void Bool(std::string_view name, std::string_view help, char shorthand = 0,
            bool default_value = false);
  void String(std::string_view name, std::string_view default_value, std::string_view help,
              char shorthand = 0);
  void Int(std::string_view name, int64_t default_value, std::string_view help);

  // Throw Error(kError, `invalid argument "x" for "--name" flag: ...`) on a bad value.
  [[nodiscard]] bool GetBool(std::string_view name) const;
  [[nodiscard]] std::string GetString(std::string_view name) const;
  [[nodiscard]] int64_t GetInt(std::string_view name) const;
  [[nodiscard]] bool Changed(std::string_view name) const;

 private:
  CLI::Option* Add(std::string_view name, char shorthand, std::string_view default_value,
                   std::string_view help, bool is_flag);
  const std::string& Raw(std::string_view name) const;

  CLI::App* app_;
  bool name_is_int_ = false;
  std::map<std::string, std::string, std::less<>> values_;
  std::map<std::string, std::string, std::less<>> defaults_;
};

// Adds a command's flags to its CLI11 app and returns the function that runs it (an
// empty function for a group of subcommands).
using Setup = std::function<RunFn(CLI::App& app)>;

// One command of the tree. Only names and descriptions exist for every command; the
// CLI11 app with its flags is built on demand (Materialize), so a call pays only for the
// commands on its own path.
struct Command {
  std::string name;
  std::string use;         // "get [options] <key> [range_end]"
  std::string short_desc;
  std::string long_desc;   // may be empty
  Setup setup;             // empty for a group
  bool hidden = false;     // left out of help, completions and man pages
  bool offline = false;    // never builds a client, so ETCDCTL_* are not read (as etcdctl)
  Command* parent = nullptr;
  std::vector<std::unique_ptr<Command>> children;
  CLI::App* app = nullptr;  // once materialized
  RunFn run;                // once materialized
};

class CommandTree {
 public:
  explicit CommandTree(std::string program);
  ~CommandTree();

  [[nodiscard]] Command& root() { return root_; }
  [[nodiscard]] const Command& root() const { return root_; }
  [[nodiscard]] CLI::App& root_app() { return *root_app_; }
  [[nodiscard]] const std::string& program() const { return program_; }

  // Adds a command under parent (nullptr: the root). The name is use's first word.
  Command* Add(Command* parent, std::string_view use, std::string_view short_desc,
               Setup setup = nullptr, std::string_view long_desc = "");

  // Builds the CLI11 apps from the root down to command, with their flags.
  CLI::App* Materialize(Command* command);
  // Materializes every command (completion and man page generation).
  void MaterializeAll();

  // The child of parent called word, or the only child whose name starts with word.
  [[nodiscard]] Command* Find(Command* parent, std::string_view word) const;
  // "lease grant" for that command; "" for the root.
  [[nodiscard]] static std::string Path(const Command* command);

 private:
  std::string program_;
  std::unique_ptr<CLI::App> root_app_;
  Command root_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMAND_H_
