// Auth service wrappers: authentication switch, users and roles. Each call takes the
// deadline its command uses (the command timeout; etcdctl's user and role commands have
// none, which ectl does not copy, so that they cannot hang). Failures throw RpcError.
#ifndef ECTL_CLIENT_AUTH_H_
#define ECTL_CLIENT_AUTH_H_

#include <optional>
#include <string>

#include "client/config.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

etcdserverpb::AuthEnableResponse AuthEnable(const Client& c, std::optional<Duration> timeout);
etcdserverpb::AuthDisableResponse AuthDisable(const Client& c, std::optional<Duration> timeout);
etcdserverpb::AuthStatusResponse AuthStatus(const Client& c, std::optional<Duration> timeout);

etcdserverpb::AuthUserAddResponse UserAdd(const Client& c, const std::string& name,
                                          const std::string& password, bool no_password,
                                          std::optional<Duration> timeout);
etcdserverpb::AuthUserDeleteResponse UserDelete(const Client& c, const std::string& name,
                                                std::optional<Duration> timeout);
etcdserverpb::AuthUserGetResponse UserGet(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout);
etcdserverpb::AuthUserListResponse UserList(const Client& c, std::optional<Duration> timeout);
etcdserverpb::AuthUserChangePasswordResponse UserChangePassword(
    const Client& c, const std::string& name, const std::string& password,
    std::optional<Duration> timeout);
etcdserverpb::AuthUserGrantRoleResponse UserGrantRole(const Client& c, const std::string& user,
                                                      const std::string& role,
                                                      std::optional<Duration> timeout);
etcdserverpb::AuthUserRevokeRoleResponse UserRevokeRole(const Client& c, const std::string& user,
                                                        const std::string& role,
                                                        std::optional<Duration> timeout);

etcdserverpb::AuthRoleAddResponse RoleAdd(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout);
etcdserverpb::AuthRoleDeleteResponse RoleDelete(const Client& c, const std::string& name,
                                                std::optional<Duration> timeout);
etcdserverpb::AuthRoleGetResponse RoleGet(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout);
etcdserverpb::AuthRoleListResponse RoleList(const Client& c, std::optional<Duration> timeout);
etcdserverpb::AuthRoleGrantPermissionResponse RoleGrantPermission(
    const Client& c, const std::string& role, const authpb::Permission& perm,
    std::optional<Duration> timeout);
etcdserverpb::AuthRoleRevokePermissionResponse RoleRevokePermission(
    const Client& c, const std::string& role, const std::string& key,
    const std::string& range_end, std::optional<Duration> timeout);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_AUTH_H_
