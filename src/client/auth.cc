#include "client/auth.h"

#include "client/client.h"
#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using Stub = etcdserverpb::Auth::Stub;

template <typename Response, typename Request>
Response AuthCall(const Client& c,
                  grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
                  const Request& request, std::optional<Duration> timeout) {
  auto stub = etcdserverpb::Auth::NewStub(c.channel());
  return Call<Response>(c, *stub, method, request, timeout);
}

}  // namespace

etcdserverpb::AuthEnableResponse AuthEnable(const Client& c, std::optional<Duration> timeout) {
  return AuthCall(c, &Stub::AuthEnable, etcdserverpb::AuthEnableRequest(), timeout);
}

etcdserverpb::AuthDisableResponse AuthDisable(const Client& c, std::optional<Duration> timeout) {
  return AuthCall(c, &Stub::AuthDisable, etcdserverpb::AuthDisableRequest(), timeout);
}

etcdserverpb::AuthStatusResponse AuthStatus(const Client& c, std::optional<Duration> timeout) {
  return AuthCall(c, &Stub::AuthStatus, etcdserverpb::AuthStatusRequest(), timeout);
}

etcdserverpb::AuthUserAddResponse UserAdd(const Client& c, const std::string& name,
                                          const std::string& password, bool no_password,
                                          std::optional<Duration> timeout) {
  etcdserverpb::AuthUserAddRequest r;
  r.set_name(name);
  r.set_password(password);
  // etcdctl always sends the options message; the server reads no_password from it.
  r.mutable_options()->set_no_password(no_password);
  return AuthCall(c, &Stub::UserAdd, r, timeout);
}

etcdserverpb::AuthUserDeleteResponse UserDelete(const Client& c, const std::string& name,
                                                std::optional<Duration> timeout) {
  etcdserverpb::AuthUserDeleteRequest r;
  r.set_name(name);
  return AuthCall(c, &Stub::UserDelete, r, timeout);
}

etcdserverpb::AuthUserGetResponse UserGet(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout) {
  etcdserverpb::AuthUserGetRequest r;
  r.set_name(name);
  return AuthCall(c, &Stub::UserGet, r, timeout);
}

etcdserverpb::AuthUserListResponse UserList(const Client& c, std::optional<Duration> timeout) {
  return AuthCall(c, &Stub::UserList, etcdserverpb::AuthUserListRequest(), timeout);
}

etcdserverpb::AuthUserChangePasswordResponse UserChangePassword(
    const Client& c, const std::string& name, const std::string& password,
    std::optional<Duration> timeout) {
  etcdserverpb::AuthUserChangePasswordRequest r;
  r.set_name(name);
  r.set_password(password);
  return AuthCall(c, &Stub::UserChangePassword, r, timeout);
}

etcdserverpb::AuthUserGrantRoleResponse UserGrantRole(const Client& c, const std::string& user,
                                                      const std::string& role,
                                                      std::optional<Duration> timeout) {
  etcdserverpb::AuthUserGrantRoleRequest r;
  r.set_user(user);
  r.set_role(role);
  return AuthCall(c, &Stub::UserGrantRole, r, timeout);
}

etcdserverpb::AuthUserRevokeRoleResponse UserRevokeRole(const Client& c, const std::string& user,
                                                        const std::string& role,
                                                        std::optional<Duration> timeout) {
  etcdserverpb::AuthUserRevokeRoleRequest r;
  r.set_name(user);
  r.set_role(role);
  return AuthCall(c, &Stub::UserRevokeRole, r, timeout);
}

etcdserverpb::AuthRoleAddResponse RoleAdd(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout) {
  etcdserverpb::AuthRoleAddRequest r;
  r.set_name(name);
  return AuthCall(c, &Stub::RoleAdd, r, timeout);
}

etcdserverpb::AuthRoleDeleteResponse RoleDelete(const Client& c, const std::string& name,
                                                std::optional<Duration> timeout) {
  etcdserverpb::AuthRoleDeleteRequest r;
  r.set_role(name);
  return AuthCall(c, &Stub::RoleDelete, r, timeout);
}

etcdserverpb::AuthRoleGetResponse RoleGet(const Client& c, const std::string& name,
                                          std::optional<Duration> timeout) {
  etcdserverpb::AuthRoleGetRequest r;
  r.set_role(name);
  return AuthCall(c, &Stub::RoleGet, r, timeout);
}

etcdserverpb::AuthRoleListResponse RoleList(const Client& c, std::optional<Duration> timeout) {
  return AuthCall(c, &Stub::RoleList, etcdserverpb::AuthRoleListRequest(), timeout);
}

etcdserverpb::AuthRoleGrantPermissionResponse RoleGrantPermission(
    const Client& c, const std::string& role, const authpb::Permission& perm,
    std::optional<Duration> timeout) {
  etcdserverpb::AuthRoleGrantPermissionRequest r;
  r.set_name(role);
  *r.mutable_perm() = perm;
  return AuthCall(c, &Stub::RoleGrantPermission, r, timeout);
}

etcdserverpb::AuthRoleRevokePermissionResponse RoleRevokePermission(
    const Client& c, const std::string& role, const std::string& key,
    const std::string& range_end, std::optional<Duration> timeout) {
  etcdserverpb::AuthRoleRevokePermissionRequest r;
  r.set_role(role);
  r.set_key(key);
  r.set_range_end(range_end);
  return AuthCall(c, &Stub::RoleRevokePermission, r, timeout);
}

}  // namespace ectl::client
