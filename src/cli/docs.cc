#include "cli/docs.h"

#include <algorithm>
#include <ostream>
#include <vector>

#include "cli/command.h"
#include "cli/man.h"
#include "common/error.h"
#include "version.h"

namespace ectl::cli {
namespace {

struct FlagDoc {
  std::string name;  // long name, without dashes
  std::string shorthand;
  bool takes_value = false;
  std::string default_value;
  std::string help;
};

struct CommandDoc {
  const Command* command;
  std::string key;  // "ROOT" or the path, for the completion tables
  std::vector<FlagDoc> flags;
  std::vector<const Command*> children;
};

std::vector<FlagDoc> FlagsOf(const FlagSet& set) {
  std::vector<FlagDoc> flags;
  for (const auto& flag : set.flags()) {
    if (flag->hidden) continue;
    FlagDoc f;
    f.name = flag->name;
    if (flag->shorthand != 0) f.shorthand = std::string(1, flag->shorthand);
    f.takes_value = !flag->is_bool();
    f.default_value = flag->default_text;
    f.help = flag->help;
    flags.push_back(std::move(f));
  }
  std::sort(flags.begin(), flags.end(), [](const FlagDoc& a, const FlagDoc& b) { return a.name < b.name; });
  return flags;
}

// Every visible command, parents before children, in registration order.
std::vector<CommandDoc> Collect(CommandTree& tree) {
  tree.MaterializeAll();
  std::vector<CommandDoc> docs;
  std::vector<const Command*> stack{&tree.root()};
  while (!stack.empty()) {
    const Command* c = stack.back();
    stack.pop_back();
    CommandDoc d{c, c->parent ? CommandTree::Path(c) : "ROOT", FlagsOf(*c->flags), {}};
    for (const auto& child : c->children) {
      if (!child->hidden) d.children.push_back(child.get());
    }
    for (auto it = d.children.rbegin(); it != d.children.rend(); ++it) stack.push_back(*it);
    docs.push_back(std::move(d));
  }
  return docs;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string FlagWords(const CommandDoc& d, bool values_only) {
  std::vector<std::string> words;
  for (const auto& f : d.flags) {
    if (values_only && !f.takes_value) continue;
    words.push_back("--" + f.name);
    if (!f.shorthand.empty()) words.push_back("-" + f.shorthand);
  }
  return Join(words);
}

std::string BashScript(const std::vector<CommandDoc>& docs) {
  std::string out =
      "# bash completion for ectl, also when installed as etcdctl.\n"
      "# Generated from the command tree by `ectl completion bash`; do not edit.\n\n"
      "declare -gA _ectl_subcommands=(\n";
  for (const auto& d : docs) {
    std::vector<std::string> names;
    for (const Command* c : d.children) names.push_back(c->name);
    if (!names.empty()) out += "  [\"" + d.key + "\"]=\"" + Join(names) + "\"\n";
  }
  out += ")\ndeclare -gA _ectl_flags=(\n";
  for (const auto& d : docs) out += "  [\"" + d.key + "\"]=\"" + FlagWords(d, false) + "\"\n";
  out += ")\ndeclare -gA _ectl_value_flags=(\n";
  for (const auto& d : docs) {
    std::string words = FlagWords(d, true);
    if (!words.empty()) out += "  [\"" + d.key + "\"]=\"" + words + "\"\n";
  }
  out += R"()

_ectl() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local path=ROOT i w skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    case $w in
      --) return ;;
      -*=*) continue ;;
      -*)
        [[ " ${_ectl_value_flags[ROOT]} ${_ectl_value_flags[$path]} " == *" $w "* ]] && skip=1
        continue ;;
    esac
    if [[ " ${_ectl_subcommands[$path]} " == *" $w "* ]]; then
      [[ $path == ROOT ]] && path=$w || path="$path $w"
    fi
  done
  case $prev in
    -w|--write-out)
      COMPREPLY=($(compgen -W "simple json fields protobuf table" -- "$cur")); return ;;
  esac
  if [[ $cur == -* ]]; then
    local flags=${_ectl_flags[ROOT]}
    [[ $path != ROOT ]] && flags="$flags ${_ectl_flags[$path]}"
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "${_ectl_subcommands[$path]}" -- "$cur"))
  fi
}
complete -F _ectl ectl etcdctl
)";
  return out;
}

