// LineEditor: the one libedit set-up of ectl, for the prompts a person types into at a
// terminal (`txn -i`, `ectl shell`): emacs key bindings, history kept in memory and in
// $XDG_STATE_HOME/ectl/<name> (default ~/.local/state/ectl/<name>), Tab completion through
// a callback, and Ctrl-C read as a key (the terminal does not turn it into SIGINT while a
// line is edited), so that leaving always restores the terminal first.
#ifndef ECTL_CLI_LINE_EDITOR_H_
#define ECTL_CLI_LINE_EDITOR_H_

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::cli {

// What Tab can make of the word before the cursor.
struct Completion {
  std::string prefix;                   // the part of the word already typed
  std::vector<std::string> candidates;  // full words starting with prefix
  std::string suffix;                   // appended after a unique candidate
};

// The longest common prefix of words.
std::string CommonPrefix(const std::vector<std::string>& words);

// The history file for name under the state directory (created if missing), or "" when
// neither XDG_STATE_HOME nor HOME is set (the history then stays in memory).
std::string HistoryPath(const std::string& name);

class LineEditor {
 public:
  using Completer = std::function<Completion(std::string_view before_cursor)>;

  // Prompts and completion lists go to out; history_name names the history file.
  LineEditor(FILE* out, const std::string& history_name, Completer completer);
  ~LineEditor();  // saves the history
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  void set_prompt(std::string prompt) { prompt_ = std::move(prompt); }
  // A line without its newline (non-blank lines enter the history); false at Ctrl-D or
  // Ctrl-C, which interrupted() then tells apart.
  bool Read(std::string& line);
  [[nodiscard]] bool interrupted() const { return interrupted_; }

 private:
  struct Callbacks;
  void* el_ = nullptr;    // EditLine*
  void* hist_ = nullptr;  // History*
  FILE* out_;
  std::string path_;
  std::string prompt_;
  Completer completer_;
  bool interrupted_ = false;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_LINE_EDITOR_H_
