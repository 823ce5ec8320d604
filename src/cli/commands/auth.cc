// auth enable/disable/status, user add/delete/get/list/passwd/grant-role/revoke-role,
// role add/delete/get/list/grant-permission/revoke-permission.
//
// etcdctl gives the user and role commands no deadline; ectl uses the command timeout
// for every one of them so that none can hang on an unresponsive cluster.
#include <istream>
#include <memory>
#include <ostream>

#include "cli/commands/auth_requests.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/password.h"
#include "client/auth.h"
#include "client/client.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using output::Result;

void RequireArgs(const Context& ctx, size_t n, const char* message) {
  if (ctx.args().size() != n) throw Error(ExitCode::kBadArgs, message);
}

template <typename Response>
void PrintChange(Context& ctx, const Response& r, const std::string& text) {
  ctx.printer().AuthChange(r, r.header(), text);
}

// ---------------------------------------------------------------- auth

void RunAuthEnable(Context& ctx) {
  RequireArgs(ctx, 0, "auth enable command does not accept any arguments");
  client::Client& c = ctx.client();
  // etcd refuses to enable authentication while user root lacks role root; etcdctl
  // creates the role, grants it and tries again. Twice is enough: after the grant the
  // condition cannot recur.
  for (int attempt = 0;; ++attempt) {
    try {
      client::AuthEnable(c, c.command_timeout());
      break;
    } catch (const client::RpcError& e) {
      if (attempt > 0 || std::string(e.what()) != "etcdserver: root user does not have root role") {
        throw;
      }
      client::RoleAdd(c, "root", c.command_timeout());
      client::UserGrantRole(c, "root", "root", c.command_timeout());
    }
  }
  ctx.io().out << "Authentication Enabled\n" << std::flush;
}

void RunAuthDisable(Context& ctx) {
  RequireArgs(ctx, 0, "auth disable command does not accept any arguments");
  client::Client& c = ctx.client();
  client::AuthDisable(c, c.command_timeout());
  ctx.io().out << "Authentication Disabled\n" << std::flush;
}

void RunAuthStatus(Context& ctx) {
  RequireArgs(ctx, 0, "auth status command does not accept any arguments");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kAuthStatus);  // as etcdctl 3.5: simple, json and protobuf
  client::Client& c = ctx.client();
  printer.AuthStatus(client::AuthStatus(c, c.command_timeout()));
}

// ---------------------------------------------------------------- user

std::string ReadWord(std::istream& in) {
  std::string word;
  in >> word;
  return word;
}

struct UserAddOptions {
  bool interactive = true;
  std::string new_user_password;
  bool no_password = false;
};

void BindUserAdd(FlagSet& f, UserAddOptions* o) {
  f.Bool(&o->interactive, "interactive",
         "Read password from an interactive terminal (false: the first word of stdin)");
  f.String(&o->new_user_password, "new-user-password", "Supply password from the command line flag");
  f.Bool(&o->no_password, "no-password", "Create a user without password (CN based auth only)");
}

void RunUserAdd(Context& ctx, const UserAddOptions& o) {
  RequireArgs(ctx, 1, "user add command requires user name as its argument");
  bool interactive = o.interactive;
  UserAddSource source = ResolveUserAdd(ctx.args()[0], o.new_user_password, o.no_password);
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kAuthChange);
  if (!source.password) {
    source.password = interactive ? AskNewPassword(ctx.io(), source.name) : ReadWord(ctx.io().in);
  }
  client::Client& c = ctx.client();
  auto r = client::UserAdd(c, source.name, *source.password, source.no_password,
                           c.command_timeout());
  PrintChange(ctx, r, "User " + source.name + " created");
}

void RunUserDelete(Context& ctx) {
  RequireArgs(ctx, 1, "user delete command requires user name as its argument");
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const std::string& name = ctx.args()[0];
  PrintChange(ctx, client::UserDelete(c, name, c.command_timeout()), "User " + name + " deleted");
}

struct UserGetOptions {
  bool detail = false;
};

