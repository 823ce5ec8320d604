#include "output/auth_text.h"

#include "authpb/auth.pb.h"
#include "common/bytes.h"

namespace ectl::output {

std::string PermissionRangeText(const authpb::Permission& perm) {
  const std::string& key = perm.key();
  const std::string& end = perm.range_end();
  if (end.empty()) return key;
  std::string text = "[" + key + ", ";
  if (end == std::string_view("\0", 1)) {
    text += "<open ended>";
  } else {
    text += end + ")";
  }
  // etcdctl annotates any range that equals a prefix range, whichever flag made it.
  if (PrefixEnd(key) == end) text += " (prefix " + key + ")";
  return text;
}

std::string RoleGetText(std::string_view role,
                        const google::protobuf::RepeatedPtrField<authpb::Permission>& perms) {
  std::string out = "Role ";
  out += role;
  out += "\nKV Read:\n";
  for (const auto& p : perms) {
    if (p.permtype() == authpb::Permission::READ || p.permtype() == authpb::Permission::READWRITE) {
      out += '\t' + PermissionRangeText(p) + '\n';
    }
  }
  out += "KV Write:\n";
  for (const auto& p : perms) {
    if (p.permtype() == authpb::Permission::WRITE ||
        p.permtype() == authpb::Permission::READWRITE) {
      out += '\t' + PermissionRangeText(p) + '\n';
    }
  }
  return out;
}

}  // namespace ectl::output
