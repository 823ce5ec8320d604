// Splits an op line ("put k \"v w\" --prev-kv") into words as etcdctl's txn does: a
// "double-quoted" word is unquoted with Go's rules, a 'single-quoted' word loses its
// quotes, any other run of non-blanks is a word as is.
#ifndef ECTL_TXN_ARGIFY_H_
#define ECTL_TXN_ARGIFY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::txn {

struct Word {
  std::string text;  // after unquoting
  size_t offset;     // byte offset of the word in the line
};

// Throws LineError(kInvalidInput, "invalid syntax") at the word when a double-quoted word
// is not a valid Go string literal.
//
// etcdctl 3.4 cuts a single-quoted word by the number of words on the line instead of the
// word's own length (`put 'sq' 'single quoted'` stores key "s" value "s", or panics); the
// quotes are stripped correctly here, as etcdctl 3.5.28 and 3.6.9 do.
std::vector<Word> Argify(std::string_view line);

}  // namespace ectl::txn

#endif  // ECTL_TXN_ARGIFY_H_
