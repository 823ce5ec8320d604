#compdef ectl etcdctl
# zsh completion for ectl: the bash completion through bashcompinit.
# Generated from the command tree by `ectl completion zsh`; do not edit.

autoload -U +X bashcompinit && bashcompinit

# bash completion for ectl, also when installed as etcdctl.
# Generated from the command tree by `ectl completion bash`; do not edit.

declare -gA _ectl_subcommands=(
  ["ROOT"]="get put del txn watch compaction lease alarm defrag endpoint move-leader member snapshot auth user role make-mirror lock elect check migrate version completion"
  ["lease"]="grant revoke timetolive list keep-alive"
  ["alarm"]="disarm list"
  ["endpoint"]="health status hashkv"
  ["member"]="add remove update list promote"
  ["snapshot"]="save status restore"
  ["auth"]="enable disable status"
  ["user"]="add delete get list passwd grant-role revoke-role"
  ["role"]="add delete get list grant-permission revoke-permission"
  ["check"]="perf datascale"
)
declare -gA _ectl_flags=(
  ["ROOT"]="--cacert --cert --color --command-timeout --debug --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --help -h --hex --insecure-discovery --insecure-skip-tls-verify --insecure-transport --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w"
  ["get"]="--consistency --count-only --from-key --help -h --keys-only --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --prefix --print-value-only --rev --sort-by"
  ["put"]="--help -h --ignore-lease --ignore-value --lease --prev-kv"
  ["del"]="--from-key --help -h --prefix --prev-kv --range"
  ["txn"]="--help -h --interactive -i"
  ["watch"]="--help -h --interactive -i --prefix --prev-kv --progress-notify --rev"
  ["compaction"]="--help -h --physical"
  ["lease"]="--help -h"
  ["lease grant"]="--help -h"
  ["lease revoke"]="--help -h"
  ["lease timetolive"]="--help -h --keys"
  ["lease list"]="--help -h"
  ["lease keep-alive"]="--help -h --once"
  ["alarm"]="--help -h"
  ["alarm disarm"]="--help -h"
  ["alarm list"]="--help -h"
  ["defrag"]="--cluster --data-dir --help -h"
  ["endpoint"]="--help -h"
  ["endpoint health"]="--cluster --help -h"
  ["endpoint status"]="--cluster --help -h"
  ["endpoint hashkv"]="--cluster --help -h --rev"
  ["move-leader"]="--help -h"
  ["member"]="--help -h"
  ["member add"]="--help -h --learner --peer-urls"
  ["member remove"]="--help -h"
  ["member update"]="--help -h --peer-urls"
  ["member list"]="--help -h"
  ["member promote"]="--help -h"
  ["snapshot"]="--help -h"
  ["snapshot save"]="--help -h"
  ["snapshot status"]="--help -h"
  ["snapshot restore"]="--data-dir --help -h --initial-advertise-peer-urls --initial-cluster --initial-cluster-token --name --skip-hash-check --wal-dir"
  ["auth"]="--help -h"
  ["auth enable"]="--help -h"
  ["auth disable"]="--help -h"
  ["auth status"]="--help -h"
  ["user"]="--help -h"
  ["user add"]="--help -h --interactive --new-user-password --no-password"
  ["user delete"]="--help -h"
  ["user get"]="--detail --help -h"
  ["user list"]="--help -h"
  ["user passwd"]="--help -h --interactive"
  ["user grant-role"]="--help -h"
  ["user revoke-role"]="--help -h"
  ["role"]="--help -h"
  ["role add"]="--help -h"
  ["role delete"]="--help -h"
  ["role get"]="--help -h"
  ["role list"]="--help -h"
  ["role grant-permission"]="--from-key --help -h --prefix"
  ["role revoke-permission"]="--from-key --help -h --prefix"
  ["make-mirror"]="--dest-cacert --dest-cert --dest-insecure-transport --dest-key --dest-prefix --help -h --max-txn-ops --no-dest-prefix --prefix --rev"
  ["lock"]="--help -h --ttl"
  ["elect"]="--help -h --listen -l"
  ["check"]="--help -h"
  ["check perf"]="--auto-compact --auto-defrag --help -h --load --prefix"
  ["check datascale"]="--auto-compact --auto-defrag --help -h --load --prefix"
  ["migrate"]="--data-dir --help -h --no-ttl --transformer --wal-dir"
  ["version"]="--help -h"
  ["completion"]="--help -h"
)
declare -gA _ectl_value_flags=(
  ["ROOT"]="--cacert --cert --color --command-timeout --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w"
  ["get"]="--consistency --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --rev --sort-by"
  ["put"]="--lease"
  ["watch"]="--rev"
  ["defrag"]="--data-dir"
  ["endpoint hashkv"]="--rev"
  ["member add"]="--peer-urls"
  ["member update"]="--peer-urls"
  ["snapshot restore"]="--data-dir --initial-advertise-peer-urls --initial-cluster --initial-cluster-token --name --wal-dir"
  ["user add"]="--new-user-password"
  ["make-mirror"]="--dest-cacert --dest-cert --dest-key --dest-prefix --max-txn-ops --prefix --rev"
  ["lock"]="--ttl"
  ["check perf"]="--load --prefix"
  ["check datascale"]="--load --prefix"
  ["migrate"]="--data-dir --transformer --wal-dir"
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
