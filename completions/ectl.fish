# fish completion for ectl, also when installed as etcdctl: commands, flags, flag
# values, file names and key names from the server (`ectl __complete-keys`).
# Generated from the command tree by `ectl completion fish`; do not edit.

set -g __ectl_global_flags --cacert --cert --color --command-timeout --debug --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --help -h --hex --insecure-discovery --insecure-skip-tls-verify --insecure-transport --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w
set -g __ectl_global_value_flags --cacert --cert --color --command-timeout --dial-timeout --discovery-srv -d --discovery-srv-name --endpoints --keepalive-time --keepalive-timeout --key --max-recv-bytes --max-request-bytes --password --password-file --user --write-out -w

function __ectl_children
    switch $argv[1]
        case ''
            printf '%s\n' get put del txn watch compaction lease alarm defrag endpoint move-leader member snapshot auth user role make-mirror lock elect check batch shell export import migrate version completion
        case 'lease'
            printf '%s\n' grant revoke timetolive list keep-alive
        case 'alarm'
            printf '%s\n' disarm list
        case 'endpoint'
            printf '%s\n' health status hashkv
        case 'member'
            printf '%s\n' add remove update list promote
        case 'snapshot'
            printf '%s\n' save status restore
        case 'auth'
            printf '%s\n' enable disable status
        case 'user'
            printf '%s\n' add delete get list passwd grant-role revoke-role
        case 'role'
            printf '%s\n' add delete get list grant-permission revoke-permission
        case 'check'
            printf '%s\n' perf datascale
    end
end

function __ectl_value_flags
    printf '%s\n' $__ectl_global_value_flags
    switch $argv[1]
        case 'get'
            printf '%s\n' --consistency --limit --max-create-rev --max-mod-rev --min-create-rev --min-mod-rev --order --rev --sort-by
        case 'put'
            printf '%s\n' --lease
        case 'watch'
            printf '%s\n' --rev
        case 'defrag'
            printf '%s\n' --data-dir
        case 'endpoint hashkv'
            printf '%s\n' --rev
        case 'member add'
            printf '%s\n' --peer-urls
        case 'member update'
            printf '%s\n' --peer-urls
        case 'snapshot restore'
            printf '%s\n' --data-dir --initial-advertise-peer-urls --initial-cluster --initial-cluster-token --name --wal-dir
        case 'user add'
            printf '%s\n' --new-user-password
        case 'make-mirror'
            printf '%s\n' --dest-cacert --dest-cert --dest-key --dest-password --dest-prefix --dest-user --max-txn-ops --prefix --rev
        case 'lock'
            printf '%s\n' --ttl
        case 'check perf'
            printf '%s\n' --load --prefix
        case 'check datascale'
            printf '%s\n' --load --prefix
        case 'export'
            printf '%s\n' --output -o --rev
        case 'import'
            printf '%s\n' --max-request-bytes --max-txn-ops --prefix-from --prefix-to --txns-in-flight
        case 'migrate'
            printf '%s\n' --data-dir --transformer --wal-dir
    end
end

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

