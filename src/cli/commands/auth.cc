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
  Command* auth = tree.Add(nullptr, "auth <enable or disable>", "Enable or disable authentication");
  tree.Add(auth, "enable", "Enables authentication", Plain(RunAuthEnable));
  tree.Add(auth, "disable", "Disables authentication", Plain(RunAuthDisable));
  tree.Add(auth, "status", "Returns authentication status (etcd 3.5+ servers)", Plain(RunAuthStatus));

  Command* user = tree.Add(nullptr, "user <subcommand>", "User related commands");
  tree.Add(user, "add <user name or user:password> [options]", "Adds a new user",
           WithOptions(BindUserAdd, RunUserAdd));
  tree.Add(user, "delete <user name>", "Deletes a user", Plain(RunUserDelete));
  tree.Add(user, "get <user name> [options]", "Gets detailed information of a user",
           WithOptions(BindUserGet, RunUserGet));
  tree.Add(user, "list", "Lists all users", Plain(RunUserList));
  tree.Add(user, "passwd <user name> [options]", "Changes password of user",
           WithOptions(BindUserPasswd, RunUserPasswd));
  tree.Add(user, "grant-role <user name> <role name>", "Grants a role to a user",
           Plain(RunUserGrantRole));
  tree.Add(user, "revoke-role <user name> <role name>", "Revokes a role from a user",
           Plain(RunUserRevokeRole));

  Command* role = tree.Add(nullptr, "role <subcommand>", "Role related commands");
  tree.Add(role, "add <role name>", "Adds a new role", Plain(RunRoleAdd));
  tree.Add(role, "delete <role name>", "Deletes a role", Plain(RunRoleDelete));
  tree.Add(role, "get <role name>", "Gets detailed information of a role", Plain(RunRoleGet));
  tree.Add(role, "list", "Lists all roles", Plain(RunRoleList));
  tree.Add(role, "grant-permission [options] <role name> <permission type> <key> [endkey]",
           "Grants a key to a role", WithOptions(BindPermRange, RunRoleGrant));
  tree.Add(role, "revoke-permission <role name> <key> [endkey]", "Revokes a key from a role",
           WithOptions(BindPermRange, RunRoleRevoke));
}

}  // namespace ectl::cli
