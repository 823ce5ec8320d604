#include "cli/error_hints.h"

namespace ectl::cli {

std::string ErrorHint(const std::string& error, const std::string& user) {
  if (error == "etcdserver: permission denied") {
    if (user.empty()) return "permission denied: no --user was given";
    return "permission denied: no role of user \"" + user +
           "\" grants this request on these keys (see `user get " + user + " --detail`)";
  }
  if (error == "etcdserver: user name is empty") {
    return "authentication is enabled on this cluster: give --user (the password by --user "
           "name:password, --password, --password-file or a prompt)";
  }
  if (error == "etcdserver: authentication failed, invalid user ID or password") {
    return "authentication failed for user \"" + user + "\": unknown user or wrong password";
  }
  if (error == "etcdserver: no leader") {
    return "the cluster has no leader: too few members can reach each other (see `endpoint "
           "status --cluster`)";
  }
  return "";
}

}  // namespace ectl::cli
