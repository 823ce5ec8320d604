#include "cli/completion.h"

#include <algorithm>
#include <ostream>
#include <vector>

#include "cli/command.h"
#include "cli/complete_keys.h"
#include "cli/connection.h"
#include "cli/env_knob.h"
#include "common/error.h"

namespace ectl::cli {
namespace {

// What a command's positional arguments complete to, by position: "@key" (key names
// from the server), "@name" (lock and election names), "@file", "@dir", a list of
// words, or "" (nothing).
struct ArgSpec {
  std::string_view path;
  std::vector<std::string_view> positions;
};

const std::vector<ArgSpec>& ArgSpecs() {
  static const std::vector<ArgSpec> kSpecs = {
      {"get", {"@key", "@key"}},
      {"put", {"@key"}},
      {"del", {"@key", "@key"}},
      {"watch", {"@key", "@key"}},
      {"lock", {"@name"}},
      {"elect", {"@name"}},
      {"snapshot save", {"@file"}},
      {"snapshot status", {"@file"}},
      {"snapshot restore", {"@file"}},
      {"role grant-permission", {"", "read write readwrite", "@key", "@key"}},
      {"role revoke-permission", {"", "@key", "@key"}},
      {"completion", {"bash zsh fish"}},
  };
  return kSpecs;
}

struct FlagDoc {
  std::string name;  // long name, without dashes
  std::string shorthand;
  bool takes_value = false;
  std::string help;
  std::string values;  // "" (anything), "@file", "@dir" or the choices, space-separated
};

struct CommandDoc {
  const Command* command;
  std::string path;  // "" for the root
  std::vector<FlagDoc> flags;
  std::vector<const Command*> children;
  std::vector<std::string> args;  // ArgSpec positions
};

std::string Join(const std::vector<std::string>& words, const std::string& sep = " ") {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? sep : "") + words[i];
  return out;
}

// The root's flags are offered everywhere, so a command's own -h/--help is left out.
std::vector<FlagDoc> FlagsOf(const FlagSet& set, bool root) {
  std::vector<FlagDoc> flags;
  for (const auto& flag : set.flags()) {
    if (flag->hidden || (!root && flag->name == "help")) continue;
    FlagDoc f;
    f.name = flag->name;
    if (flag->shorthand != 0) f.shorthand = std::string(1, flag->shorthand);
    f.takes_value = !flag->is_bool();
    f.help = flag->help;
    if (flag->value_kind == ValueKind::kFile) f.values = "@file";
    if (flag->value_kind == ValueKind::kDirectory) f.values = "@dir";
    if (!flag->choices.empty()) f.values = Join(flag->choices);
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
    CommandDoc d{c, CommandTree::Path(c), FlagsOf(*c->flags, c->parent == nullptr), {}, {}};
    for (const auto& child : c->children) {
      if (!child->hidden) d.children.push_back(child.get());
    }
    for (const auto& spec : ArgSpecs()) {
      if (spec.path == d.path) d.args.assign(spec.positions.begin(), spec.positions.end());
    }
    for (auto it = d.children.rbegin(); it != d.children.rend(); ++it) stack.push_back(*it);
    docs.push_back(std::move(d));
  }
  return docs;
}

// --- bash -------------------------------------------------------------------------

std::string BashKey(const CommandDoc& d) { return d.path.empty() ? "ROOT" : d.path; }

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
      "# bash completion for ectl, also when installed as etcdctl: commands, flags, flag\n"
      "# values, file names and key names from the server (`ectl __complete-keys`).\n"
      "# Generated from the command tree by `ectl completion bash`; do not edit.\n\n"
      "declare -gA _ectl_subcommands=(\n";
  for (const auto& d : docs) {
    std::vector<std::string> names;
    for (const Command* c : d.children) names.push_back(c->name);
    if (!names.empty()) out += "  [\"" + BashKey(d) + "\"]=\"" + Join(names) + "\"\n";
  }
  out += ")\ndeclare -gA _ectl_flags=(\n";
  for (const auto& d : docs) out += "  [\"" + BashKey(d) + "\"]=\"" + FlagWords(d, false) + "\"\n";
  out += ")\ndeclare -gA _ectl_value_flags=(\n";
  for (const auto& d : docs) {
    std::string words = FlagWords(d, true);
    if (!words.empty()) out += "  [\"" + BashKey(d) + "\"]=\"" + words + "\"\n";
  }
  out += ")\ndeclare -gA _ectl_values=(\n";
  for (const auto& d : docs) {
    for (const auto& f : d.flags) {
      if (f.values.empty()) continue;
      out += "  [\"" + BashKey(d) + " --" + f.name + "\"]=\"" + f.values + "\"\n";
      if (!f.shorthand.empty()) {
        out += "  [\"" + BashKey(d) + " -" + f.shorthand + "\"]=\"" + f.values + "\"\n";
      }
    }
  }
  out += ")\ndeclare -gA _ectl_args=(\n";
  for (const auto& d : docs) {
    if (!d.args.empty()) out += "  [\"" + BashKey(d) + "\"]=\"" + Join(d.args, "|") + "\"\n";
  }
  out += ")\n";
  out += R"~(
# The words of the line up to the cursor as the shell will pass them to ectl: bash
# splits `--flag=value` and `a:b` at COMP_WORDBREAKS, so adjacent pieces are joined again.
_ectl_split() {
  local line=${COMP_LINE:0:COMP_POINT} i w off=0 ws
  words=()
  for ((i = 0; i <= COMP_CWORD && i < ${#COMP_WORDS[@]}; i++)); do
    w=${COMP_WORDS[i]}
    ws=0
    while [[ ${line:off:1} == [[:space:]] ]]; do ((off++)); ws=1; done
    if ((i > 0 && !ws)) && [[ ${line:off:${#w}} == "$w" ]]; then
      words[-1]+=$w
    else
      words+=("$w")
    fi
    ((off += ${#w}))
  done
  ((COMP_CWORD >= ${#COMP_WORDS[@]})) && words+=("")
  cw=$((${#words[@]} - 1))
}

# A word as the shell would pass it: quotes and backslashes removed.
_ectl_dequote() {
  local s=$1 out='' c q='' k
  for ((k = 0; k < ${#s}; k++)); do
    c=${s:k:1}
    if [[ -n $q ]]; then
      if [[ $c == "$q" ]]; then q=''
      elif [[ $q == '"' && $c == '\' ]]; then ((k++)); out+=${s:k:1}
      else out+=$c; fi
    elif [[ $c == "'" || $c == '"' ]]; then q=$c
    elif [[ $c == '\' ]]; then ((k++)); out+=${s:k:1}
    else out+=$c; fi
  done
  [[ $out == '~/'* ]] && out=$HOME/${out:2}
  printf '%s' "$out"
}

_ectl_takes_value() {
  [[ " ${_ectl_value_flags[ROOT]} ${_ectl_value_flags[$1]} " == *" $2 "* ]]
}

# Replies for the current word typed: full candidates, of which bash replaces only the
# part after the last COMP_WORDBREAKS character.
_ectl_reply() {
  local typed=$1 c piece=${COMP_WORDS[COMP_CWORD]} kept
  shift
  if [[ ${#piece} == 1 && $COMP_WORDBREAKS == *"$piece"* ]]; then
    kept=${#typed}
  else
    kept=$((${#typed} - ${#piece}))
  fi
  ((kept < 0)) && kept=0
  COMPREPLY=()
  for c in "$@"; do
    [[ $c == "$typed"* ]] && COMPREPLY+=("${c:kept}")
  done
}

# Key names from the server, with the connection flags of the line.
_ectl_keys() {
  local mode=$1 typed=$2 prog=${words[0]} k q='' prefix
  [[ $prog == '~/'* ]] && prog=$HOME/${prog:2}
  [[ $typed == [\"\']* ]] && q=${typed:0:1}
  prefix=$(_ectl_dequote "$typed")
  local -a keys=() args=(__complete-keys)
  [[ $mode == @name ]] && args+=(--names)
  mapfile -t keys < <("$prog" "${conn[@]}" "${args[@]}" -- "$prefix" 2>/dev/null)
  ((${#keys[@]})) || return
  if [[ -n $q ]]; then
    # Inside an open quote the keys go in as they are.
    COMPREPLY=()
    for k in "${keys[@]}"; do COMPREPLY+=("$k"); done
    compopt -o nospace 2>/dev/null
    return
  fi
  local -a quoted=()
  for k in "${keys[@]}"; do printf -v k '%q' "$k"; quoted+=("$k"); done
  _ectl_reply "$typed" "${quoted[@]}"
}

# Completes the value of flag (path's or global) in typed, which starts with before.
_ectl_value() {
  local path=$1 flag=$2 before=$3 typed=$4 spec
  spec=${_ectl_values["$path $flag"]}
  [[ -z $spec ]] && spec=${_ectl_values["ROOT $flag"]}
  local value=${typed:${#before}}
  case $spec in
    '') return ;;
    @file|@dir)
      local how=-f
      [[ $spec == @dir ]] && how=-d
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen $how -- "$(_ectl_dequote "$value")")
      if [[ -n $before && $COMP_WORDBREAKS != *=* ]]; then
        COMPREPLY=("${COMPREPLY[@]/#/$before}")
      fi ;;
    *)
      local -a full=() v
      for v in $spec; do full+=("$before$v"); done
      _ectl_reply "$typed" "${full[@]}" ;;
  esac
}

_ectl() {
  local -a words=() conn=()
  local cw
  _ectl_split
  local cur=${words[cw]} path=ROOT i w skip='' nargs=0 dashdash=0 name kid match n
  for ((i = 1; i < cw; i++)); do
    w=${words[i]}
    if [[ -n $skip ]]; then
      [[ $skip == conn ]] && conn+=("$(_ectl_dequote "$w")")
      skip=''
      continue
    fi
    if ((!dashdash)); then
      case $w in
        --) dashdash=1; continue ;;
        -?*)
          name=${w%%=*}
          if [[ " ${_ectl_flags[ROOT]} " == *" $name "* ]]; then
            conn+=("$(_ectl_dequote "$w")")
            [[ $w != *=* ]] && _ectl_takes_value ROOT "$name" && skip=conn
          elif [[ $w != *=* ]] && _ectl_takes_value "$path" "$name"; then
            skip=x
          fi
          continue ;;
      esac
    fi
    # Command words, also abbreviated to an unambiguous prefix; then arguments.
    match='' n=0
    if ((nargs == 0 && !dashdash)); then
      for kid in ${_ectl_subcommands[$path]}; do
        if [[ $kid == "$w" ]]; then match=$kid n=1; break; fi
        [[ $kid == "$w"* ]] && match=$kid && ((n++))
      done
    fi
    if ((n == 1)); then
      [[ $path == ROOT ]] && path=$match || path="$path $match"
    else
      ((nargs++))
    fi
  done

  COMPREPLY=()
  if [[ -n $skip ]]; then
    _ectl_value "$path" "${words[cw-1]}" '' "$cur"
    return
  fi
  if ((!dashdash)) && [[ $cur == -* ]]; then
    if [[ $cur == -?*=* ]]; then
      _ectl_value "$path" "${cur%%=*}" "${cur%%=*}=" "$cur"
      return
    fi
    local -a flags=(${_ectl_flags[ROOT]})
    [[ $path != ROOT ]] && flags+=(${_ectl_flags[$path]})
    _ectl_reply "$cur" "${flags[@]}"
    return
  fi
  if ((nargs == 0)) && [[ -n ${_ectl_subcommands[$path]} ]]; then
    _ectl_reply "$cur" ${_ectl_subcommands[$path]}
    return
  fi
  local spec=${_ectl_args[$path]}
  local -a positions=()
  IFS='|' read -r -a positions <<<"$spec"
  spec=${positions[nargs]}
  case $spec in
    '') ;;
    @key|@name) _ectl_keys "$spec" "$cur" ;;
    @file|@dir)
      compopt -o filenames 2>/dev/null
      local how=-f
      [[ $spec == @dir ]] && how=-d
      mapfile -t COMPREPLY < <(compgen $how -- "$(_ectl_dequote "$cur")") ;;
    *) _ectl_reply "$cur" $spec ;;
  esac
}
complete -F _ectl ectl etcdctl
)~";
  return out;
}

// --- zsh --------------------------------------------------------------------------

// A word in zsh's single quotes.
std::string ZshQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Text inside an _arguments [description] or a _describe entry.
std::string ZshDescription(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ']' || c == '[') out += '\\';
    out += c;
  }
  return out;
}

std::string ZshAction(const std::string& values) {
  if (values == "@file") return "_files";
  if (values == "@dir") return "_files -/";
  if (values == "@key") return "_ectl_keys key";
  if (values == "@name") return "_ectl_keys name";
  if (values.empty()) return " ";
  return "(" + values + ")";
}

std::vector<std::string> ZshFlagSpecs(const CommandDoc& d) {
  std::vector<std::string> specs;
  for (const auto& f : d.flags) {
    std::string excl = f.shorthand.empty() ? "" : "(-" + f.shorthand + " --" + f.name + ")";
    std::string tail = "[" + ZshDescription(f.help) + "]";
    if (f.takes_value) tail += ":" + f.name + ":" + ZshAction(f.values);
    if (!f.shorthand.empty()) {
      specs.push_back(ZshQuote(excl + "-" + f.shorthand + (f.takes_value ? "+" : "") + tail));
    }
    specs.push_back(ZshQuote(excl + "--" + f.name + (f.takes_value ? "=" : "") + tail));
  }
  return specs;
}

std::string ZshKey(const CommandDoc& d) {
  std::string key = "root";
  for (char c : d.path) {
    if (c == ' ') key += "__";
    else key += c == '-' ? '_' : c;
  }
  return d.path.empty() ? key : "root__" + key.substr(4);
}

std::string ZshScript(const std::vector<CommandDoc>& docs) {
  std::string out =
      "#compdef ectl etcdctl\n"
      "# zsh completion for ectl, also when installed as etcdctl: commands, flags, flag\n"
      "# values, file names and key names from the server (`ectl __complete-keys`).\n"
      "# Generated from the command tree by `ectl completion zsh`; do not edit.\n\n";
  std::vector<std::string> global, names, value_names;
  for (const auto& f : docs.front().flags) {
    for (const std::string& n : {"--" + f.name, f.shorthand.empty() ? "" : "-" + f.shorthand}) {
      if (n.empty()) continue;
      names.push_back(n);
      if (f.takes_value) value_names.push_back(n);
    }
  }
  out += "typeset -ga _ectl_global_flags=(" + Join(names) + ")\n";
  out += "typeset -ga _ectl_global_value_flags=(" + Join(value_names) + ")\n";
  out += "typeset -ga _ectl_global_specs=(\n";
  for (const auto& s : ZshFlagSpecs(docs.front())) out += "  " + s + "\n";
  out += ")\n";
  for (const auto& d : docs) {
    std::string key = ZshKey(d);
    std::vector<std::string> specs = d.path.empty() ? std::vector<std::string>{} : ZshFlagSpecs(d);
    for (size_t i = 0; i < d.args.size(); ++i) {
      std::string what = d.args[i] == "@key" && i == 1 ? "range end" : d.args[i] == "@name" ? "name"
                         : d.args[i] == "@key" ? "key" : d.args[i] == "@file" ? "file" : "argument";
      specs.push_back(ZshQuote(std::to_string(i + 1) + ":" + what + ":" + ZshAction(d.args[i])));
    }
    out += "typeset -ga _ectl_specs_" + key + "=(";
    for (const auto& s : specs) out += "\n  " + s;
    out += specs.empty() ? ")\n" : "\n)\n";
    if (!d.children.empty()) {
      out += "typeset -ga _ectl_kids_" + key + "=(";
      for (const Command* c : d.children) {
        out += "\n  " + ZshQuote(c->name + ":" + c->short_desc);
      }
      out += "\n)\n";
    }
  }
  out += R"~(
# Key names from the server, with the connection flags of the line.
_ectl_keys() {
  local -a conn keys args
  local i w name prog=${(Q)_ectl_line[1]}
  for ((i = 2; i < _ectl_current; i++)); do
    w=${_ectl_line[i]}
    name=${w%%=*}
    (( ${_ectl_global_flags[(Ie)$name]} )) || continue
    conn+=("${(Q)w}")
    if [[ $w != *=* ]] && (( ${_ectl_global_value_flags[(Ie)$name]} )) && (( i + 1 < _ectl_current )); then
      (( i++ ))
      conn+=("${(Q)_ectl_line[i]}")
    fi
  done
  args=(__complete-keys)
  [[ $1 == name ]] && args+=(--names)
  keys=("${(@f)$($prog $conn $args -- ${(Q)PREFIX} 2>/dev/null)}")
  keys=(${keys:#})
  (( $#keys )) || return 1
  local expl
  _wanted keys expl ${1:-key} compadd -a keys
}

# One command of the tree: its flags and arguments, or its subcommands.
_ectl_command() {
  local key=$1 curcontext=$curcontext state state_descr line ret=1
  local -a specs kids
  specs=("${(@P)${:-_ectl_specs_$key}}")
  if (( ${(P)+${:-_ectl_kids_$key}} )); then
    kids=("${(@P)${:-_ectl_kids_$key}}")
    _arguments -C -s -S : $_ectl_global_specs $specs '1: :->command' '*:: :->args' && ret=0
    case $state in
      command) _describe -t commands command kids && ret=0 ;;
      args)
        local sub=${words[1]} kid match n=0
        for kid in ${kids%%:*}; do
          if [[ $kid == $sub ]]; then match=$kid n=1; break; fi
          [[ $kid == $sub* ]] && match=$kid && (( n++ ))
        done
        (( n == 1 )) || return 1
        curcontext=${curcontext%:*:*}:ectl-$match:
        _ectl_command ${key}__${match//-/_} && ret=0 ;;
    esac
    return ret
  fi
  _arguments -s -S : $_ectl_global_specs $specs
}

_ectl() {
  local -a _ectl_line=("${words[@]}")
  local _ectl_current=$CURRENT
  _ectl_command root
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _ectl "$@"
else
  compdef _ectl ectl etcdctl
fi
)~";
  return out;
}

// --- fish -------------------------------------------------------------------------

std::string FishQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string FishValues(const std::string& values) {
  if (values == "@file") return " -r -F";
  if (values == "@dir") return " -x -a '(__fish_complete_directories)'";
  if (values == "@key") return " -a '(__ectl_keys key)'";
  if (values == "@name") return " -a '(__ectl_keys name)'";
  if (values.empty()) return " -x";
  return " -x -a " + FishQuote(values);
}

std::string FishScript(const std::vector<CommandDoc>& docs) {
  std::string out =
      "# fish completion for ectl, also when installed as etcdctl: commands, flags, flag\n"
      "# values, file names and key names from the server (`ectl __complete-keys`).\n"
      "# Generated from the command tree by `ectl completion fish`; do not edit.\n\n";
  std::vector<std::string> names, value_names;
  for (const auto& f : docs.front().flags) {
    names.push_back("--" + f.name);
    if (f.takes_value) value_names.push_back("--" + f.name);
    if (!f.shorthand.empty()) {
      names.push_back("-" + f.shorthand);
      if (f.takes_value) value_names.push_back("-" + f.shorthand);
    }
  }
  out += "set -g __ectl_global_flags " + Join(names) + "\n";
  out += "set -g __ectl_global_value_flags " + Join(value_names) + "\n\n";
  out += "function __ectl_children\n    switch $argv[1]\n";
  for (const auto& d : docs) {
    if (d.children.empty()) continue;
    std::vector<std::string> kids;
    for (const Command* c : d.children) kids.push_back(c->name);
    out += "        case " + FishQuote(d.path) + "\n            printf '%s\\n' " + Join(kids) + "\n";
  }
  out += "    end\nend\n\n";
  out += "function __ectl_value_flags\n    printf '%s\\n' $__ectl_global_value_flags\n"
         "    switch $argv[1]\n";
  for (const auto& d : docs) {
    if (d.path.empty()) continue;
    std::vector<std::string> words;
    for (const auto& f : d.flags) {
      if (!f.takes_value) continue;
      words.push_back("--" + f.name);
      if (!f.shorthand.empty()) words.push_back("-" + f.shorthand);
    }
    if (!words.empty()) {
      out += "        case " + FishQuote(d.path) + "\n            printf '%s\\n' " + Join(words) + "\n";
    }
  }
  out += "    end\nend\n";
  out += R"~(
# The command path and the number of arguments typed before the current word.
function __ectl_state
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l args 0
    set -l skip 0
    set -l dashdash 0
    for w in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        if test $dashdash -eq 0
            switch $w
                case --
                    set dashdash 1
                    continue
                case '-*=*'
                    continue
                case '-?*'
                    contains -- $w (__ectl_value_flags $path); and set skip 1
                    continue
            end
        end
        set -l match
        if test $args -eq 0 -a $dashdash -eq 0
            for kid in (__ectl_children $path)
                if test "$kid" = "$w"
                    set match $kid
                    break
                end
                string match -q -- "$w*" $kid; and set -a match $kid
            end
        end
        if test (count $match) -eq 1
            set path (string trim -- "$path $match")
        else
            set args (math $args + 1)
        end
    end
    echo $path
    echo $args
end

function __ectl_is
    set -l state (__ectl_state)
    test "$state[1]" = "$argv[1]"
end

function __ectl_arg
    set -l state (__ectl_state)
    test "$state[1]" = "$argv[1]" -a "$state[2]" = "$argv[2]"
end

# Key names from the server, with the connection flags of the line.
function __ectl_keys
    set -l tokens (commandline -opc)
    set -l conn
    set -l i 2
    while test $i -le (count $tokens)
        set -l w $tokens[$i]
        set -l name (string split -m1 = -- $w)[1]
        if contains -- $name $__ectl_global_flags
            set -a conn $w
            if not string match -q -- '*=*' $w; and contains -- $name $__ectl_global_value_flags
                set i (math $i + 1)
                set -q tokens[$i]; and set -a conn $tokens[$i]
            end
        end
        set i (math $i + 1)
    end
    set -l mode
    test "$argv[1]" = name; and set mode --names
    set -l prefix (commandline -ct | string unescape)
    $tokens[1] $conn __complete-keys $mode -- "$prefix" 2>/dev/null
end
)~";
  out += "\ncomplete -c etcdctl --wraps ectl\ncomplete -c ectl -f\n";
  for (const auto& d : docs) {
    for (const Command* c : d.children) {
      out += "complete -c ectl -n " + FishQuote("__ectl_arg " + FishQuote(d.path) + " 0") + " -a " +
             c->name + " -d " + FishQuote(c->short_desc) + "\n";
    }
    for (const auto& f : d.flags) {
      out += "complete -c ectl";
      if (!d.path.empty()) out += " -n " + FishQuote("__ectl_is " + FishQuote(d.path));
      if (!f.shorthand.empty()) out += " -s " + f.shorthand;
      out += " -l " + f.name + (f.takes_value ? FishValues(f.values) : "") + " -d " +
             FishQuote(f.help) + "\n";
    }
    for (size_t i = 0; i < d.args.size(); ++i) {
      if (d.args[i].empty()) continue;
      out += "complete -c ectl -n " +
             FishQuote("__ectl_arg " + FishQuote(d.path) + " " + std::to_string(i)) +
             FishValues(d.args[i]) + "\n";
    }
  }
  return out;
}

struct CompleteKeysOptions {
  bool names = false;
};

void BindCompleteKeys(FlagSet& f, CompleteKeysOptions* o) {
  f.Bool(&o->names, "names", "lock and election names instead of keys");
}

// Silent whatever happens: a shell is waiting for the answer. ECTL_COMPLETE_KEYS_TIMEOUT
// (a test knob) replaces the 300 ms budget, so that a loaded test machine cannot empty
// the answers the tests read.
void RunCompleteKeys(Context& ctx, const CompleteKeysOptions& o) {
  std::string prefix = ctx.args().empty() ? "" : ctx.args()[0];
  auto budget = std::chrono::duration_cast<std::chrono::milliseconds>(
      EnvDuration("ECTL_COMPLETE_KEYS_TIMEOUT", std::chrono::milliseconds(1))
          .value_or(kCompleteKeysBudget));
  std::vector<std::string> keys = CompleteKeys(ctx.connection(), prefix, 100, budget);
  if (o.names) keys = NamesFromKeys(keys);
  for (const auto& key : keys) ctx.io().out << key << "\n";
}

}  // namespace

std::string RenderCompletion(CommandTree& tree, std::string_view shell) {
  auto docs = Collect(tree);
  if (shell == "bash") return BashScript(docs);
  if (shell == "zsh") return ZshScript(docs);
  if (shell == "fish") return FishScript(docs);
  throw Error(ExitCode::kBadArgs, "unsupported shell \"" + std::string(shell) +
                                      "\" (supported: bash, zsh, fish)");
}

void RegisterCompletionCommands(CommandTree& tree) {
  Command* completion = tree.Add(nullptr, "completion [bash|zsh|fish]", "Generate completion script",
           [&tree](FlagSet&) -> RunFn {
             return [&tree](Context& ctx) {
               if (ctx.args().size() != 1) {
                 throw Error(ExitCode::kBadArgs, "completion needs one argument: bash, zsh or fish");
               }
               ctx.io().out << RenderCompletion(tree, ctx.args()[0]);
             };
           },
           "Prints a completion script for the given shell. The scripts complete commands,\n"
           "flags, the values of flags that take one of a fixed set (-w, --sort-by, --order,\n"
           "--consistency, check's --load), file and directory names for path flags and\n"
           "arguments (--cacert, --cert, --key, --password-file, snapshot FILE, --data-dir),\n"
           "both as --flag value and --flag=value, and key names from the server for get, put,\n"
           "del, watch and the names of lock and elect. Keys are asked for with the endpoint,\n"
           "TLS and user flags already on the line and the ETCDCTL_* variables, at most 100\n"
           "at a time within 300 ms; nothing is offered when no server answers, and a password\n"
           "is never asked for. Installed packages place the scripts where each shell finds\n"
           "them; to use one without installing:\n"
           "\n"
           "Examples:\n"
           "  source <(ectl completion bash)              # bash, this shell (or ~/.bashrc)\n"
           "  ectl completion zsh > \"${fpath[1]}/_ectl\"  # zsh\n"
           "  ectl completion fish > ~/.config/fish/completions/ectl.fish");
  completion->offline = true;
  Command* keys = tree.Add(nullptr, "__complete-keys [--names] [--] <prefix>",
                           "Print key names for shell completion",
                           WithOptions(BindCompleteKeys, RunCompleteKeys));
  keys->hidden = true;
}

}  // namespace ectl::cli
