// Small text helpers shared by the command-line layer.
#ifndef ECTL_CLI_PARSE_UTIL_H_
#define ECTL_CLI_PARSE_UTIL_H_

#include <string>
#include <string_view>

namespace ectl::cli {

// CLI11 cannot hold an explicitly empty value ("--cert="); Run() rewrites it to this
// marker before parsing and FromArgv() turns it back into "".
inline constexpr std::string_view kEmptyValue = "\x1f<empty>\x1f";
std::string FromArgv(const std::string& raw);

// strings.TrimSpace.
std::string TrimSpace(std::string_view s);
// ASCII upper-case.
std::string ToUpper(std::string_view s);

}  // namespace ectl::cli

#endif  // ECTL_CLI_PARSE_UTIL_H_
