// The script language of `ectl batch` and `ectl shell`: one command per line, split into
// words with a subset of POSIX sh's quoting, and here-documents for the commands that read
// standard input. Pure (no I/O), so that every rule is unit-tested.
//
// The rules (also in batch's long help):
// - Words are separated by unquoted blanks (spaces, tabs); an unquoted newline ends the
//   command. Blank lines are ignored; `#` at the start of an unquoted word starts a
//   comment that runs to the end of the line.
// - Backslash outside quotes keeps the next character literally; backslash-newline joins
//   the next line to this one (the command keeps the number of its first line).
// - '...' keeps everything literally up to the next single quote (no escapes).
// - "..." keeps everything literally except that a backslash before $ ` " \ or a
//   newline escapes it (POSIX sh); before any other character the backslash stays.
// - $'...' (as bash, ksh, zsh) takes the escapes \a \b \e \f \n \r \t \v \\ \' \" \?
//   \xHH (one or two hex digits) and \NNN (one to three octal digits), so any byte,
//   NUL included, can be written; an unknown escape keeps its backslash.
// - A quote must close on the line it opened (a newline inside '...', "..." or $'...'
//   is an error): multi-line values come from a here-document or $'\n'.
// - Quotes may be adjacent to other text in one word (a'b'"c" is abc); '' and "" make an
//   empty word. Nothing is expanded: $VAR, *, ~, ;, |, & and > are ordinary characters.
// - `<<WORD` or `<< WORD` (unquoted `<<` at the start of a word) gives the command a
//   here-document: the lines after the command up to a line that is exactly WORD become
//   its standard input, each with its newline. WORD may be quoted (quotes are removed;
//   nothing is expanded either way). `<<-WORD` also removes leading tabs from those lines
//   and from the closing line. One here-document per command.
#ifndef ECTL_CLI_BATCH_SCRIPT_H_
#define ECTL_CLI_BATCH_SCRIPT_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::cli {

// One command of a script.
struct ScriptCommand {
  int line = 0;                      // the number of its first line (1-based)
  std::vector<std::string> words;    // never empty
  std::optional<std::string> input;  // the here-document, if any
};

// A script that cannot be split. incomplete() is true when more input could complete it
// (a backslash-newline or an open here-document at the end), so that an interactive
// reader can ask for another line instead of reporting an error.
class ScriptError : public std::runtime_error {
 public:
  ScriptError(int line, const std::string& message, bool incomplete = false)
      : std::runtime_error(message), line_(line), incomplete_(incomplete) {}
  [[nodiscard]] int line() const { return line_; }
  [[nodiscard]] bool incomplete() const { return incomplete_; }

 private:
  int line_;
  bool incomplete_;
};

// Splits a whole script. first_line is the number of text's first line. Throws
// ScriptError for the first problem met.
std::vector<ScriptCommand> ParseScript(std::string_view text, int first_line = 1);

}  // namespace ectl::cli

#endif  // ECTL_CLI_BATCH_SCRIPT_H_
