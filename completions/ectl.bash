# bash completion for ectl, also when installed as etcdctl: commands, flags, flag
# values, file names and key names from the server (`ectl __complete-keys`).
# Generated from the command tree by `ectl completion bash`; do not edit.

declare -gA _ectl_subcommands=(
  ["ROOT"]="get put del txn watch compaction lease alarm defrag endpoint move-leader member snapshot auth user role make-mirror lock elect check batch shell export import migrate version completion"
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
  ["get"]="--consistency --count-only --from-key --keys-only --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --prefix --print-value-only --rev --sort-by"
  ["put"]="--ignore-lease --ignore-value --lease --prev-kv"
  ["del"]="--from-key --prefix --prev-kv --range"
  ["txn"]="--interactive -i"
  ["watch"]="--interactive -i --prefix --prev-kv --progress-notify --rev"
  ["compaction"]="--physical"
  ["lease"]=""
  ["lease grant"]=""
  ["lease revoke"]=""
  ["lease timetolive"]="--keys"
  ["lease list"]=""
  ["lease keep-alive"]="--once"
  ["alarm"]=""
  ["alarm disarm"]=""
  ["alarm list"]=""
  ["defrag"]="--cluster --data-dir"
  ["endpoint"]=""
  ["endpoint health"]="--cluster"
  ["endpoint status"]="--cluster"
  ["endpoint hashkv"]="--cluster --rev"
  ["move-leader"]=""
  ["member"]=""
  ["member add"]="--learner --peer-urls"
  ["member remove"]=""
  ["member update"]="--peer-urls"
  ["member list"]=""
  ["member promote"]=""
  ["snapshot"]=""
  ["snapshot save"]=""
  ["snapshot status"]=""
  ["snapshot restore"]="--data-dir --initial-advertise-peer-urls --initial-cluster --initial-cluster-token --name --skip-hash-check --wal-dir"
  ["auth"]=""
  ["auth enable"]=""
  ["auth disable"]=""
  ["auth status"]=""
  ["user"]=""
  ["user add"]="--interactive --new-user-password --no-password"
  ["user delete"]=""
  ["user get"]="--detail"
  ["user list"]=""
  ["user passwd"]="--interactive"
  ["user grant-role"]=""
  ["user revoke-role"]=""
  ["role"]=""
  ["role add"]=""
  ["role delete"]=""
  ["role get"]=""
  ["role list"]=""
  ["role grant-permission"]="--from-key --prefix"
  ["role revoke-permission"]="--from-key --prefix"
  ["make-mirror"]="--dest-cacert --dest-cert --dest-insecure-transport --dest-key --dest-password --dest-prefix --dest-user --max-txn-ops --no-dest-prefix --prefix --rev"
  ["lock"]="--ttl"
  ["elect"]="--listen -l"
  ["check"]=""
  ["check perf"]="--auto-compact --auto-defrag --load --prefix"
  ["check datascale"]="--auto-compact --auto-defrag --load --prefix"
  ["batch"]="--keep-going"
  ["shell"]="--keep-going"
  ["export"]="--from-key --output -o --prefix --rev"
  ["import"]="--dry-run --if-absent --keep-going --max-request-bytes --max-txn-ops --prefix-from --prefix-to --txns-in-flight --with-leases"
  ["migrate"]="--data-dir --no-ttl --transformer --wal-dir"
  ["version"]=""
  ["completion"]=""
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
  ["make-mirror"]="--dest-cacert --dest-cert --dest-key --dest-password --dest-prefix --dest-user --max-txn-ops --prefix --rev"
  ["lock"]="--ttl"
  ["check perf"]="--load --prefix"
  ["check datascale"]="--load --prefix"
  ["export"]="--output -o --rev"
  ["import"]="--max-request-bytes --max-txn-ops --prefix-from --prefix-to --txns-in-flight"
  ["migrate"]="--data-dir --transformer --wal-dir"
)
declare -gA _ectl_values=(
  ["ROOT --cacert"]="@file"
  ["ROOT --cert"]="@file"
  ["ROOT --color"]="auto always never"
  ["ROOT --key"]="@file"
  ["ROOT --password-file"]="@file"
  ["ROOT --write-out"]="fields json jsonl protobuf simple table"
  ["ROOT -w"]="fields json jsonl protobuf simple table"
  ["get --consistency"]="l s"
  ["get --order"]="ASCEND DESCEND"
  ["get --sort-by"]="CREATE KEY MODIFY VALUE VERSION"
  ["defrag --data-dir"]="@dir"
  ["snapshot restore --data-dir"]="@dir"
  ["snapshot restore --wal-dir"]="@dir"
  ["make-mirror --dest-cacert"]="@file"
  ["make-mirror --dest-cert"]="@file"
  ["make-mirror --dest-key"]="@file"
  ["check perf --load"]="s m l xl"
  ["check datascale --load"]="s m l xl"
  ["migrate --data-dir"]="@dir"
  ["migrate --transformer"]="@file"
  ["migrate --wal-dir"]="@dir"
)
declare -gA _ectl_args=(
  ["get"]="@key|@key"
  ["put"]="@key"
  ["del"]="@key|@key"
  ["watch"]="@key|@key"
  ["snapshot save"]="@file"
  ["snapshot status"]="@file"
  ["snapshot restore"]="@file"
  ["role grant-permission"]="|read write readwrite|@key|@key"
  ["role revoke-permission"]="|@key|@key"
  ["lock"]="@name"
  ["elect"]="@name"
  ["completion"]="bash zsh fish"
)

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
