#include "txn/go_text.h"

#include <cstdint>

namespace ectl::txn {
namespace {

constexpr char32_t kRuneError = 0xFFFD;
constexpr char32_t kEof = static_cast<char32_t>(-1);

int Unhex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// strconv.UnquoteChar: one character of a quoted literal at s[pos]; false on error.
bool UnquoteChar(std::string_view s, size_t& pos, char quote, std::string& out) {
  unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) return false;
  if (c >= 0x80) {
    Rune r = DecodeRune(s, pos);
    AppendRune(out, r.value);
    pos += r.size;
    return true;
  }
  if (c != '\\') {
    out += static_cast<char>(c);
    ++pos;
    return true;
  }
  if (pos + 1 >= s.size()) return false;
  char e = s[pos + 1];
  pos += 2;
  switch (e) {
    case 'a': out += '\a'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'v': out += '\v'; return true;
    case '\\': out += '\\'; return true;
    case '\'':
    case '"':
      if (e != quote) return false;
      out += e;
      return true;
    case 'x':
    case 'u':
    case 'U': {
      size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() - pos < n) return false;
      uint32_t v = 0;
      for (size_t j = 0; j < n; ++j) {
        int x = Unhex(s[pos + j]);
        if (x < 0) return false;
        v = v << 4 | static_cast<uint32_t>(x);
      }
      pos += n;
      if (e == 'x') {
        out += static_cast<char>(v);  // a single byte, not necessarily UTF-8
        return true;
      }
      if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;  // utf8.ValidRune
      AppendRune(out, v);
      return true;
    }
    default:
      if (e >= '0' && e <= '7') {
        if (s.size() - pos < 2) return false;
        uint32_t v = static_cast<uint32_t>(e - '0');
        for (size_t j = 0; j < 2; ++j) {
          char d = s[pos + j];
          if (d < '0' || d > '7') return false;
          v = v << 3 | static_cast<uint32_t>(d - '0');
        }
        pos += 2;
        if (v > 255) return false;
        out += static_cast<char>(v);
        return true;
      }
      return false;
  }
}

struct Failure {
  std::string message;
  size_t offset;  // where the offending input starts (the end for EOF errors)
};

// The part of fmt's scan state that "%q", "%s", literals and spaces use. Errors are
// thrown (as fmt panics internally) and turned into ScanError by the caller.
class Scanner {
 public:
  explicit Scanner(std::string_view in) : in_(in) {}

  size_t pos() const { return pos_; }

  char32_t GetRune() {
    if (pos_ >= in_.size()) return kEof;
    Rune r = DecodeRune(in_, pos_);
    last_ = pos_;
    pos_ += r.size;
    return r.value;
  }
  void Unread() { pos_ = last_; }
  char32_t MustReadRune() {
    char32_t r = GetRune();
    if (r == kEof) throw Failure{"unexpected EOF", pos_};
    return r;
  }
  void NotEof() {
    if (GetRune() == kEof) throw Failure{"EOF", pos_};
    Unread();
  }

  void SkipSpace() {
    for (;;) {
      char32_t r = GetRune();
      if (r == kEof) return;
      if (r == '\r' && pos_ < in_.size() && in_[pos_] == '\n') continue;
      if (r == '\n') throw Failure{"unexpected newline", last_};
      if (!IsGoSpace(r)) {
        Unread();
        return;
      }
    }
  }

  // A run of spaces in the format (not after a newline): at least one input space, or
  // the end of the input.
  void FormatSpace() {
    char32_t r = GetRune();
    if (r != kEof && !IsGoSpace(r)) throw Failure{"expected space in input to match format", last_};
    if (r == '\n') throw Failure{"newline in input does not match format", last_};
    while (r != kEof && IsGoSpace(r) && r != '\n') r = GetRune();
    if (r != kEof) Unread();
  }

  void Literal(char32_t c) {
    char32_t r = MustReadRune();
    if (r != c) {
      Unread();
      throw Failure{"input does not match format", pos_};
    }
  }

  // %q into a string.
  std::string Quoted() {
    SkipSpace();  // before the verb
    SkipSpace();  // convertString
    NotEof();
    NotEof();     // quotedString
    char32_t quote = GetRune();
    const size_t start = last_;
    std::string buf;
    if (quote == '`') {
      for (;;) {
        char32_t r = MustReadRune();
        if (r == quote) return buf;
        AppendRune(buf, r);
      }
    }
    if (quote != '"') throw Failure{"expected quoted string", start};
    buf += '"';
    for (;;) {
      char32_t r = MustReadRune();
      AppendRune(buf, r);
      if (r == '\\') {
        AppendRune(buf, MustReadRune());
      } else if (r == '"') {
        break;
      }
    }
    auto out = GoUnquote(buf);
    if (!out) throw Failure{"invalid syntax", start};
    return *out;
  }

  // %s into a string: the next run of non-space runes.
  std::string Word() {
    SkipSpace();
    SkipSpace();
    NotEof();
    std::string buf;
    for (;;) {
      char32_t r = GetRune();
      if (r == kEof) break;
      if (IsGoSpace(r)) {
        Unread();
        break;
      }
      AppendRune(buf, r);
    }
    return buf;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  size_t last_ = 0;
};

}  // namespace

bool IsGoSpace(char32_t r) {
  switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

std::string_view GoTrimSpace(std::string_view s) {
  size_t start = 0;
  while (start < s.size()) {
    Rune r = DecodeRune(s, start);
    if (!IsGoSpace(r.value)) break;
    start += r.size;
  }
  size_t end = s.size();
  while (end > start) {
    // Step back to the start of the last rune.
    size_t p = end - 1;
    while (p > start && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && end - p < 4) --p;
    Rune r = DecodeRune(s, p);
    if (p + r.size != end) r = {kRuneError, 1}, p = end - 1;
    if (!IsGoSpace(r.value)) break;
    end = p;
  }
  return s.substr(start, end - start);
}

std::optional<std::string> GoUnquote(std::string_view in) {
  if (in.size() < 2) return std::nullopt;
  char quote = in.front();
  if (quote != in.back()) return std::nullopt;
  std::string_view s = in.substr(1, in.size() - 2);
  if (quote == '`') {
    if (s.find('`') != std::string_view::npos) return std::nullopt;
    std::string out;
    for (char c : s) {
      if (c != '\r') out += c;  // raw strings drop carriage returns
    }
    return out;
  }
  if (quote != '"' && quote != '\'') return std::nullopt;
  if (s.find('\n') != std::string_view::npos) return std::nullopt;
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) {
    if (!UnquoteChar(s, pos, quote, out)) return std::nullopt;
    if (quote == '\'' && pos != s.size()) return std::nullopt;  // one character only
  }
  return out;
}

CompareScan ScanCompare(std::string_view text) {
  CompareScan scan;
  Scanner s(text);
  try {
    scan.key = s.Quoted();
    scan.count = 1;
    s.Literal(')');
    s.FormatSpace();
    s.SkipSpace();
    scan.op_offset = s.pos();
    scan.op = s.Word();
    scan.count = 2;
    s.FormatSpace();
    s.SkipSpace();
    scan.value_offset = s.pos();
    scan.value = s.Quoted();
    scan.count = 3;
  } catch (const Failure& f) {
    scan.error = ScanError{f.message, f.offset};
  }
  return scan;
}

std::optional<std::string> ScanQuoted(std::string_view token) {
  Scanner s(token);
  try {
    return s.Quoted();
  } catch (const Failure&) {
    return std::nullopt;
  }
}

}  // namespace ectl::txn
