// Byte-string helpers shared by the printers, the parsers and the request builders.
// All functions are pure and binary-safe (keys and values may hold any byte).
#ifndef ECTL_COMMON_BYTES_H_
#define ECTL_COMMON_BYTES_H_

#include <string>
#include <string_view>

namespace ectl {

// "\x66\x6f\x6f" for "foo": etcdctl's --hex rendering of keys and values.
std::string HexEscape(std::string_view bytes);

// Go's strconv.Quote (fmt "%q"): printable UTF-8 kept, the rest escaped.
std::string GoQuote(std::string_view bytes);
void AppendGoQuote(std::string& out, std::string_view bytes);

// A JSON string literal as Go's encoding/json writes it: HTML-safe (<, >, & escaped),
// U+2028/U+2029 escaped, invalid UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// Standard base64 with padding, as encoding/json renders []byte.
void AppendBase64(std::string& out, std::string_view bytes);

// The smallest key greater than every key starting with prefix; "\0" (meaning "to the end
// of the keyspace") when no such key exists (prefix empty or all 0xff).
std::string PrefixEnd(std::string_view prefix);

}  // namespace ectl

#endif  // ECTL_COMMON_BYTES_H_
