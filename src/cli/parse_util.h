// Small text helpers shared by the command-line layer.
#ifndef ECTL_CLI_PARSE_UTIL_H_
#define ECTL_CLI_PARSE_UTIL_H_

#include <string>
#include <string_view>

namespace ectl::cli {

// strings.TrimSpace.
std::string TrimSpace(std::string_view s);
// ASCII upper-case.
std::string ToUpper(std::string_view s);

}  // namespace ectl::cli

#endif  // ECTL_CLI_PARSE_UTIL_H_
