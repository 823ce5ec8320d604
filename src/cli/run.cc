#include "cli/run.h"

#include <cstdlib>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "cli/error_hints.h"
#include "cli/flags.h"
#include "cli/global_options.h"
#include "cli/help.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "version.h"
#include "output/color.h"

namespace ectl::cli {
namespace {

// The command named by argv, found as cobra finds it, and the words left for the flag
// parser.
struct Resolved {
  Command* command = nullptr;      // deepest command named
  std::vector<std::string> words;  // flags, their values and the arguments, in order
  std::string unknown;             // an unknown command word at the root
  bool help_command = false;       // "ectl help [command...]"
};

Resolved Resolve(CommandTree& tree, const std::vector<std::string>& argv) {
  // Words that are neither flags nor flag values are command names until a command
  // without subcommands is reached; whether a flag takes the next word as its value is
  // decided by the flags known at that depth. Only the commands named are set up.
  Resolved r;
  Command* cur = &tree.root();
  bool in_path = true;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") {
      r.words.insert(r.words.end(), argv.begin() + static_cast<long>(i), argv.end());
      break;
    }
    if (a.size() > 1 && a[0] == '-') {
      r.words.push_back(a);
      if (TakesSeparateValue(a, tree.FlagSetsFor(cur)) && i + 1 < argv.size()) {
        r.words.push_back(argv[++i]);
      }
      continue;
    }
    if (!in_path || cur->children.empty()) {
      r.words.push_back(a);
      continue;
    }
    if (cur == &tree.root() && a == "help" && !r.help_command) {
      r.help_command = true;
      continue;
    }
    Command* sub = tree.Find(cur, a);
    if (sub == nullptr) {
      if (cur == &tree.root() && !r.help_command) r.unknown = a;
      in_path = false;  // a group's unknown subcommand: the group shows its usage
      continue;
    }
    cur = sub;
  }
  r.command = cur;
  tree.Materialize(cur);
  return r;
}

int Fail(Io& io, ExitCode code, const std::string& message) {
  // An Error without a message (Error::Reported) ends a command that has already
  // reported its failure itself, as etcdctl's bare os.Exit(code) does.
  if (!message.empty()) {
    io.err << output::Paint("Error:", output::sgr::kBoldRed, io.err_color) << " " << message << "\n";
  }
  return static_cast<int>(code);
}

int RunCommand(CommandTree& tree, Command& command, const GlobalOptions& global, Io& io,
               const Environment& env, std::vector<std::string> args,
               const std::vector<std::string>& argv, Connection* connection) {
  try {
    if (global.debug()) {
      for (const auto& line : global.DebugLines()) io.err << line << "\n";
      setenv("GRPC_VERBOSITY", "DEBUG", 1);
    }
    Context ctx(global, io, env, std::move(args), argv, tree.program(), connection);
    command.run(ctx);
  } catch (const Error& e) {
    return Fail(io, e.code(), e.what());
  } catch (const client::RpcError& e) {
    std::string hint = ErrorHint(e.what(), global.UserName());
    if (!hint.empty()) io.err << tree.program() << ": " << hint << "\n";
    return Fail(io, ExitCode::kError, e.what());
  } catch (const std::exception& e) {
    return Fail(io, ExitCode::kError, e.what());
  }
  return 0;
}

}  // namespace

std::string CommandPath(const std::vector<std::string>& argv) {
  if (argv.empty()) return "";
  CommandTree tree(ProgramName(argv[0]));
  GlobalOptions global;
  global.Bind(tree.Materialize(&tree.root()));
  RegisterCommands(tree);
  Resolved r = Resolve(tree, argv);
  if (!r.unknown.empty()) return "";
  if (r.help_command) return "help";
  return CommandTree::Path(r.command);
}

std::string ProgramName(const std::string& argv0) {
  std::string base = argv0.substr(argv0.rfind('/') + 1);
  return base == "etcdctl" ? "etcdctl" : "ectl";
}

int Run(const std::vector<std::string>& argv_in, const Environment& env, Io io,
        Connection* connection) {
  const std::vector<std::string> argv =
      argv_in.empty() ? std::vector<std::string>{"ectl"} : argv_in;
  const std::string program = ProgramName(argv[0]);
  if (const std::string* api = env.Find("ETCDCTL_API"); api && !api->empty() && *api != "3") {
    if (*api == "2") return Fail(io, ExitCode::kError, "the v2 API is not supported by " + program);
    io.err << "unsupported API version " << *api << "\n";
    return 1;
  }

  CommandTree tree(program);
  GlobalOptions global;
  global.Bind(tree.Materialize(&tree.root()));
  // Colour as --color's default (auto) until the flags and ETCDCTL_COLOR are known.
  auto set_colors = [&] {
    io.out_color = global.Color(io.out_is_terminal, env);
    io.err_color = global.Color(io.err_is_terminal, env);
  };
  set_colors();
  RegisterCommands(tree);

  // cobra's version flag (etcdctl has none): ectl's own version, also as etcdctl.
  bool version_requested = false;
  tree.root().flags->Bool(&version_requested, "version", "print the version of ectl").hidden = true;

  Resolved r = Resolve(tree, argv);
  if (!r.unknown.empty()) {
    // cobra's report, once (etcdctl prints the first paragraph a second time).
    io.err << output::Paint("Error:", output::sgr::kBoldRed, io.err_color) << " unknown command \""
           << r.unknown << "\" for \"" << program << "\"\n";
    if (auto names = tree.Suggestions(&tree.root(), r.unknown); !names.empty()) {
      io.err << "\nDid you mean this?\n";
      for (const auto& name : names) io.err << "\t" << name << "\n";
      io.err << "\n";
    }
    io.err << "Run '" << program << " --help' for usage.\n";
    return static_cast<int>(ExitCode::kError);
  }
  if (r.help_command) {
    io.out << RenderHelp(tree, r.command);
    return 0;
  }

  Command* selected = r.command;
  std::vector<std::string> args;
  try {
    args = ParseFlags(r.words, tree.FlagSetsFor(selected));
  } catch (const FlagError& e) {
    io.out << RenderHelp(tree, selected);
    return Fail(io, ExitCode::kError, e.what());
  }
  set_colors();
  if (version_requested) {
    io.out << "ectl version " << kVersion << "\n";
    return 0;
  }
  if (selected->help_requested || tree.root().help_requested || !selected->run) {
    // A group named without (or with an unknown) subcommand shows its usage.
    io.out << RenderHelp(tree, selected);
    return 0;
  }

  if (!selected->offline) {
    std::vector<std::string> warnings;
    try {
      global.ApplyEnv(env, warnings);
    } catch (const Error& e) {
      for (const auto& w : warnings) io.err << "Warning: " << w << "\n";
      return Fail(io, e.code(), e.what());
    }
    for (const auto& w : warnings) io.err << "Warning: " << w << "\n";
    set_colors();  // ETCDCTL_COLOR
  }
  return RunCommand(tree, *selected, global, io, env, std::move(args), argv, connection);
}

}  // namespace ectl::cli
