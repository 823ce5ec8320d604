// A line of advice for the errors people most often cannot place (permission denied,
// missing user, no leader, failed authentication), printed ahead of etcdctl's own
// `Error:` line, which stays unchanged for scripts. Pure; unit-tested.
#ifndef ECTL_CLI_ERROR_HINTS_H_
#define ECTL_CLI_ERROR_HINTS_H_

#include <string>

namespace ectl::cli {

// The advice for an error text ("etcdserver: permission denied"), or "" for none.
// user is the --user name ("" when none was given).
std::string ErrorHint(const std::string& error, const std::string& user);

}  // namespace ectl::cli

#endif  // ECTL_CLI_ERROR_HINTS_H_
