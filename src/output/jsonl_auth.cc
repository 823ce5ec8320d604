// jsonl of the auth results: one line per user, role or permission change.
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/jsonl_fields.h"
#include "output/jsonl_printer.h"

namespace ectl::output {

using json = nlohmann::ordered_json;

void JsonlPrinter::AuthChange(const google::protobuf::MessageLite&,
                              const etcdserverpb::ResponseHeader& header, std::string_view text) {
  Emit(json{{"message", std::string(text)}, {"revision", header.revision()}}, true);
}

void JsonlPrinter::AuthStatus(const etcdserverpb::AuthStatusResponse& r) {
  Emit(json{{"enabled", r.enabled()}, {"auth_revision", r.authrevision()}}, true);
}

void JsonlPrinter::UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view name) {
  json o{{"user", std::string(name)}, {"roles", json::array()}};
  for (const auto& role : r.roles()) o["roles"].push_back(role);
  Emit(o, true);
}

void JsonlPrinter::UserList(const etcdserverpb::AuthUserListResponse& r) {
  for (const auto& user : r.users()) Emit(json{{"user", user}});
  Flush();
}

void JsonlPrinter::RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view name) {
  json o{{"role", std::string(name)}, {"permissions", json::array()}};
  for (const auto& p : r.perm()) {
    static const char* const kTypes[] = {"READ", "WRITE", "READWRITE"};
    int t = p.permtype();
    json perm{{"type", t >= 0 && t <= 2 ? json(kTypes[t]) : json(t)}};
    SetText(perm, "key", p.key());
    // range_end as etcd stores it: absent for one key, "\u0000" for every key from key on.
    if (!p.range_end().empty()) SetText(perm, "range_end", p.range_end());
    o["permissions"].push_back(std::move(perm));
  }
  Emit(o, true);
}

void JsonlPrinter::RoleList(const etcdserverpb::AuthRoleListResponse& r) {
  for (const auto& role : r.roles()) Emit(json{{"role", role}});
  Flush();
}

}  // namespace ectl::output
