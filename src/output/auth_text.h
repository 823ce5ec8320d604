// Plain-text renderings of auth results that etcdctl's simple format prints, kept as pure
// functions so that their byte-exact rules are unit-tested.
#ifndef ECTL_OUTPUT_AUTH_TEXT_H_
#define ECTL_OUTPUT_AUTH_TEXT_H_

#include <string>
#include <string_view>

#include "google/protobuf/repeated_ptr_field.h"

namespace authpb {
class Permission;
}

namespace ectl::output {

// `role get` in the simple format:
//   Role r1
//   KV Read:
//   \t/a                       (a single key)
//   \t[/f, <open ended>        (range_end "\0")
//   \t[/b, /c) (prefix /b)     (range_end is the key's prefix end)
//   KV Write:
//   ...
// READ and READWRITE permissions are listed under "KV Read:", WRITE and READWRITE under
// "KV Write:", each in server order; keys are written as raw bytes.
std::string RoleGetText(std::string_view role,
                        const google::protobuf::RepeatedPtrField<authpb::Permission>& perms);

// The line for one permission's range, without the tab and newline.
std::string PermissionRangeText(const authpb::Permission& perm);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_AUTH_TEXT_H_