void BindUserGet(FlagSet& f, UserGetOptions* o) {
  f.Bool(&o->detail, "detail", "Show permissions of roles granted to the user");
}

void RunUserGet(Context& ctx, const UserGetOptions& o) {
  RequireArgs(ctx, 1, "user get command requires user name as its argument");
  bool detail = o.detail;
  output::Printer& printer = ctx.printer();
  // With --detail each role is printed as `role get` prints it, which fields supports.
  printer.Require(detail ? Result::kRoleGet : Result::kUserGet);
  client::Client& c = ctx.client();
  const std::string& name = ctx.args()[0];
  auto user = client::UserGet(c, name, c.command_timeout());
  if (!detail) {
    printer.UserGet(user, name);
    return;
  }
  std::ostream& out = ctx.io().out;
  out << "User: " << name << "\n" << std::flush;
  for (const auto& role : user.roles()) {
    auto r = client::RoleGet(c, role, c.command_timeout());
    out << "\n" << std::flush;
    printer.RoleGet(r, role);
    printer.Flush();
  }
}

void RunUserList(Context& ctx) {
  RequireArgs(ctx, 0, "user list command requires no arguments");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kUserList);
  client::Client& c = ctx.client();
  printer.UserList(client::UserList(c, c.command_timeout()));
}

struct UserPasswdOptions {
  bool interactive = true;
};

void BindUserPasswd(FlagSet& f, UserPasswdOptions* o) {
  f.Bool(&o->interactive, "interactive",
         "Read password from an interactive terminal (false: the first word of stdin)");
}

void RunUserPasswd(Context& ctx, const UserPasswdOptions& o) {
  RequireArgs(ctx, 1, "user passwd command requires user name as its argument");
  bool interactive = o.interactive;
  ctx.printer().Require(Result::kAuthChange);
  const std::string& name = ctx.args()[0];
  std::string password = interactive ? AskNewPassword(ctx.io(), name) : ReadWord(ctx.io().in);
  client::Client& c = ctx.client();
  PrintChange(ctx, client::UserChangePassword(c, name, password, c.command_timeout()),
              "Password updated");
}

void RunUserGrantRole(Context& ctx) {
  RequireArgs(ctx, 2, "user grant command requires user name and role name as its argument");
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const auto& a = ctx.args();
  PrintChange(ctx, client::UserGrantRole(c, a[0], a[1], c.command_timeout()),
              "Role " + a[1] + " is granted to user " + a[0]);
}

void RunUserRevokeRole(Context& ctx) {
  RequireArgs(ctx, 2, "user revoke-role requires user name and role name as its argument");
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const auto& a = ctx.args();
  PrintChange(ctx, client::UserRevokeRole(c, a[0], a[1], c.command_timeout()),
              "Role " + a[1] + " is revoked from user " + a[0]);
}

// ---------------------------------------------------------------- role

void RunRoleAdd(Context& ctx) {
  RequireArgs(ctx, 1, "role add command requires role name as its argument");
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const std::string& name = ctx.args()[0];
  PrintChange(ctx, client::RoleAdd(c, name, c.command_timeout()), "Role " + name + " created");
}

void RunRoleDelete(Context& ctx) {
  RequireArgs(ctx, 1, "role delete command requires role name as its argument");
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const std::string& name = ctx.args()[0];
  PrintChange(ctx, client::RoleDelete(c, name, c.command_timeout()), "Role " + name + " deleted");
}

void RunRoleGet(Context& ctx) {
  RequireArgs(ctx, 1, "role get command requires role name as its argument");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kRoleGet);
  client::Client& c = ctx.client();
  const std::string& name = ctx.args()[0];
  printer.RoleGet(client::RoleGet(c, name, c.command_timeout()), name);
}

void RunRoleList(Context& ctx) {
  RequireArgs(ctx, 0, "role list command requires no arguments");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kRoleList);
  client::Client& c = ctx.client();
  printer.RoleList(client::RoleList(c, c.command_timeout()));
}

struct PermRangeOptions {
  bool prefix = false;
  bool from_key = false;
};

