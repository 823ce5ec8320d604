// Byte-string helpers shared by the printers, the parsers and the request builders:
// Go's UTF-8 decoding (unicode/utf8), printability and quoting (strconv.IsPrint,
// strconv.Quote), encoding/json's string escaping, base64, --hex escaping and prefix
// ranges. All functions are pure and binary-safe (keys and values may hold any byte).
#ifndef ECTL_COMMON_BYTES_H_
#define ECTL_COMMON_BYTES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace ectl {

// A rune decoded from UTF-8 and its length in bytes.
struct Rune {
  char32_t value;
  size_t size;
};
// utf8.DecodeRuneInString(s[pos:]): an invalid or truncated sequence (overlong forms,
// surrogates and values above U+10FFFF included) decodes as U+FFFD with size 1.
// pos must be < s.size().
Rune DecodeRune(std::string_view s, size_t pos);
// utf8.AppendRune: invalid runes (surrogates, > U+10FFFF) are written as U+FFFD.
void AppendRune(std::string& out, char32_t r);

// strconv.IsPrint of the Go release that built etcdctl (go1.19.8, Unicode 13.0.0),
// from the generated table isprint_table.inc (see gen_isprint.py).
bool GoIsPrint(char32_t r);

// "\x66\x6f\x6f" for "foo": etcdctl's --hex rendering of keys and values.
std::string HexEscape(std::string_view bytes);

// Go's strconv.Quote (fmt "%q"): runes GoIsPrint accepts kept, the rest escaped
// (\a \b \f \n \r \t \v, \xHH below U+0080 and for each invalid byte, \uHHHH, \UHHHHHHHH).
std::string GoQuote(std::string_view bytes);
void AppendGoQuote(std::string& out, std::string_view bytes);

// A JSON string literal as Go's encoding/json writes it: HTML-safe (<, >, & escaped),
// U+2028/U+2029 escaped, invalid UTF-8 replaced by U+FFFD.
void AppendJsonString(std::string& out, std::string_view text);

// Standard base64 with padding, as encoding/json renders []byte.
void AppendBase64(std::string& out, std::string_view bytes);
// Decodes standard base64 (padding required, as Go's base64.StdEncoding); false on any
// byte outside the alphabet, a bad length or bad padding (out is then unspecified).
bool DecodeBase64(std::string_view text, std::string& out);

// True when bytes is valid UTF-8 as Go's utf8.ValidString defines it (no surrogates,
// overlong forms or values above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// The smallest key greater than every key starting with prefix; "\0" (meaning "to the end
// of the keyspace") when no such key exists (prefix empty or all 0xff).
std::string PrefixEnd(std::string_view prefix);

}  // namespace ectl

#endif  // ECTL_COMMON_BYTES_H_
