#include "cli/batch_script.h"

#include <algorithm>

namespace ectl::cli {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  Lexer(std::string_view text, int first_line) : text_(text), line_(first_line) {}

  std::vector<ScriptCommand> Parse() {
    std::vector<ScriptCommand> commands;
    while (pos_ < text_.size()) {
      ScriptCommand command = Command();
      if (!command.words.empty()) commands.push_back(std::move(command));
    }
    return commands;
  }

 private:
  [[nodiscard]] bool At(char c, size_t ahead = 0) const {
    return pos_ + ahead < text_.size() && text_[pos_ + ahead] == c;
  }

  // One logical line (with its continuations) and its here-document.
  ScriptCommand Command() {
    ScriptCommand command;
    command.line = line_;
    std::string word;
    bool in_word = false;      // a word has started (quotes make even an empty one)
    bool want_delim = false;   // the next word is a here-document's delimiter
    bool heredoc = false, strip_tabs = false;
    std::string delim;
    auto finish = [&] {
      if (!in_word) return;
      if (want_delim) {
        delim = std::move(word);
        want_delim = false;
      } else {
        command.words.push_back(std::move(word));
      }
      word.clear();
      in_word = false;
    };
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        ++line_;
        break;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        finish();
        ++pos_;
        continue;
      }
      if (!in_word && c == '#') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
        continue;
      }
      if (!in_word && c == '<' && At('<', 1)) {
        if (heredoc || want_delim) throw ScriptError(line_, "only one here-document per command");
        pos_ += 2;
        if (At('-')) {
          strip_tabs = true;
          ++pos_;
        }
        heredoc = want_delim = true;
        continue;
      }
      if (c == '\\') {
        if (pos_ + 1 >= text_.size()) {
          throw ScriptError(line_, "backslash at the end of the input", true);
        }
        if (text_[pos_ + 1] == '\n') {  // continuation: the next line joins this one
          ++line_;
        } else {
          word += text_[pos_ + 1];
          in_word = true;
        }
        pos_ += 2;
        continue;
      }
      in_word = true;
      if (c == '\'') {
        ++pos_;
        size_t end = text_.find_first_of("'\n", pos_);
        if (end == std::string_view::npos || text_[end] != '\'') {
          throw ScriptError(line_, "unterminated single quote");
        }
        word.append(text_.substr(pos_, end - pos_));
        pos_ = end + 1;
        continue;
      }
      if (c == '"') {
        ++pos_;
        DoubleQuoted(word);
        continue;
      }
      if (c == '$' && At('\'', 1)) {
        pos_ += 2;
        AnsiQuoted(word);
        continue;
      }
      word += c;
      ++pos_;
    }
    finish();
    if (want_delim) throw ScriptError(command.line, "here-document without a delimiter word");
    if (heredoc) {
      if (command.words.empty()) throw ScriptError(command.line, "here-document without a command");
      command.input = HereDocument(command.line, delim, strip_tabs);
    }
    return command;
  }

  void DoubleQuoted(std::string& word) {
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] == '\n') {
        throw ScriptError(line_, "unterminated double quote");
      }
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        char n = text_[pos_ + 1];
        if (n == '\n') {
          pos_ += 2;
          ++line_;
          continue;
        }
        if (n == '$' || n == '`' || n == '"' || n == '\\') {
          word += n;
          pos_ += 2;
          continue;
        }
      }
      word += c;
      ++pos_;
    }
  }

  void AnsiQuoted(std::string& word) {
    for (;;) {
      if (pos_ >= text_.size() || text_[pos_] == '\n') {
        throw ScriptError(line_, "unterminated $'...' quote");
      }
      char c = text_[pos_++];
      if (c == '\'') return;
      if (c != '\\' || pos_ >= text_.size() || text_[pos_] == '\n') {
        word += c;
        continue;
      }
      char e = text_[pos_++];
      switch (e) {
        case 'a': word += '\a'; break;
        case 'b': word += '\b'; break;
        case 'e': word += '\x1b'; break;
        case 'f': word += '\f'; break;
        case 'n': word += '\n'; break;
        case 'r': word += '\r'; break;
        case 't': word += '\t'; break;
        case 'v': word += '\v'; break;
        case '\\': case '\'': case '"': case '?': word += e; break;
        case 'x': {
          int value = 0, digits = 0;
          while (digits < 2 && pos_ < text_.size() && HexValue(text_[pos_]) >= 0) {
            value = value * 16 + HexValue(text_[pos_++]);
            ++digits;
          }
          if (digits == 0) {
            word += "\\x";
          } else {
            word += static_cast<char>(value);
          }
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0', digits = 1;
            while (digits < 3 && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '7') {
              value = value * 8 + (text_[pos_++] - '0');
              ++digits;
            }
            word += static_cast<char>(value & 0xff);
          } else {
            word += '\\';
            word += e;
          }
      }
    }
  }

  std::string HereDocument(int command_line, const std::string& delim, bool strip_tabs) {
    std::string body;
    while (pos_ < text_.size()) {
      size_t end = text_.find('\n', pos_);
      bool has_newline = end != std::string_view::npos;
      if (!has_newline) end = text_.size();
      std::string_view line = text_.substr(pos_, end - pos_);
      pos_ = has_newline ? end + 1 : end;
      ++line_;
      if (strip_tabs) line.remove_prefix(std::min(line.find_first_not_of('\t'), line.size()));
      if (line == delim) return body;
      body.append(line);
      body += '\n';
    }
    throw ScriptError(command_line, "here-document delimited by \"" + delim + "\" is not closed",
                      true);
  }

  std::string_view text_;
  size_t pos_ = 0;
  int line_;
};

}  // namespace

std::vector<ScriptCommand> ParseScript(std::string_view text, int first_line) {
  return Lexer(text, first_line).Parse();
}

}  // namespace ectl::cli