void BindPermRange(FlagSet& f, PermRangeOptions* o) {
  f.Bool(&o->prefix, "prefix", "grant a prefix permission");
  f.Bool(&o->from_key, "from-key",
         "grant a permission of keys that are greater than or equal to the given key using byte compare");
}

void RunRoleGrant(Context& ctx, const PermRangeOptions& o) {
  authpb::Permission perm = BuildGrantPermission(ctx.args(), o.prefix, o.from_key);
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  const std::string& role = ctx.args()[0];
  PrintChange(ctx, client::RoleGrantPermission(c, role, perm, c.command_timeout()),
              "Role " + role + " updated");
}

void RunRoleRevoke(Context& ctx, const PermRangeOptions& o) {
  const auto& a = ctx.args();
  if (a.size() < 2) {
    throw Error(ExitCode::kBadArgs,
                "role revoke-permission command requires role name and key [endkey] as its "
                "argument");
  }
  std::optional<std::string> end;
  if (a.size() > 2) end = a[2];
  PermRange range = BuildPermRange(a[1], end, o.prefix, o.from_key);
  ctx.printer().Require(Result::kAuthChange);
  client::Client& c = ctx.client();
  auto r = client::RoleRevokePermission(c, a[0], range.key, range.range_end, c.command_timeout());
  PrintChange(ctx, r, RevokeText(a[0], a[1], range.range_end));
}

}  // namespace

