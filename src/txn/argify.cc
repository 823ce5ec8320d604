#include "txn/argify.h"

#include "txn/go_text.h"
#include "txn/line_error.h"

namespace ectl::txn {
namespace {

// Go regexp's \s: ASCII blanks only (no \v).
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

}  // namespace

std::vector<Word> Argify(std::string_view line) {
  // etcdctl matches `"(?:[^"\\]|\\.)*"|'[^']*'|[^'"\s]\S*[^'"\s]?` repeatedly; the three
  // alternatives start with different characters, and a quote that opens no complete
  // quoted word is skipped, as the regexp skips positions where nothing matches.
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (IsBlank(c)) {
      ++i;
    } else if (c == '"') {
      size_t j = i + 1;
      while (j < line.size() && line[j] != '"') {
        if (line[j] == '\\') {
          // `\\.`: "." matches any character but a newline.
          if (j + 1 >= line.size() || line[j + 1] == '\n') break;
          j += DecodeRune(line, j + 1).size + 1;
        } else {
          ++j;
        }
      }
      if (j >= line.size() || line[j] != '"') {
        ++i;  // no closing quote: this quote is skipped
        continue;
      }
      std::string_view token = line.substr(i, j + 1 - i);
      auto text = ScanQuoted(token);
      if (!text) throw LineError(ExitCode::kInvalidInput, "invalid syntax", i);
      words.push_back({*text, i});
      i = j + 1;
    } else if (c == '\'') {
      size_t j = line.find('\'', i + 1);
      if (j == std::string_view::npos) {
        ++i;
        continue;
      }
      words.push_back({std::string(line.substr(i + 1, j - i - 1)), i});
      i = j + 1;
    } else {
      size_t j = i;
      while (j < line.size() && !IsBlank(line[j])) ++j;
      words.push_back({std::string(line.substr(i, j - i)), i});
      i = j;
    }
  }
  return words;
}

}  // namespace ectl::txn
