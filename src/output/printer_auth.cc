// The base Printer's auth methods: a format that does not override them refuses them.
#include "output/printer.h"

namespace ectl::output {

void Printer::AuthChange(const google::protobuf::MessageLite&, const etcdserverpb::ResponseHeader&,
                         std::string_view) {
  Unsupported();
}
void Printer::AuthStatus(const etcdserverpb::AuthStatusResponse&) { Unsupported(); }
void Printer::UserGet(const etcdserverpb::AuthUserGetResponse&, std::string_view) {
  Unsupported();
}
void Printer::UserList(const etcdserverpb::AuthUserListResponse&) { Unsupported(); }
void Printer::RoleGet(const etcdserverpb::AuthRoleGetResponse&, std::string_view) {
  Unsupported();
}
void Printer::RoleList(const etcdserverpb::AuthRoleListResponse&) { Unsupported(); }

}  // namespace ectl::output
