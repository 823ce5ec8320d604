#include "cli/run.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/error_hints.h"
#include "cli/global_options.h"
#include "cli/help.h"
#include "cli/parse_util.h"
#include "client/rpc_error.h"
#include "common/error.h"

namespace ectl::cli {
namespace {

// What argv normalisation found before CLI11 parses.
struct Resolved {
  std::vector<std::string> args;         // flags and command words, for CLI11
  std::vector<std::string> positionals;  // the command's arguments
  Command* command = nullptr;            // deepest command named
  std::string unknown;                   // an unknown command word at the root
  std::string missing_value;             // a flag given last without its value, as typed
  bool help_command = false;             // "ectl help [command...]"
};

bool TakesValue(const CLI::App* app, const std::string& arg) {
  if (arg.rfind("--", 0) == 0) {
    if (arg.find('=') != std::string::npos) return false;
  } else if (arg.size() > 2) {
    return false;  // "-wjson": value attached
  }
  for (const CLI::App* a = app; a != nullptr; a = a->get_parent()) {
    const CLI::Option* opt = a->get_option_no_throw(arg);
    if (opt) return opt->get_type_name() != "bool" && opt->get_expected_max() != 0;
  }
  return false;
}

Resolved Normalize(CommandTree& tree, const std::vector<std::string>& argv) {
  Resolved r;
  // Words that are neither flags nor flag values are command names until a command
  // without subcommands is reached, and its positional arguments after that. They are
  // taken out here, as cobra does, so CLI11 sees flags only; everything after "--" is
  // positional. Only the commands named get their CLI11 apps built.
  Command* cur = &tree.root();
  bool in_path = true;
  for (size_t i = 1; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (a == "--") {
      r.positionals.insert(r.positionals.end(), argv.begin() + static_cast<long>(i) + 1, argv.end());
      break;
    }
    if (a.size() > 1 && a[0] == '-') {
      if (a.rfind("--", 0) == 0 && a.back() == '=') a += kEmptyValue;
      r.args.push_back(a);
      if (TakesValue(tree.Materialize(cur), a)) {
        if (i + 1 < argv.size()) {
          r.args.push_back(argv[++i]);
        } else if (r.missing_value.empty()) {
          r.missing_value = a;
        }
      }
      continue;
    }
    if (!in_path || cur->children.empty()) {
      r.positionals.push_back(a);
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
    tree.Materialize(sub);
    r.args.push_back(sub->name);
    cur = sub;
  }
  r.command = cur;
  return r;
}

std::string FirstWordAfterColon(const std::string& what) {
  auto colon = what.rfind(": ");
  std::string rest = colon == std::string::npos ? what : what.substr(colon + 2);
  return rest.substr(0, rest.find(' '));
}

// pflag's wording for an unknown flag.
std::string UnknownFlag(const std::string& arg) {
  std::string flag = arg.substr(0, arg.find('='));
  if (flag.rfind("--", 0) == 0) return "unknown flag: " + flag;
  return "unknown shorthand flag: '" + flag.substr(1, 1) + "' in " + arg;
}

int Fail(Io& io, ExitCode code, const std::string& message) {
  // An Error without a message (Error::Reported) ends a command that has already
  // reported its failure itself, as etcdctl's bare os.Exit(code) does.
  if (!message.empty()) io.err << "Error: " << message << "\n";
  return static_cast<int>(code);
}

}  // namespace

std::string ProgramName(const std::string& argv0) {
  std::string base = argv0.substr(argv0.rfind('/') + 1);
  return base == "etcdctl" ? "etcdctl" : "ectl";
}

int Run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
        Io io) {
  const std::string program = ProgramName(argv.empty() ? "ectl" : argv[0]);
  if (auto api = env.find("ETCDCTL_API"); api != env.end() && !api->second.empty() &&
                                           api->second != "3") {
    if (api->second == "2") {
      return Fail(io, ExitCode::kError, "the v2 API is not supported by " + program);
    }
    io.err << "unsupported API version " << api->second << "\n";
    return 1;
  }

  CommandTree tree(program);
  GlobalOptions global;
  global.Bind(tree.root_app());
  RegisterCommands(tree);

  Resolved r = Normalize(tree, argv.empty() ? std::vector<std::string>{"ectl"} : argv);
  if (!r.unknown.empty()) {
    std::string msg = "unknown command \"" + r.unknown + "\" for \"" + program + "\"";
    io.err << "Error: " << msg << "\nRun '" << program << " --help' for usage.\n";
    return Fail(io, ExitCode::kError, msg);
  }
  if (r.help_command) {
    io.out << RenderHelp(tree, r.command);
    return 0;
  }

  if (!r.missing_value.empty()) {
    // pflag's wording, which names a shorthand flag as typed.
    const std::string& f = r.missing_value;
    io.out << RenderHelp(tree, r.command);
    return Fail(io, ExitCode::kError,
                "flag needs an argument: " +
                    (f.rfind("--", 0) == 0 ? f : "'" + f.substr(1, 1) + "' in " + f));
  }

  std::vector<std::string> reversed(r.args.rbegin(), r.args.rend());
  try {
    tree.root_app().parse(reversed);
  } catch (const CLI::CallForHelp&) {
    io.out << RenderHelp(tree, r.command);
    return 0;
  } catch (const CLI::ExtrasError& e) {
    io.out << RenderHelp(tree, r.command);
    return Fail(io, ExitCode::kError, UnknownFlag(FirstWordAfterColon(e.what())));
  } catch (const CLI::ParseError& e) {
    return Fail(io, ExitCode::kError, e.what());
  }

  Command* selected = r.command;
  if (!selected->run) {
    // A group named without (or with an unknown) subcommand shows its usage.
    io.out << RenderHelp(tree, selected);
    return 0;
  }

  try {
    global.ApplyFlags();
    if (!selected->offline) {
      std::vector<std::string> warnings;
      global.ApplyEnv(env, warnings);
      for (const auto& w : warnings) io.err << "Warning: " << w << "\n";
    }
    if (global.debug()) {
      for (const auto& line : global.DebugLines()) io.err << line << "\n";
      setenv("GRPC_VERBOSITY", "DEBUG", 1);
    }
    Context ctx(global, io, std::move(r.positionals), program);
    ctx.SetInvocation(argv, env);
    selected->run(ctx);
  } catch (const Error& e) {
    return Fail(io, e.code(), e.what());
  } catch (const client::RpcError& e) {
    std::string hint = ErrorHint(e.what(), global.UserName());
    if (!hint.empty()) io.err << program << ": " << hint << "\n";
    return Fail(io, ExitCode::kError, e.what());
  } catch (const std::exception& e) {
    return Fail(io, ExitCode::kError, e.what());
  }
  return 0;
}

}  // namespace ectl::cli
