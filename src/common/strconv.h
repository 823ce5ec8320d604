// Go-compatible number and duration parsing.
//
// etcdctl's error texts embed Go's strconv/time messages verbatim (for example
// `bad lease ID (strconv.ParseInt: parsing "zz": invalid syntax), expecting ID in Hex`),
// so these parsers reproduce both Go's grammar and its messages. On failure they throw
// ParseError whose what() is exactly Go's err.Error().
#ifndef ECTL_COMMON_STRCONV_H_
#define ECTL_COMMON_STRCONV_H_

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ectl {

class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// strconv.ParseInt(s, base, 64); base 0 means "from the prefix" (0x, 0o, 0b, 0).
int64_t ParseInt(std::string_view s, int base);
// strconv.ParseUint(s, base, 64).
uint64_t ParseUint(std::string_view s, int base);
// strconv.ParseBool.
bool ParseBool(std::string_view s);

// time.ParseDuration: "300ms", "1.5h", "2m3s", "-1s", "0".
std::chrono::nanoseconds ParseDuration(std::string_view s);
// time.Duration.String(): "1.5s", "3.651847ms", "850µs", "1m0.5s", "0s".
std::string FormatDuration(std::chrono::nanoseconds d);

}  // namespace ectl

#endif  // ECTL_COMMON_STRCONV_H_
