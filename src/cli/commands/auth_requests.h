// Pure rules of the user and role commands: permission types and key ranges, where a
// user's password comes from, and the texts etcdctl prints. Unit-tested.
#ifndef ECTL_CLI_COMMANDS_AUTH_REQUESTS_H_
#define ECTL_CLI_COMMANDS_AUTH_REQUESTS_H_

#include <optional>
#include <string>
#include <vector>

#include "authpb/auth.pb.h"

namespace ectl::cli {

// "read", "write", "readwrite" in any case; otherwise Error(kBadArgs,
// "invalid permission type: <text>").
authpb::Permission::Type ParsePermType(const std::string& text);

struct PermRange {
  std::string key;
  std::string range_end;  // empty: the single key
};

// etcdctl's range rules for grant-permission and revoke-permission: an empty key means
// "\0"; --prefix ranges to the key's prefix end ("\0" for the empty key), --from-key to
// "\0"; the flags exclude each other and an end key. Throws Error(kBadArgs).
PermRange BuildPermRange(const std::string& key, const std::optional<std::string>& end,
                         bool prefix, bool from_key);

// `role grant-permission <role> <type> <key> [end]`: the permission to grant.
authpb::Permission BuildGrantPermission(const std::vector<std::string>& args, bool prefix,
                                        bool from_key);

// `role revoke-permission`'s report: "Permission of key /a is revoked from role r1" or
// "Permission of range [/b, /c) is revoked ..." / "[/f, <open ended> ...". The key is
// shown as given on the command line, as etcdctl shows it.
std::string RevokeText(const std::string& role, const std::string& key_arg,
                       const std::string& range_end);

// Where `user add` takes the name and password from.
struct UserAddSource {
  std::string name;
  std::optional<std::string> password;  // nullopt: ask (prompt or stdin)
  bool no_password = false;
};
// etcdctl's order: --new-user-password (the argument is the whole name); otherwise
// "name:password" split at the first colon; otherwise --no-password, or ask. An empty
// name (from ":pw") is Error(kBadArgs, "empty user name is not allowed").
UserAddSource ResolveUserAdd(const std::string& arg, const std::string& new_user_password,
                             bool no_password);

// The first whitespace-delimited word of text, as Go's fmt.Scanf("%s") reads it.
std::string FirstWord(const std::string& text);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_AUTH_REQUESTS_H_
