// json of the auth results: the generated response structs (omitempty).
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/json_printer.h"

namespace ectl::output {

void JsonPrinter::AuthChange(const google::protobuf::MessageLite&,
                             const etcdserverpb::ResponseHeader& header, std::string_view) {
  {
    JsonObject o(buffer());
    o.Key("header"), AppendHeader(buffer(), header);
  }
  Line();
}

void JsonPrinter::AuthStatus(const etcdserverpb::AuthStatusResponse& r) {
  {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    o.Bool("enabled", r.enabled());
    o.Uint("authRevision", r.authrevision());
  }
  Line();
}

void JsonPrinter::UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view) {
  NamesObject(r.has_header() ? &r.header() : nullptr, "roles", r.roles());
}

void JsonPrinter::UserList(const etcdserverpb::AuthUserListResponse& r) {
  NamesObject(r.has_header() ? &r.header() : nullptr, "users", r.users());
}

void JsonPrinter::RoleList(const etcdserverpb::AuthRoleListResponse& r) {
  NamesObject(r.has_header() ? &r.header() : nullptr, "roles", r.roles());
}

void JsonPrinter::RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view) {
  {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    if (r.perm_size() > 0) {
      o.Key("perm");
      JsonArray perms(buffer());
      for (const auto& p : r.perm()) {
        JsonObject po(perms.Next());
        po.Int("permType", p.permtype());
        po.Bytes("key", p.key());
        po.Bytes("range_end", p.range_end());
      }
    }
  }
  Line();
}

void JsonPrinter::NamesObject(const etcdserverpb::ResponseHeader* header, std::string_view field,
                              const google::protobuf::RepeatedPtrField<std::string>& names) {
  {
    JsonObject o(buffer());
    if (header) o.Key("header"), AppendHeader(buffer(), *header);
    if (!names.empty()) o.Key(field), AppendStrings(buffer(), names);
  }
  Line();
}

}  // namespace ectl::output
