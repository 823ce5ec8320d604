#include "cli/commands/auth_requests.h"

#include <algorithm>
#include <cctype>

#include "common/bytes.h"
#include "common/error.h"

namespace ectl::cli {

authpb::Permission::Type ParsePermType(const std::string& text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "read") return authpb::Permission::READ;
  if (lower == "write") return authpb::Permission::WRITE;
  if (lower == "readwrite") return authpb::Permission::READWRITE;
  throw Error(ExitCode::kBadArgs, "invalid permission type: " + text);
}

PermRange BuildPermRange(const std::string& key, const std::optional<std::string>& end,
                         bool prefix, bool from_key) {
  static const std::string kNul(1, '\0');
  PermRange r;
  if (key.empty()) {
    // The empty key stands for "\0", and with a range flag for the whole keyspace; an
    // end key is ignored here, as etcdctl ignores it.
    if (prefix && from_key) {
      throw Error(ExitCode::kBadArgs, "--from-key and --prefix flags are mutually exclusive");
    }
    r.key = kNul;
    if (prefix || from_key) r.range_end = kNul;
    return r;
  }
  r.key = key;
  if (!end) {
    if (prefix && from_key) {
      throw Error(ExitCode::kBadArgs, "--from-key and --prefix flags are mutually exclusive");
    }
    if (prefix) r.range_end = PrefixEnd(key);
    else if (from_key) r.range_end = kNul;
    return r;
  }
  if (prefix) throw Error(ExitCode::kBadArgs, "unexpected endkey argument with --prefix flag");
  if (from_key) throw Error(ExitCode::kBadArgs, "unexpected endkey argument with --from-key flag");
  r.range_end = *end;
  return r;
}

authpb::Permission BuildGrantPermission(const std::vector<std::string>& args, bool prefix,
                                        bool from_key) {
  if (args.size() < 3) {
    throw Error(ExitCode::kBadArgs,
                "role grant command requires role name, permission type, and key [endkey] as "
                "its argument");
  }
  authpb::Permission perm;
  perm.set_permtype(ParsePermType(args[1]));
  std::optional<std::string> end;
  if (args.size() > 3) end = args[3];
  PermRange r = BuildPermRange(args[2], end, prefix, from_key);
  perm.set_key(r.key);
  perm.set_range_end(r.range_end);
  return perm;
}

std::string RevokeText(const std::string& role, const std::string& key_arg,
                       const std::string& range_end) {
  std::string text = "Permission of ";
  if (range_end.empty()) {
    text += "key " + key_arg;
  } else if (range_end == std::string(1, '\0')) {
    text += "range [" + key_arg + ", <open ended>";
  } else {
    text += "range [" + key_arg + ", " + range_end + ")";
  }
  return text + " is revoked from role " + role;
}

UserAddSource ResolveUserAdd(const std::string& arg, const std::string& new_user_password,
                             bool no_password) {
  UserAddSource s;
  if (!new_user_password.empty()) {
    s.name = arg;
    s.password = new_user_password;
    return s;
  }
  auto colon = arg.find(':');
  if (colon == std::string::npos) {
    s.name = arg;
    if (no_password) {
      s.no_password = true;
      s.password = "";
    }
  } else {
    s.name = arg.substr(0, colon);
    s.password = arg.substr(colon + 1);
  }
  if (s.name.empty()) throw Error(ExitCode::kBadArgs, "empty user name is not allowed");
  return s;
}

std::string FirstWord(const std::string& text) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  auto begin = std::find_if_not(text.begin(), text.end(), is_space);
  auto end = std::find_if(begin, text.end(), is_space);
  return std::string(begin, end);
}

}  // namespace ectl::cli
