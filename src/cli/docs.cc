#include "cli/docs.h"

#include <algorithm>
#include <ostream>
#include <vector>

#include "cli/command.h"
#include "cli/help.h"
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
      COMPREPLY=($(compgen -W "simple json jsonl fields protobuf table" -- "$cur")); return ;;
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
      "complete -c ectl -s w -l write-out -x -a 'simple json jsonl fields protobuf table'\n";
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

std::string Roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// A command's long help as roff: unindented lines are filled into paragraphs, indented
// lines (examples, tables, continued lists) are kept as they are written.
std::string ManText(const std::string& text) {
  std::string out;
  bool verbatim = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    bool indented = !line.empty() && line[0] == ' ';
    if (indented != verbatim) out += indented ? ".nf\n" : ".fi\n";
    verbatim = indented;
    out += Roff(line) + "\n";
    start = nl + 1;
  }
  if (verbatim) out += ".fi\n";
  return out;
}

void ManFlags(std::string& out, const std::vector<FlagDoc>& flags) {
  for (const auto& f : flags) {
    out += ".TP\n\\fB";
    if (!f.shorthand.empty()) out += "\\-" + f.shorthand + "\\fR, \\fB";
    out += "\\-\\-" + Roff(f.name) + "\\fR";
    if (f.takes_value) out += "=\\fI" + Roff(f.default_value.empty() ? "\"\"" : f.default_value) + "\\fR";
    out += "\n" + Roff(f.help) + "\n";
  }
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

std::string RenderManPage(CommandTree& tree) {
  auto docs = Collect(tree);
  std::string out = ".\\\" Generated from the command tree by `ectl __man`; do not edit.\n";
  out += std::string(".TH ECTL 1 \"\" \"ectl ") + kVersion + "\" \"User Commands\"\n";
  out += ".SH NAME\nectl \\- command\\-line client for etcd's v3 API, compatible with etcdctl\n";
  out += ".SH SYNOPSIS\n\\fBectl\\fR [\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] "
         "[\\fIarguments\\fR]\n";
  out += ".SH DESCRIPTION\n"
         "ectl talks to an etcd cluster over its v3 gRPC API. Its commands, flags, "
         "ETCDCTL_* environment variables, output formats, error texts and exit codes are "
         "those of etcdctl 3.4, so scripts written for etcdctl run unchanged. Installed or "
         "invoked under the name \\fBetcdctl\\fR, it names itself so in its messages.\n"
         ".PP\nCommand names may be abbreviated to any unambiguous prefix.\n";
  out += ".SH GLOBAL OPTIONS\n";
  ManFlags(out, docs.front().flags);
  out += ".SH COMMANDS\n";
  for (size_t i = 1; i < docs.size(); ++i) {
    const auto& d = docs[i];
    out += ".SS \"" + Roff(UseLine(tree, d.command)) + "\"\n";
    out += ManText(d.command->long_desc.empty() ? d.command->short_desc : d.command->long_desc);
    std::vector<FlagDoc> flags;
    for (const auto& f : d.flags) {
      if (f.name != "help") flags.push_back(f);
    }
    if (!flags.empty()) {
      out += ".PP\nOptions:\n.RS\n";
      ManFlags(out, flags);
      out += ".RE\n";
    }
  }
  out += ".SH ENVIRONMENT\n"
         "Every global option can be given as an environment variable: ETCDCTL_ followed by the "
         "option name in upper case with dashes as underscores (\\fBETCDCTL_ENDPOINTS\\fR, "
         "\\fBETCDCTL_WRITE_OUT\\fR, ...). A variable that shadows an option given on the "
         "command line is an error.\n";
  out += ".SH EXIT STATUS\n"
         ".TP\n0\nsuccess\n.TP\n1\nerror reported by the server or the client\n"
         ".TP\n2\nbad connection (no endpoints, authentication failed)\n"
         ".TP\n3\ninvalid input\n.TP\n4\nunsupported feature or output format\n"
         ".TP\n5\ninterrupted (watch canceled by the server, snapshot failed)\n"
         ".TP\n128\ninvalid arguments\n";
  return out;
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
           "Prints a completion script for the given shell. For example:\n\n"
           "$ source <(ectl completion bash)");
  completion->offline = true;
  Command* man = tree.Add(nullptr, "__man", "Print the man page", [&tree](FlagSet&) -> RunFn {
    return [&tree](Context& ctx) { ctx.io().out << RenderManPage(tree); };
  });
  man->hidden = true;
  man->offline = true;
}

}  // namespace ectl::cli
