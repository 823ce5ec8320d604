#compdef ectl etcdctl
# zsh completion for ectl, also when installed as etcdctl: commands, flags, flag
# values, file names and key names from the server (`ectl __complete-keys`).
# Generated from the command tree by `ectl completion zsh`; do not edit.

typeset -ga _ectl_global_flags=(--cacert --cert --color --command-timeout --debug --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --help -h --hex --insecure-discovery --insecure-skip-tls-verify --insecure-transport --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w)
typeset -ga _ectl_global_value_flags=(--cacert --cert --color --command-timeout --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w)
typeset -ga _ectl_global_specs=(
  '--cacert=[verify certificates of TLS-enabled secure servers using this CA bundle]:cacert:_files'
  '--cert=[identify secure client using this TLS certificate file]:cert:_files'
  '--color=[colour watch events, table headers and errors: auto (on a terminal, unless NO_COLOR is set), always or never]:color:(auto always never)'
  '--command-timeout=[timeout for short running command (excluding dial timeout)]:command-timeout: '
  '--debug[enable client-side debug logging]'
  '--dial-timeout=[dial timeout for client connections]:dial-timeout: '
  '(-d --discovery-srv)-d+[domain name to query for SRV records describing cluster endpoints]:discovery-srv: '
  '(-d --discovery-srv)--discovery-srv=[domain name to query for SRV records describing cluster endpoints]:discovery-srv: '
  '--discovery-srv-name=[service name to query when using DNS discovery]:discovery-srv-name: '
  '--endpoints=[gRPC endpoints]:endpoints: '
  '(-h --help)-h[help for ectl]'
  '(-h --help)--help[help for ectl]'
  '--hex[print byte strings as hex encoded strings]'
  '--insecure-discovery[accept insecure SRV records describing cluster endpoints]'
  '--insecure-skip-tls-verify[skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)]'
  '--insecure-transport[disable transport security for client connections]'
  '--keepalive-time=[keepalive time for client connections]:keepalive-time: '
  '--keepalive-timeout=[keepalive timeout for client connections]:keepalive-timeout: '
  '--key=[identify secure client using this TLS key file]:key:_files'
  '--max-recv-bytes=[client-side response receive limit in bytes (if 0, it defaults to "math.MaxInt32")]:max-recv-bytes: '
  '--max-request-bytes=[client-side request send limit in bytes (if 0, it defaults to 2.0 MiB (2 * 1024 * 1024).)]:max-request-bytes: '
  '--password=[password for authentication (if this option is used, --user option shouldn'\''t include password)]:password: '
  '--password-file=[read the password for authentication from this file (ectl; keeps it out of argv)]:password-file:_files'
  '--user=[username\[:password\] for authentication (prompt if password is not supplied)]:user: '
  '(-w --write-out)-w+[set the output format (fields, json, jsonl, protobuf, simple, table)]:write-out:(fields json jsonl protobuf simple table)'
  '(-w --write-out)--write-out=[set the output format (fields, json, jsonl, protobuf, simple, table)]:write-out:(fields json jsonl protobuf simple table)'
)
typeset -ga _ectl_specs_root=()
typeset -ga _ectl_kids_root=(
  'get:Gets the key or a range of keys'
  'put:Puts the given key into the store'
  'del:Removes the specified key or range of keys [key, range_end)'
  'txn:Txn processes all the requests in one transaction'
  'watch:Watches events stream on keys or prefixes'
  'compaction:Compacts the event history in etcd'
  'lease:Lease related commands'
  'alarm:Alarm related commands'
  'defrag:Defragments the storage of the etcd members with given endpoints'
  'endpoint:Endpoint related commands'
  'move-leader:Transfers leadership to another etcd cluster member.'
  'member:Membership related commands'
  'snapshot:Manages etcd node snapshots'
  'auth:Enable or disable authentication'
  'user:User related commands'
  'role:Role related commands'
  'make-mirror:Makes a mirror at the destination etcd cluster'
  'lock:Acquires a named lock'
  'elect:Observes and participates in leader election'
  'check:commands for checking properties of the etcd cluster'
  'batch:Runs commands read one per line, over one connection'
  'shell:Runs commands typed at a prompt, over one connection'
  'export:Writes key-values as JSON lines, to restore with import'
  'import:Writes the key-values of an export (or of get -w json) into the store'
  'migrate:Migrates keys in a v2 store to a mvcc store (not supported by ectl)'
  'version:Prints the version of ectl'
  'completion:Generate completion script'
)
typeset -ga _ectl_specs_root__get=(
  '--consistency=[Linearizable(l) or Serializable(s)]:consistency:(l s)'
  '--count-only[Get only the count]'
  '--from-key[Get keys that are greater than or equal to the given key using byte compare]'
  '--keys-only[Get only the keys]'
  '--limit=[Maximum number of results]:limit: '
  '--max-create-rev=[Maximum create revision]:max-create-rev: '
  '--max-mod-rev=[Maximum modification revision]:max-mod-rev: '
  '--min-create-rev=[Minimum create revision]:min-create-rev: '
  '--min-mod-rev=[Minimum modification revision]:min-mod-rev: '
  '--order=[Order of results; ASCEND or DESCEND (ASCEND by default)]:order:(ASCEND DESCEND)'
  '--prefix[Get keys with matching prefix]'
  '--print-value-only[Only write values when using the "simple" output format]'
  '--rev=[Specify the kv revision]:rev: '
  '--sort-by=[Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION]:sort-by:(CREATE KEY MODIFY VALUE VERSION)'
  '1:key:_ectl_keys key'
  '2:range end:_ectl_keys key'
)
typeset -ga _ectl_specs_root__put=(
  '--ignore-lease[updates the key using its current lease]'
  '--ignore-value[updates the key using its current value]'
  '--lease=[lease ID (in hexadecimal) to attach to the key]:lease: '
  '--prev-kv[return the previous key-value pair before modification]'
  '1:key:_ectl_keys key'
)
typeset -ga _ectl_specs_root__del=(
  '--from-key[delete keys that are greater than or equal to the given key using byte compare]'
  '--prefix[delete keys with matching prefix]'
  '--prev-kv[return deleted key-value pairs]'
  '--range[delete range of keys]'
  '1:key:_ectl_keys key'
  '2:range end:_ectl_keys key'
)
typeset -ga _ectl_specs_root__txn=(
  '(-i --interactive)-i[Input transaction in interactive mode]'
  '(-i --interactive)--interactive[Input transaction in interactive mode]'
)
typeset -ga _ectl_specs_root__watch=(
  '(-i --interactive)-i[Interactive mode]'
  '(-i --interactive)--interactive[Interactive mode]'
  '--prefix[Watch on a prefix if prefix is set]'
  '--prev-kv[get the previous key-value pair before the event happens]'
  '--progress-notify[get periodic watch progress notification from server]'
  '--rev=[Revision to start watching]:rev: '
  '1:key:_ectl_keys key'
  '2:range end:_ectl_keys key'
)
typeset -ga _ectl_specs_root__compaction=(
  '--physical['\''true'\'' to wait for compaction to physically remove all old revisions]'
)
typeset -ga _ectl_specs_root__lease=()
typeset -ga _ectl_kids_root__lease=(
  'grant:Creates leases'
  'revoke:Revokes leases'
  'timetolive:Get lease information'
  'list:List all active leases'
  'keep-alive:Keeps leases alive (renew)'
)
typeset -ga _ectl_specs_root__lease__grant=()
typeset -ga _ectl_specs_root__lease__revoke=()
typeset -ga _ectl_specs_root__lease__timetolive=(
  '--keys[Get keys attached to this lease]'
)
typeset -ga _ectl_specs_root__lease__list=()
typeset -ga _ectl_specs_root__lease__keep_alive=(
  '--once[Resets the keep-alive time to its original value and exits immediately]'
)
typeset -ga _ectl_specs_root__alarm=()
typeset -ga _ectl_kids_root__alarm=(
  'disarm:Disarms all alarms'
  'list:Lists all alarms'
)
typeset -ga _ectl_specs_root__alarm__disarm=()
typeset -ga _ectl_specs_root__alarm__list=()
typeset -ga _ectl_specs_root__defrag=(
  '--cluster[use all endpoints from the cluster member list]'
  '--data-dir=[Optional. If present, defragments a data directory not in use by etcd.]:data-dir:_files -/'
)
typeset -ga _ectl_specs_root__endpoint=()
typeset -ga _ectl_kids_root__endpoint=(
  'health:Checks the healthiness of endpoints specified in `--endpoints` flag'
  'status:Prints out the status of endpoints specified in `--endpoints` flag'
  'hashkv:Prints the KV history hash for each endpoint in --endpoints'
)
typeset -ga _ectl_specs_root__endpoint__health=(
  '--cluster[use all endpoints from the cluster member list]'
)
typeset -ga _ectl_specs_root__endpoint__status=(
  '--cluster[use all endpoints from the cluster member list]'
)
typeset -ga _ectl_specs_root__endpoint__hashkv=(
  '--cluster[use all endpoints from the cluster member list]'
  '--rev=[maximum revision to hash (default: all revisions)]:rev: '
)
typeset -ga _ectl_specs_root__move_leader=()
typeset -ga _ectl_specs_root__member=()
typeset -ga _ectl_kids_root__member=(
  'add:Adds a member into the cluster'
  'remove:Removes a member from the cluster'
  'update:Updates a member in the cluster'
  'list:Lists all members in the cluster'
  'promote:Promotes a non-voting member in the cluster'
)
typeset -ga _ectl_specs_root__member__add=(
  '--learner[indicates if the new member is raft learner]'
  '--peer-urls=[comma separated peer URLs for the new member.]:peer-urls: '
)
typeset -ga _ectl_specs_root__member__remove=()
typeset -ga _ectl_specs_root__member__update=(
  '--peer-urls=[comma separated peer URLs for the updated member.]:peer-urls: '
)
typeset -ga _ectl_specs_root__member__list=()
typeset -ga _ectl_specs_root__member__promote=()
typeset -ga _ectl_specs_root__snapshot=()
typeset -ga _ectl_kids_root__snapshot=(
  'save:Stores an etcd node backend snapshot to a given file'
  'status:Gets backend snapshot status of a given file'
  'restore:Restores an etcd member snapshot to an etcd directory'
)
typeset -ga _ectl_specs_root__snapshot__save=(
  '1:file:_files'
)
typeset -ga _ectl_specs_root__snapshot__status=(
  '1:file:_files'
)
typeset -ga _ectl_specs_root__snapshot__restore=(
  '--data-dir=[Path to the data directory]:data-dir:_files -/'
  '--initial-advertise-peer-urls=[List of this member'\''s peer URLs to advertise to the rest of the cluster]:initial-advertise-peer-urls: '
  '--initial-cluster=[Initial cluster configuration for restore bootstrap]:initial-cluster: '
  '--initial-cluster-token=[Initial cluster token for the etcd cluster during restore bootstrap]:initial-cluster-token: '
  '--name=[Human-readable name for this member]:name: '
  '--skip-hash-check[Ignore snapshot integrity hash value (required if copied from data directory)]'
  '--wal-dir=[Path to the WAL directory (use --data-dir if none given)]:wal-dir:_files -/'
  '1:file:_files'
)
typeset -ga _ectl_specs_root__auth=()
typeset -ga _ectl_kids_root__auth=(
  'enable:Enables authentication'
  'disable:Disables authentication'
  'status:Returns authentication status (etcd 3.5+ servers)'
)
typeset -ga _ectl_specs_root__auth__enable=()
typeset -ga _ectl_specs_root__auth__disable=()
typeset -ga _ectl_specs_root__auth__status=()
typeset -ga _ectl_specs_root__user=()
typeset -ga _ectl_kids_root__user=(
  'add:Adds a new user'
  'delete:Deletes a user'
  'get:Gets detailed information of a user'
  'list:Lists all users'
  'passwd:Changes password of user'
  'grant-role:Grants a role to a user'
  'revoke-role:Revokes a role from a user'
)
typeset -ga _ectl_specs_root__user__add=(
  '--interactive[Read password from an interactive terminal (false: the first word of stdin)]'
  '--new-user-password=[Supply password from the command line flag]:new-user-password: '
  '--no-password[Create a user without password (CN based auth only)]'
)
typeset -ga _ectl_specs_root__user__delete=()
typeset -ga _ectl_specs_root__user__get=(
  '--detail[Show permissions of roles granted to the user]'
)
typeset -ga _ectl_specs_root__user__list=()
typeset -ga _ectl_specs_root__user__passwd=(
  '--interactive[Read password from an interactive terminal (false: the first word of stdin)]'
)
typeset -ga _ectl_specs_root__user__grant_role=()
typeset -ga _ectl_specs_root__user__revoke_role=()
typeset -ga _ectl_specs_root__role=()
typeset -ga _ectl_kids_root__role=(
  'add:Adds a new role'
  'delete:Deletes a role'
  'get:Gets detailed information of a role'
  'list:Lists all roles'
  'grant-permission:Grants a key to a role'
  'revoke-permission:Revokes a key from a role'
)
typeset -ga _ectl_specs_root__role__add=()
typeset -ga _ectl_specs_root__role__delete=()
typeset -ga _ectl_specs_root__role__get=()
typeset -ga _ectl_specs_root__role__list=()
typeset -ga _ectl_specs_root__role__grant_permission=(
  '--from-key[grant a permission of keys that are greater than or equal to the given key using byte compare]'
  '--prefix[grant a prefix permission]'
  '1:argument: '
  '2:argument:(read write readwrite)'
  '3:key:_ectl_keys key'
  '4:key:_ectl_keys key'
)
typeset -ga _ectl_specs_root__role__revoke_permission=(
  '--from-key[grant a permission of keys that are greater than or equal to the given key using byte compare]'
  '--prefix[grant a prefix permission]'
  '1:argument: '
  '2:range end:_ectl_keys key'
  '3:key:_ectl_keys key'
)
typeset -ga _ectl_specs_root__make_mirror=(
  '--dest-cacert=[Verify certificates of TLS enabled secure servers using this CA bundle]:dest-cacert:_files'
  '--dest-cert=[Identify secure client using this TLS certificate file for the destination cluster]:dest-cert:_files'
  '--dest-insecure-transport[Disable transport security for client connections]'
  '--dest-key=[Identify secure client using this TLS key file for the destination cluster]:dest-key:_files'
  '--dest-password=[Destination password for authentication (if this option is used, --user option shouldn'\''t include password)]:dest-password: '
  '--dest-prefix=[destination prefix to mirror a prefix to a different prefix in the destination cluster]:dest-prefix: '
  '--dest-user=[Destination username\[:password\] for authentication (prompt if password is not supplied)]:dest-user: '
  '--max-txn-ops=[Maximum number of operations permitted in a transaction during syncing updates.]:max-txn-ops: '
  '--no-dest-prefix[mirror key-values to the root of the destination cluster]'
  '--prefix=[Key-value prefix to mirror]:prefix: '
  '--rev=[Specify the kv revision to start to mirror]:rev: '
)
typeset -ga _ectl_specs_root__lock=(
  '--ttl=[timeout for session]:ttl: '
  '1:name:_ectl_keys name'
)
typeset -ga _ectl_specs_root__elect=(
  '(-l --listen)-l[observation mode]'
  '(-l --listen)--listen[observation mode]'
  '1:name:_ectl_keys name'
)
typeset -ga _ectl_specs_root__check=()
typeset -ga _ectl_kids_root__check=(
  'perf:Check the performance of the etcd cluster'
  'datascale:Check the memory usage of holding data for different workloads on a given server endpoint.'
)
typeset -ga _ectl_specs_root__check__perf=(
  '--auto-compact[Compact storage with last revision after test is finished.]'
  '--auto-defrag[Defragment storage after test is finished.]'
  '--load=[The performance check'\''s workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)]:load:(s m l xl)'
  '--prefix=[The prefix for writing the performance check'\''s keys.]:prefix: '
)
typeset -ga _ectl_specs_root__check__datascale=(
  '--auto-compact[Compact storage with last revision after test is finished.]'
  '--auto-defrag[Defragment storage after test is finished.]'
  '--load=[The datascale check'\''s workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)]:load:(s m l xl)'
  '--prefix=[The prefix for writing the datascale check'\''s keys.]:prefix: '
)
typeset -ga _ectl_specs_root__batch=(
  '--keep-going[run every command even after one fails; exit with the first failure'\''s code]'
)
typeset -ga _ectl_specs_root__shell=(
  '--keep-going[run every command even after one fails; exit with the first failure'\''s code]'
)
typeset -ga _ectl_specs_root__export=(
  '--from-key[Export the keys from the given key on]'
  '(-o --output)-o+[Write to this file (atomically) instead of stdout]:output: '
  '(-o --output)--output=[Write to this file (atomically) instead of stdout]:output: '
  '--prefix[Export the keys with the given prefix]'
  '--rev=[Revision to export (default: the current one)]:rev: '
)
typeset -ga _ectl_specs_root__import=(
  '--dry-run[Read and check the input, write nothing]'
  '--if-absent[Write only keys that do not exist; count the others as skipped]'
  '--keep-going[Report bad input lines and go on with the next]'
  '--max-request-bytes=[Largest transaction in bytes (the server'\''s --max-request-bytes)]:max-request-bytes: '
  '--max-txn-ops=[Most keys in one transaction (the server'\''s --max-txn-ops)]:max-txn-ops: '
  '--prefix-from=[Replace this prefix of every key (with --prefix-to)]:prefix-from: '
  '--prefix-to=[The prefix that replaces --prefix-from]:prefix-to: '
  '--txns-in-flight=[Transactions sent before the first is answered]:txns-in-flight: '
  '--with-leases[Attach each key to the lease ID given in the input]'
)
typeset -ga _ectl_specs_root__migrate=(
  '--data-dir=[Path to the data directory]:data-dir:_files -/'
  '--no-ttl[Do not convert TTL keys]'
  '--transformer=[Path to the user-provided transformer program]:transformer:_files'
  '--wal-dir=[Path to the WAL directory]:wal-dir:_files -/'
)
typeset -ga _ectl_specs_root__version=()
typeset -ga _ectl_specs_root__completion=(
  '1:argument:(bash zsh fish)'
)

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
