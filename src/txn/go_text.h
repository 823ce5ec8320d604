// Go's text rules that the txn grammar inherits from etcdctl: strings.TrimSpace,
// strconv.Unquote, and the parts of fmt.Sscanf ("%q", "%s", literals, spaces) that
// etcdctl's compare lines go through. Reproduced exactly, error texts included, because
// the error line of a bad transaction is part of etcdctl's observable behaviour.
#ifndef ECTL_TXN_GO_TEXT_H_
#define ECTL_TXN_GO_TEXT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/bytes.h"

namespace ectl::txn {

// UTF-8 decoding and encoding are common/bytes.h's (Go's unicode/utf8 rules); the
// names are brought in here because the grammar and its callers use them as txn's.
using ectl::AppendRune;
using ectl::DecodeRune;
using ectl::Rune;

// unicode.IsSpace (also fmt's notion of space).
bool IsGoSpace(char32_t r);
// strings.TrimSpace.
std::string_view GoTrimSpace(std::string_view s);

// strconv.Unquote: a "double-quoted", `back-quoted` or 'c' literal. nullopt on a syntax
// error (Go's "invalid syntax").
std::optional<std::string> GoUnquote(std::string_view quoted);

// A failed scan: Go's error text and the byte offset where scanning stopped.
struct ScanError {
  std::string message;
  size_t offset;
};

// fmt.Sscanf(text, "%q) %s %q", &key, &op, &value): how etcdctl reads what follows the
// "(" of a compare line. count is the number of items stored (Sscanf's n); error is set
// when count < 3. The offsets locate op and value in text (for error carets).
struct CompareScan {
  int count = 0;
  std::string key, op, value;
  size_t op_offset = 0, value_offset = 0;
  std::optional<ScanError> error;
};
CompareScan ScanCompare(std::string_view text);

// fmt.Sscanf(token, "%q", &out) for a double-quoted op-line token; nullopt on error
// (whose text is always "invalid syntax" for tokens argify produces).
std::optional<std::string> ScanQuoted(std::string_view token);

}  // namespace ectl::txn

#endif  // ECTL_TXN_GO_TEXT_H_
