#compdef ectl etcdctl
# zsh completion for ectl: the bash completion through bashcompinit.
# Generated from the command tree by `ectl completion zsh`; do not edit.

autoload -U +X bashcompinit && bashcompinit

# bash completion for ectl, also when installed as etcdctl.
# Generated from the command tree by `ectl completion bash`; do not edit.

declare -gA _ectl_subcommands=(
  ["ROOT"]="get put del txn compaction lease version completion"
  ["lease"]="grant revoke timetolive list keep-alive"
)
declare -gA _ectl_flags=(
  ["ROOT"]="--cacert --cert --command-timeout --debug --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --help -h --hex --insecure-discovery --insecure-skip-tls-verify --insecure-transport --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --user --write-out -w"
  ["get"]="--consistency --count-only --from-key --help -h --keys-only --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --prefix --print-value-only --rev --sort-by"
  ["put"]="--help -h --ignore-lease --ignore-value --lease --prev-kv"
  ["del"]="--from-key --help -h --prefix --prev-kv --range"
  ["txn"]="--help -h --interactive -i"
  ["compaction"]="--help -h --physical"
  ["lease"]="--help -h"
  ["lease grant"]="--help -h"
  ["lease revoke"]="--help -h"
  ["lease timetolive"]="--help -h --keys"
  ["lease list"]="--help -h"
  ["lease keep-alive"]="--help -h --once"
  ["version"]="--help -h"
  ["completion"]="--help -h"
)
declare -gA _ectl_value_flags=(
  ["ROOT"]="--cacert --cert --command-timeout --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --user --write-out -w"
  ["get"]="--consistency --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --rev --sort-by"
  ["put"]="--lease"
)

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