complete -c etcdctl --wraps ectl
complete -c ectl -f
complete -c ectl -n '__ectl_arg \'\' 0' -a get -d 'Gets the key or a range of keys'
complete -c ectl -n '__ectl_arg \'\' 0' -a put -d 'Puts the given key into the store'
complete -c ectl -n '__ectl_arg \'\' 0' -a del -d 'Removes the specified key or range of keys [key, range_end)'
complete -c ectl -n '__ectl_arg \'\' 0' -a txn -d 'Txn processes all the requests in one transaction'
complete -c ectl -n '__ectl_arg \'\' 0' -a watch -d 'Watches events stream on keys or prefixes'
complete -c ectl -n '__ectl_arg \'\' 0' -a compaction -d 'Compacts the event history in etcd'
complete -c ectl -n '__ectl_arg \'\' 0' -a lease -d 'Lease related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a alarm -d 'Alarm related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a defrag -d 'Defragments the storage of the etcd members with given endpoints'
complete -c ectl -n '__ectl_arg \'\' 0' -a endpoint -d 'Endpoint related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a move-leader -d 'Transfers leadership to another etcd cluster member.'
complete -c ectl -n '__ectl_arg \'\' 0' -a member -d 'Membership related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a snapshot -d 'Manages etcd node snapshots'
complete -c ectl -n '__ectl_arg \'\' 0' -a auth -d 'Enable or disable authentication'
complete -c ectl -n '__ectl_arg \'\' 0' -a user -d 'User related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a role -d 'Role related commands'
complete -c ectl -n '__ectl_arg \'\' 0' -a make-mirror -d 'Makes a mirror at the destination etcd cluster'
complete -c ectl -n '__ectl_arg \'\' 0' -a lock -d 'Acquires a named lock'
complete -c ectl -n '__ectl_arg \'\' 0' -a elect -d 'Observes and participates in leader election'
complete -c ectl -n '__ectl_arg \'\' 0' -a check -d 'commands for checking properties of the etcd cluster'
complete -c ectl -n '__ectl_arg \'\' 0' -a batch -d 'Runs commands read one per line, over one connection'
complete -c ectl -n '__ectl_arg \'\' 0' -a shell -d 'Runs commands typed at a prompt, over one connection'
complete -c ectl -n '__ectl_arg \'\' 0' -a export -d 'Writes key-values as JSON lines, to restore with import'
complete -c ectl -n '__ectl_arg \'\' 0' -a import -d 'Writes the key-values of an export (or of get -w json) into the store'
complete -c ectl -n '__ectl_arg \'\' 0' -a migrate -d 'Migrates keys in a v2 store to a mvcc store (not supported by ectl)'
complete -c ectl -n '__ectl_arg \'\' 0' -a version -d 'Prints the version of ectl'
complete -c ectl -n '__ectl_arg \'\' 0' -a completion -d 'Generate completion script'
complete -c ectl -l cacert -r -F -d 'verify certificates of TLS-enabled secure servers using this CA bundle'
complete -c ectl -l cert -r -F -d 'identify secure client using this TLS certificate file'
complete -c ectl -l color -x -a 'auto always never' -d 'colour watch events, table headers and errors: auto (on a terminal, unless NO_COLOR is set), always or never'
complete -c ectl -l command-timeout -x -d 'timeout for short running command (excluding dial timeout)'
complete -c ectl -l debug -d 'enable client-side debug logging'
complete -c ectl -l dial-timeout -x -d 'dial timeout for client connections'
complete -c ectl -s d -l discovery-srv -x -d 'domain name to query for SRV records describing cluster endpoints'
complete -c ectl -l discovery-srv-name -x -d 'service name to query when using DNS discovery'
complete -c ectl -l endpoints -x -d 'gRPC endpoints'
complete -c ectl -s h -l help -d 'help for ectl'
complete -c ectl -l hex -d 'print byte strings as hex encoded strings'
complete -c ectl -l insecure-discovery -d 'accept insecure SRV records describing cluster endpoints'
complete -c ectl -l insecure-skip-tls-verify -d 'skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)'
complete -c ectl -l insecure-transport -d 'disable transport security for client connections'
complete -c ectl -l keepalive-time -x -d 'keepalive time for client connections'
complete -c ectl -l keepalive-timeout -x -d 'keepalive timeout for client connections'
complete -c ectl -l key -r -F -d 'identify secure client using this TLS key file'
complete -c ectl -l max-recv-bytes -x -d 'client-side response receive limit in bytes (if 0, it defaults to "math.MaxInt32")'
complete -c ectl -l max-request-bytes -x -d 'client-side request send limit in bytes (if 0, it defaults to 2.0 MiB (2 * 1024 * 1024).)'
complete -c ectl -l password -x -d 'password for authentication (if this option is used, --user option shouldn\'t include password)'
complete -c ectl -l password-file -r -F -d 'read the password for authentication from this file (ectl; keeps it out of argv)'
complete -c ectl -l user -x -d 'username[:password] for authentication (prompt if password is not supplied)'
complete -c ectl -s w -l write-out -x -a 'fields json jsonl protobuf simple table' -d 'set the output format (fields, json, jsonl, protobuf, simple, table)'
complete -c ectl -n '__ectl_is \'get\'' -l consistency -x -a 'l s' -d 'Linearizable(l) or Serializable(s)'
complete -c ectl -n '__ectl_is \'get\'' -l count-only -d 'Get only the count'
complete -c ectl -n '__ectl_is \'get\'' -l from-key -d 'Get keys that are greater than or equal to the given key using byte compare'
complete -c ectl -n '__ectl_is \'get\'' -l keys-only -d 'Get only the keys'
complete -c ectl -n '__ectl_is \'get\'' -l limit -x -d 'Maximum number of results'
complete -c ectl -n '__ectl_is \'get\'' -l max-create-rev -x -d 'Maximum create revision'
complete -c ectl -n '__ectl_is \'get\'' -l max-mod-rev -x -d 'Maximum modification revision'
complete -c ectl -n '__ectl_is \'get\'' -l min-create-rev -x -d 'Minimum create revision'
complete -c ectl -n '__ectl_is \'get\'' -l min-mod-rev -x -d 'Minimum modification revision'
complete -c ectl -n '__ectl_is \'get\'' -l order -x -a 'ASCEND DESCEND' -d 'Order of results; ASCEND or DESCEND (ASCEND by default)'
complete -c ectl -n '__ectl_is \'get\'' -l prefix -d 'Get keys with matching prefix'
complete -c ectl -n '__ectl_is \'get\'' -l print-value-only -d 'Only write values when using the "simple" output format'
complete -c ectl -n '__ectl_is \'get\'' -l rev -x -d 'Specify the kv revision'
complete -c ectl -n '__ectl_is \'get\'' -l sort-by -x -a 'CREATE KEY MODIFY VALUE VERSION' -d 'Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION'
complete -c ectl -n '__ectl_arg \'get\' 0' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_arg \'get\' 1' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'put\'' -l ignore-lease -d 'updates the key using its current lease'
complete -c ectl -n '__ectl_is \'put\'' -l ignore-value -d 'updates the key using its current value'
complete -c ectl -n '__ectl_is \'put\'' -l lease -x -d 'lease ID (in hexadecimal) to attach to the key'
complete -c ectl -n '__ectl_is \'put\'' -l prev-kv -d 'return the previous key-value pair before modification'
complete -c ectl -n '__ectl_arg \'put\' 0' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'del\'' -l from-key -d 'delete keys that are greater than or equal to the given key using byte compare'
complete -c ectl -n '__ectl_is \'del\'' -l prefix -d 'delete keys with matching prefix'
complete -c ectl -n '__ectl_is \'del\'' -l prev-kv -d 'return deleted key-value pairs'
complete -c ectl -n '__ectl_is \'del\'' -l range -d 'delete range of keys'
complete -c ectl -n '__ectl_arg \'del\' 0' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_arg \'del\' 1' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'txn\'' -s i -l interactive -d 'Input transaction in interactive mode'
complete -c ectl -n '__ectl_is \'watch\'' -s i -l interactive -d 'Interactive mode'
complete -c ectl -n '__ectl_is \'watch\'' -l prefix -d 'Watch on a prefix if prefix is set'
complete -c ectl -n '__ectl_is \'watch\'' -l prev-kv -d 'get the previous key-value pair before the event happens'
complete -c ectl -n '__ectl_is \'watch\'' -l progress-notify -d 'get periodic watch progress notification from server'
complete -c ectl -n '__ectl_is \'watch\'' -l rev -x -d 'Revision to start watching'
complete -c ectl -n '__ectl_arg \'watch\' 0' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_arg \'watch\' 1' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'compaction\'' -l physical -d '\'true\' to wait for compaction to physically remove all old revisions'
complete -c ectl -n '__ectl_arg \'lease\' 0' -a grant -d 'Creates leases'
complete -c ectl -n '__ectl_arg \'lease\' 0' -a revoke -d 'Revokes leases'
complete -c ectl -n '__ectl_arg \'lease\' 0' -a timetolive -d 'Get lease information'
complete -c ectl -n '__ectl_arg \'lease\' 0' -a list -d 'List all active leases'
complete -c ectl -n '__ectl_arg \'lease\' 0' -a keep-alive -d 'Keeps leases alive (renew)'
complete -c ectl -n '__ectl_is \'lease timetolive\'' -l keys -d 'Get keys attached to this lease'
complete -c ectl -n '__ectl_is \'lease keep-alive\'' -l once -d 'Resets the keep-alive time to its original value and exits immediately'
complete -c ectl -n '__ectl_arg \'alarm\' 0' -a disarm -d 'Disarms all alarms'
complete -c ectl -n '__ectl_arg \'alarm\' 0' -a list -d 'Lists all alarms'
complete -c ectl -n '__ectl_is \'defrag\'' -l cluster -d 'use all endpoints from the cluster member list'
complete -c ectl -n '__ectl_is \'defrag\'' -l data-dir -x -a '(__fish_complete_directories)' -d 'Optional. If present, defragments a data directory not in use by etcd.'
complete -c ectl -n '__ectl_arg \'endpoint\' 0' -a health -d 'Checks the healthiness of endpoints specified in `--endpoints` flag'
complete -c ectl -n '__ectl_arg \'endpoint\' 0' -a status -d 'Prints out the status of endpoints specified in `--endpoints` flag'
complete -c ectl -n '__ectl_arg \'endpoint\' 0' -a hashkv -d 'Prints the KV history hash for each endpoint in --endpoints'
complete -c ectl -n '__ectl_is \'endpoint health\'' -l cluster -d 'use all endpoints from the cluster member list'
complete -c ectl -n '__ectl_is \'endpoint status\'' -l cluster -d 'use all endpoints from the cluster member list'
complete -c ectl -n '__ectl_is \'endpoint hashkv\'' -l cluster -d 'use all endpoints from the cluster member list'
complete -c ectl -n '__ectl_is \'endpoint hashkv\'' -l rev -x -d 'maximum revision to hash (default: all revisions)'
complete -c ectl -n '__ectl_arg \'member\' 0' -a add -d 'Adds a member into the cluster'
complete -c ectl -n '__ectl_arg \'member\' 0' -a remove -d 'Removes a member from the cluster'
complete -c ectl -n '__ectl_arg \'member\' 0' -a update -d 'Updates a member in the cluster'
complete -c ectl -n '__ectl_arg \'member\' 0' -a list -d 'Lists all members in the cluster'
complete -c ectl -n '__ectl_arg \'member\' 0' -a promote -d 'Promotes a non-voting member in the cluster'
complete -c ectl -n '__ectl_is \'member add\'' -l learner -d 'indicates if the new member is raft learner'
complete -c ectl -n '__ectl_is \'member add\'' -l peer-urls -x -d 'comma separated peer URLs for the new member.'
complete -c ectl -n '__ectl_is \'member update\'' -l peer-urls -x -d 'comma separated peer URLs for the updated member.'
complete -c ectl -n '__ectl_arg \'snapshot\' 0' -a save -d 'Stores an etcd node backend snapshot to a given file'
complete -c ectl -n '__ectl_arg \'snapshot\' 0' -a status -d 'Gets backend snapshot status of a given file'
complete -c ectl -n '__ectl_arg \'snapshot\' 0' -a restore -d 'Restores an etcd member snapshot to an etcd directory'
complete -c ectl -n '__ectl_arg \'snapshot save\' 0' -r -F
complete -c ectl -n '__ectl_arg \'snapshot status\' 0' -r -F
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l data-dir -x -a '(__fish_complete_directories)' -d 'Path to the data directory'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l initial-advertise-peer-urls -x -d 'List of this member\'s peer URLs to advertise to the rest of the cluster'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l initial-cluster -x -d 'Initial cluster configuration for restore bootstrap'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l initial-cluster-token -x -d 'Initial cluster token for the etcd cluster during restore bootstrap'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l name -x -d 'Human-readable name for this member'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l skip-hash-check -d 'Ignore snapshot integrity hash value (required if copied from data directory)'
complete -c ectl -n '__ectl_is \'snapshot restore\'' -l wal-dir -x -a '(__fish_complete_directories)' -d 'Path to the WAL directory (use --data-dir if none given)'
complete -c ectl -n '__ectl_arg \'snapshot restore\' 0' -r -F
complete -c ectl -n '__ectl_arg \'auth\' 0' -a enable -d 'Enables authentication'
complete -c ectl -n '__ectl_arg \'auth\' 0' -a disable -d 'Disables authentication'
complete -c ectl -n '__ectl_arg \'auth\' 0' -a status -d 'Returns authentication status (etcd 3.5+ servers)'
complete -c ectl -n '__ectl_arg \'user\' 0' -a add -d 'Adds a new user'
complete -c ectl -n '__ectl_arg \'user\' 0' -a delete -d 'Deletes a user'
complete -c ectl -n '__ectl_arg \'user\' 0' -a get -d 'Gets detailed information of a user'
complete -c ectl -n '__ectl_arg \'user\' 0' -a list -d 'Lists all users'
complete -c ectl -n '__ectl_arg \'user\' 0' -a passwd -d 'Changes password of user'
complete -c ectl -n '__ectl_arg \'user\' 0' -a grant-role -d 'Grants a role to a user'
complete -c ectl -n '__ectl_arg \'user\' 0' -a revoke-role -d 'Revokes a role from a user'
complete -c ectl -n '__ectl_is \'user add\'' -l interactive -d 'Read password from an interactive terminal (false: the first word of stdin)'
complete -c ectl -n '__ectl_is \'user add\'' -l new-user-password -x -d 'Supply password from the command line flag'
complete -c ectl -n '__ectl_is \'user add\'' -l no-password -d 'Create a user without password (CN based auth only)'
complete -c ectl -n '__ectl_is \'user get\'' -l detail -d 'Show permissions of roles granted to the user'
complete -c ectl -n '__ectl_is \'user passwd\'' -l interactive -d 'Read password from an interactive terminal (false: the first word of stdin)'
complete -c ectl -n '__ectl_arg \'role\' 0' -a add -d 'Adds a new role'
complete -c ectl -n '__ectl_arg \'role\' 0' -a delete -d 'Deletes a role'
complete -c ectl -n '__ectl_arg \'role\' 0' -a get -d 'Gets detailed information of a role'
complete -c ectl -n '__ectl_arg \'role\' 0' -a list -d 'Lists all roles'
complete -c ectl -n '__ectl_arg \'role\' 0' -a grant-permission -d 'Grants a key to a role'
complete -c ectl -n '__ectl_arg \'role\' 0' -a revoke-permission -d 'Revokes a key from a role'
complete -c ectl -n '__ectl_is \'role grant-permission\'' -l from-key -d 'grant a permission of keys that are greater than or equal to the given key using byte compare'
complete -c ectl -n '__ectl_is \'role grant-permission\'' -l prefix -d 'grant a prefix permission'
complete -c ectl -n '__ectl_arg \'role grant-permission\' 1' -x -a 'read write readwrite'
complete -c ectl -n '__ectl_arg \'role grant-permission\' 2' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_arg \'role grant-permission\' 3' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'role revoke-permission\'' -l from-key -d 'grant a permission of keys that are greater than or equal to the given key using byte compare'
complete -c ectl -n '__ectl_is \'role revoke-permission\'' -l prefix -d 'grant a prefix permission'
complete -c ectl -n '__ectl_arg \'role revoke-permission\' 1' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_arg \'role revoke-permission\' 2' -a '(__ectl_keys key)'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-cacert -r -F -d 'Verify certificates of TLS enabled secure servers using this CA bundle'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-cert -r -F -d 'Identify secure client using this TLS certificate file for the destination cluster'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-insecure-transport -d 'Disable transport security for client connections'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-key -r -F -d 'Identify secure client using this TLS key file for the destination cluster'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-password -x -d 'Destination password for authentication (if this option is used, --user option shouldn\'t include password)'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-prefix -x -d 'destination prefix to mirror a prefix to a different prefix in the destination cluster'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l dest-user -x -d 'Destination username[:password] for authentication (prompt if password is not supplied)'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l max-txn-ops -x -d 'Maximum number of operations permitted in a transaction during syncing updates.'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l no-dest-prefix -d 'mirror key-values to the root of the destination cluster'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l prefix -x -d 'Key-value prefix to mirror'
complete -c ectl -n '__ectl_is \'make-mirror\'' -l rev -x -d 'Specify the kv revision to start to mirror'
complete -c ectl -n '__ectl_is \'lock\'' -l ttl -x -d 'timeout for session'
complete -c ectl -n '__ectl_arg \'lock\' 0' -a '(__ectl_keys name)'
complete -c ectl -n '__ectl_is \'elect\'' -s l -l listen -d 'observation mode'
complete -c ectl -n '__ectl_arg \'elect\' 0' -a '(__ectl_keys name)'
complete -c ectl -n '__ectl_arg \'check\' 0' -a perf -d 'Check the performance of the etcd cluster'
complete -c ectl -n '__ectl_arg \'check\' 0' -a datascale -d 'Check the memory usage of holding data for different workloads on a given server endpoint.'
complete -c ectl -n '__ectl_is \'check perf\'' -l auto-compact -d 'Compact storage with last revision after test is finished.'
complete -c ectl -n '__ectl_is \'check perf\'' -l auto-defrag -d 'Defragment storage after test is finished.'
complete -c ectl -n '__ectl_is \'check perf\'' -l load -x -a 's m l xl' -d 'The performance check\'s workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)'
complete -c ectl -n '__ectl_is \'check perf\'' -l prefix -x -d 'The prefix for writing the performance check\'s keys.'
complete -c ectl -n '__ectl_is \'check datascale\'' -l auto-compact -d 'Compact storage with last revision after test is finished.'
complete -c ectl -n '__ectl_is \'check datascale\'' -l auto-defrag -d 'Defragment storage after test is finished.'
complete -c ectl -n '__ectl_is \'check datascale\'' -l load -x -a 's m l xl' -d 'The datascale check\'s workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)'
complete -c ectl -n '__ectl_is \'check datascale\'' -l prefix -x -d 'The prefix for writing the datascale check\'s keys.'
complete -c ectl -n '__ectl_is \'batch\'' -l keep-going -d 'run every command even after one fails; exit with the first failure\'s code'
complete -c ectl -n '__ectl_is \'shell\'' -l keep-going -d 'run every command even after one fails; exit with the first failure\'s code'
complete -c ectl -n '__ectl_is \'export\'' -l from-key -d 'Export the keys from the given key on'
complete -c ectl -n '__ectl_is \'export\'' -s o -l output -x -d 'Write to this file (atomically) instead of stdout'
complete -c ectl -n '__ectl_is \'export\'' -l prefix -d 'Export the keys with the given prefix'
complete -c ectl -n '__ectl_is \'export\'' -l rev -x -d 'Revision to export (default: the current one)'
complete -c ectl -n '__ectl_is \'import\'' -l dry-run -d 'Read and check the input, write nothing'
complete -c ectl -n '__ectl_is \'import\'' -l if-absent -d 'Write only keys that do not exist; count the others as skipped'
complete -c ectl -n '__ectl_is \'import\'' -l keep-going -d 'Report bad input lines and go on with the next'
complete -c ectl -n '__ectl_is \'import\'' -l max-request-bytes -x -d 'Largest transaction in bytes (the server\'s --max-request-bytes)'
complete -c ectl -n '__ectl_is \'import\'' -l max-txn-ops -x -d 'Most keys in one transaction (the server\'s --max-txn-ops)'
complete -c ectl -n '__ectl_is \'import\'' -l prefix-from -x -d 'Replace this prefix of every key (with --prefix-to)'
complete -c ectl -n '__ectl_is \'import\'' -l prefix-to -x -d 'The prefix that replaces --prefix-from'
complete -c ectl -n '__ectl_is \'import\'' -l txns-in-flight -x -d 'Transactions sent before the first is answered'
complete -c ectl -n '__ectl_is \'import\'' -l with-leases -d 'Attach each key to the lease ID given in the input'
complete -c ectl -n '__ectl_is \'migrate\'' -l data-dir -x -a '(__fish_complete_directories)' -d 'Path to the data directory'
complete -c ectl -n '__ectl_is \'migrate\'' -l no-ttl -d 'Do not convert TTL keys'
complete -c ectl -n '__ectl_is \'migrate\'' -l transformer -r -F -d 'Path to the user-provided transformer program'
complete -c ectl -n '__ectl_is \'migrate\'' -l wal-dir -x -a '(__fish_complete_directories)' -d 'Path to the WAL directory'
complete -c ectl -n '__ectl_arg \'completion\' 0' -x -a 'bash zsh fish'