void RegisterAuthCommands(CommandTree& tree) {
  Command* auth = tree.Add(nullptr, "auth <enable or disable>", "Enable or disable authentication", nullptr,
      "Authentication, users and roles. Output matches etcdctl 3.4 in every format; -w table is\n"
      "refused by every auth, user and role command, and -w fields where etcdctl has no fields\n"
      "printer, before any request (exit 4). Every call has --command-timeout (etcdctl's user\n"
      "and role calls have no deadline).\n"
      "\n"
      "Logging in (global flags): --user name:password, or --user name with --password, or\n"
      "ETCDCTL_USER and ETCDCTL_PASSWORD. --user name alone asks \"Password: \" with echo off\n"
      "(on stderr, only when stdin is a terminal; otherwise a line of stdin is read); an empty\n"
      "answer means no authentication. --password-file <path> (or ETCDCTL_PASSWORD_FILE, an\n"
      "ectl addition) reads the password from a file, one trailing newline dropped, so it never\n"
      "appears in argv or the environment; with --password it is refused (exit 128), and so is\n"
      "a regular file that group or others may access (chmod 600 it; pipes are read as is).\n"
      "A password sent without TLS to an endpoint that is not loopback (127.0.0.0/8, ::1,\n"
      "localhost) or a unix socket gets a \"Warning:\" line on stderr. A wrong\n"
      "password: \"Error: etcdserver: authentication failed, invalid user ID or password\", exit\n"
      "2. An expired or invalidated token is renewed once and the call repeated.\n"
      "\n"
      "TLS: https:// and unixs:// endpoints use TLS; endpoints without a scheme use it when\n"
      "--cacert or --cert/--key is given or --insecure-transport=false. --cert and --key present\n"
      "a client certificate. --insecure-skip-tls-verify accepts any server certificate, but only\n"
      "when such a TLS configuration exists (as etcdctl 3.4): with a bare https:// endpoint the\n"
      "server is checked against the system's CAs. Each endpoint is verified under its own host\n"
      "name; endpoints with different host names each get a connection, and the first to\n"
      "connect serves the whole command.\n"
      "\n"
      "Errors: etcdctl's final \"Error:\" line and exit code are kept, and ectl adds one line\n"
      "before it naming the cause: connection refused, unknown CA, name mismatch, client\n"
      "certificate missing or rejected, TLS/plain text mismatch, authentication failed,\n"
      "permission denied (naming the user), user name empty, no leader. Finding a dial\n"
      "failure's cause takes up to about 1.5 s after --dial-timeout.\n"
      "\n"
      "-w jsonl: a change (auth enable/disable, user and role add, delete, grant, revoke,\n"
      "passwd) prints {\"message\":\"<the simple output's line>\", \"revision\":N}; auth status\n"
      "{\"enabled\", \"auth_revision\"}; user get {\"user\", \"roles\":[...]}; user list one\n"
      "{\"user\"} per user; role list one {\"role\"} per role; role get {\"role\", \"permissions\":\n"
      "[{\"type\":\"READ\"|\"WRITE\"|\"READWRITE\", \"key\", \"range_end\"}]} (text, or key_base64 /\n"
      "range_end_base64 when not UTF-8; range_end absent for a single key).\n"
      "\n"
      "Examples:\n"
      "  ectl user add root:secret\n"
      "  ectl auth enable\n"
      "  ectl --user=root:secret auth disable\n"
      "  ectl --endpoints=https://10.0.0.1:2379 --cacert=ca.pem --cert=client.pem \\\n"
      "       --key=client-key.pem --user=alice --password-file=pw get k");
  tree.Add(auth, "enable", "Enables authentication", Plain(RunAuthEnable),
      "Enables authentication and prints \"Authentication Enabled\". If the server answers that\n"
      "the root user has no root role, creates the root role, grants it to root and tries again,\n"
      "as etcdctl does.\n"
      "\n"
      "Examples:\n"
      "  ectl user add root:secret\n"
      "  ectl auth enable");
  tree.Add(auth, "disable", "Disables authentication", Plain(RunAuthDisable),
      "Disables authentication and prints \"Authentication Disabled\". Only the root user may.\n"
      "\n"
      "Example:\n"
      "  ectl --user=root:secret auth disable");
  tree.Add(auth, "status", "Returns authentication status (etcd 3.5+ servers)", Plain(RunAuthStatus),
      "Prints \"Authentication Status: <true|false>\" and \"AuthRevision: <n>\" (etcdctl 3.5).\n"
      "Needs an etcd 3.5 or later server; 3.4 answers \"Unimplemented\". -w fields is refused.\n"
      "\n"
      "Example:\n"
      "  ectl --user=root:secret auth status");

  Command* user = tree.Add(nullptr, "user <subcommand>", "User related commands", nullptr,
      "Adds, lists, changes and deletes the users of etcd's authentication, and grants them\n"
      "roles. Logging in and TLS are described in ectl-auth(1). While authentication is enabled\n"
      "only the root user may change users.\n"
      "\n"
      "Examples:\n"
      "  ectl user add alice:secret\n"
      "  ectl user grant-role alice readers\n"
      "  ectl user get alice --detail\n"
      "  ectl user list");
  tree.Add(user, "add <user name or user:password> [options]", "Adds a new user",
           WithOptions(BindUserAdd, RunUserAdd),
      "Adds a user. The password is taken, in etcdctl's order, from --new-user-password (the\n"
      "argument is then the whole user name, colons included); from \"name:password\" (split at\n"
      "the first colon); none with --no-password (a certificate-only user); with\n"
      "--interactive=false, the first word of standard input; otherwise from a prompt, asked\n"
      "twice with echo off, on stderr. Errors (exit 128): \"empty password\", \"given passwords are\n"
      "different\", \"empty user name is not allowed\".\n"
      "\n"
      "Examples:\n"
      "  ectl user add alice:secret\n"
      "  ectl user add bob --new-user-password='pa:ss'\n"
      "  ectl user add carol              # asks for the password twice\n"
      "  ectl user add dave --no-password  # logs in with a client certificate only");
  tree.Add(user, "delete <user name>", "Deletes a user", Plain(RunUserDelete),
      "Deletes a user and prints \"User <name> deleted\".\n"
      "\n"
      "Example:\n"
      "  ectl user delete alice");
  tree.Add(user, "get <user name> [options]", "Gets detailed information of a user",
           WithOptions(BindUserGet, RunUserGet),
      "Prints \"User: <name>\" and its roles. --detail also prints each role's permissions, as\n"
      "role get does, in the chosen format. -w fields only with --detail.\n"
      "\n"
      "Examples:\n"
      "  ectl user get alice\n"
      "  ectl user get alice --detail -w json");
  tree.Add(user, "list", "Lists all users", Plain(RunUserList),
      "Prints one user name per line. -w fields is refused before the request (exit 4).\n"
      "\n"
      "Example:\n"
      "  ectl user list");
  tree.Add(user, "passwd <user name> [options]", "Changes password of user",
           WithOptions(BindUserPasswd, RunUserPasswd),
      "Changes a user's password: with --interactive=false the first word of standard input,\n"
      "otherwise a prompt asked twice with echo off, on stderr.\n"
      "\n"
      "Examples:\n"
      "  ectl user passwd alice\n"
      "  echo n3wsecret | ectl user passwd alice --interactive=false");
  tree.Add(user, "grant-role <user name> <role name>", "Grants a role to a user",
           Plain(RunUserGrantRole),
      "Grants the role's permissions to the user and prints \"Role <role> is granted to user\n"
      "<user>\". Both must exist.\n"
      "\n"
      "Example:\n"
      "  ectl user grant-role alice readers");
  tree.Add(user, "revoke-role <user name> <role name>", "Revokes a role from a user",
           Plain(RunUserRevokeRole),
      "Takes the role from the user and prints \"Role <role> is revoked from user <user>\".\n"
      "\n"
      "Example:\n"
      "  ectl user revoke-role alice readers");

  Command* role = tree.Add(nullptr, "role <subcommand>", "Role related commands", nullptr,
      "A role is a set of permissions (read, write or both) on keys, key ranges and prefixes;\n"
      "users get them through the roles granted to them (user grant-role). The role named root\n"
      "may do everything.\n"
      "\n"
      "Examples:\n"
      "  ectl role add readers\n"
      "  ectl role grant-permission readers read config/ --prefix\n"
      "  ectl role get readers");
  tree.Add(role, "add <role name>", "Adds a new role", Plain(RunRoleAdd),
      "Adds a role without permissions and prints \"Role <name> created\".\n"
      "\n"
      "Example:\n"
      "  ectl role add readers");
  tree.Add(role, "delete <role name>", "Deletes a role", Plain(RunRoleDelete),
      "Deletes a role, also from the users it was granted to, and prints \"Role <name> deleted\".\n"
      "\n"
      "Example:\n"
      "  ectl role delete readers");
  tree.Add(role, "get <role name>", "Gets detailed information of a role", Plain(RunRoleGet),
      "Prints \"Role <name>\", then under \"KV Read:\" and \"KV Write:\" one permission per line: a\n"
      "key, \"[key, end)\" or \"[key, <open ended>\", with \" (prefix <key>)\" after a prefix range.\n"
      "\n"
      "Example:\n"
      "  ectl role get readers");
  tree.Add(role, "list", "Lists all roles", Plain(RunRoleList),
      "Prints one role name per line.\n"
      "\n"
      "Example:\n"
      "  ectl role list");
  tree.Add(role, "grant-permission [options] <role name> <permission type> <key> [endkey]",
           "Grants a key to a role", WithOptions(BindPermRange, RunRoleGrant),
      "Grants <permission type> (read, write or readwrite, any case) on <key>, on [key, endkey),\n"
      "with --prefix on every key starting with <key>, or with --from-key on every key from\n"
      "<key> on. An empty key means \"\\0\", with --prefix or --from-key the whole keyspace. The\n"
      "flags exclude each other and an end key.\n"
      "\n"
      "Examples:\n"
      "  ectl role grant-permission readers read config/ --prefix\n"
      "  ectl role grant-permission writers readwrite a z    # keys from a up to, not with, z\n"
      "  ectl role grant-permission admins readwrite '' --from-key  # every key");
  tree.Add(role, "revoke-permission <role name> <key> [endkey]", "Revokes a key from a role",
           WithOptions(BindPermRange, RunRoleRevoke),
      "Revokes the permission on <key> or on the range, given as to role grant-permission.\n"
      "\n"
      "Examples:\n"
      "  ectl role revoke-permission readers config/ --prefix\n"
      "  ectl role revoke-permission writers a z");
}

}  // namespace ectl::cli