std::string FishQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string FishScript(const std::vector<CommandDoc>& docs) {
  std::string out =
      "# fish completion for ectl, also when installed as etcdctl.\n"
      "# Generated from the command tree by `ectl completion fish`; do not edit.\n\n"
      "complete -c etcdctl --wraps ectl\n"
      "complete -c ectl -f\n"
      "complete -c ectl -s w -l write-out -x -a 'simple json fields protobuf table'\n";
  for (const auto& d : docs) {
    std::string cond;
    if (d.command->parent == nullptr) {
      cond = "__fish_use_subcommand";
    } else {
      std::vector<std::string> kids;
      for (const Command* c : d.children) kids.push_back(c->name);
      cond = "__fish_seen_subcommand_from " + d.command->name;
      if (!kids.empty()) cond += "; and not __fish_seen_subcommand_from " + Join(kids);
    }
    for (const Command* c : d.children) {
      out += "complete -c ectl -n " + FishQuote(cond) + " -a " + c->name + " -d " +
             FishQuote(c->short_desc) + "\n";
    }
    for (const auto& f : d.flags) {
      if (f.name == "write-out") continue;
      out += "complete -c ectl";
      if (d.command->parent != nullptr) {
        out += " -n " + FishQuote("__fish_seen_subcommand_from " + d.command->name);
      }
      if (!f.shorthand.empty()) out += " -s " + f.shorthand;
      out += " -l " + f.name + (f.takes_value ? " -r" : "") + " -d " + FishQuote(f.help) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string RenderCompletion(CommandTree& tree, std::string_view shell) {
  auto docs = Collect(tree);
  if (shell == "bash") return BashScript(docs);
  if (shell == "zsh") {
    return "#compdef ectl etcdctl\n"
           "# zsh completion for ectl: the bash completion through bashcompinit.\n"
           "# Generated from the command tree by `ectl completion zsh`; do not edit.\n\n"
           "autoload -U +X bashcompinit && bashcompinit\n\n" +
           BashScript(docs);
  }
  if (shell == "fish") return FishScript(docs);
  throw Error(ExitCode::kBadArgs, "unsupported shell \"" + std::string(shell) +
                                      "\" (supported: bash, zsh, fish)");
}

void RegisterDocCommands(CommandTree& tree) {
  Command* completion = tree.Add(nullptr, "completion [bash|zsh|fish]", "Generate completion script",
           [&tree](FlagSet&) -> RunFn {
             return [&tree](Context& ctx) {
               if (ctx.args().size() != 1) {
                 throw Error(ExitCode::kBadArgs, "completion needs one argument: bash, zsh or fish");
               }
               ctx.io().out << RenderCompletion(tree, ctx.args()[0]);
             };
           },
           "Prints a completion script for the given shell. Installed packages place the scripts\n"
           "where each shell finds them; to use one without installing:\n"
           "\n"
           "Examples:\n"
           "  source <(ectl completion bash)           # in ~/.bashrc\n"
           "  ectl completion zsh > ~/.zfunc/_ectl     # with fpath+=(~/.zfunc) in ~/.zshrc\n"
           "  ectl completion fish > ~/.config/fish/completions/ectl.fish");
  completion->offline = true;
  Command* man = tree.Add(nullptr, "__man <dir>", "Write the man pages into a directory",
                          [&tree](FlagSet&) -> RunFn {
                            return [&tree](Context& ctx) {
                              if (ctx.args().size() != 1) {
                                throw Error(ExitCode::kBadArgs, "__man needs one argument: the directory");
                              }
                              WriteManPages(tree, ctx.args()[0]);
                            };
                          });
  man->hidden = true;
  man->offline = true;
}

}  // namespace ectl::cli
