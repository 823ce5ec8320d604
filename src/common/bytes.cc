#include "common/bytes.h"

#include <cstdint>

namespace ectl {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Decodes one UTF-8 sequence at s[i]. Returns its length and the code point, or 0 when
// the bytes there are not valid UTF-8 (overlong forms and surrogates included).
size_t DecodeRune(std::string_view s, size_t i, char32_t& rune) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    rune = b0;
    return 1;
  }
  size_t len;
  char32_t min;
  if ((b0 & 0xe0) == 0xc0) {
    len = 2, rune = b0 & 0x1f, min = 0x80;
  } else if ((b0 & 0xf0) == 0xe0) {
    len = 3, rune = b0 & 0x0f, min = 0x800;
  } else if ((b0 & 0xf8) == 0xf0) {
    len = 4, rune = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xc0) != 0x80) return 0;
    rune = (rune << 6) | (b & 0x3f);
  }
  if (rune < min || rune > 0x10ffff || (rune >= 0xd800 && rune <= 0xdfff)) return 0;
  return len;
}

// Go's unicode.IsPrint for non-ASCII runes, approximated by its exclusions: control and
// format characters, separators other than the ASCII space, and non-characters.
bool IsPrintRune(char32_t r) {
  if (r < 0x20 || r == 0x7f) return false;
  if (r < 0x7f) return true;
  if (r <= 0xa0 || r == 0xad) return false;
  if (r == 0x034f || r == 0x061c || r == 0x1680 || r == 0x180e) return false;
  if (r >= 0x2000 && r <= 0x200f) return false;
  if (r >= 0x2028 && r <= 0x202f) return false;
  if (r >= 0x205f && r <= 0x206f) return false;
  if (r == 0x3000 || r == 0xfeff) return false;
  if (r >= 0xfff0 && r <= 0xfffb) return false;
  if ((r & 0xfffe) == 0xfffe) return false;
  if (r >= 0xe000 && r <= 0xf8ff) return false;   // private use
  if (r >= 0xf0000) return false;                  // supplementary private use
  return true;
}

void AppendHexByte(std::string& out, unsigned char b) {
  out += kHexDigits[b >> 4];
  out += kHexDigits[b & 0xf];
}

void AppendUtf8(std::string& out, std::string_view s, size_t i, size_t len) {
  out.append(s.data() + i, len);
}

}  // namespace

std::string HexEscape(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 4);
  for (unsigned char b : bytes) {
    out += "\\x";
    AppendHexByte(out, b);
  }
  return out;
}

void AppendGoQuote(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    char32_t r;
    size_t len = DecodeRune(s, i, r);
    if (len == 0) {
      out += "\\x";
      AppendHexByte(out, static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    switch (r) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      default:
        if (IsPrintRune(r)) {
          AppendUtf8(out, s, i, len);
        } else if (r < 0x80) {
          out += "\\x";
          AppendHexByte(out, static_cast<unsigned char>(r));
        } else if (r < 0x10000) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += kHexDigits[(r >> shift) & 0xf];
        } else {
          out += "\\U";
          for (int shift = 28; shift >= 0; shift -= 4) out += kHexDigits[(r >> shift) & 0xf];
        }
    }
    i += len;
  }
  out += '"';
}

std::string GoQuote(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 2);
  AppendGoQuote(out, bytes);
  return out;
}

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      char32_t r;
      size_t len = DecodeRune(s, i, r);
      if (len == 0) {
        out += "\\ufffd";
        ++i;
      } else if (r == 0x2028 || r == 0x2029) {
        out += r == 0x2028 ? "\\u2028" : "\\u2029";
        i += len;
      } else {
        AppendUtf8(out, s, i, len);
        i += len;
      }
      continue;
    }
    switch (b) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': case '>': case '&':
        out += "\\u00";
        AppendHexByte(out, b);
        break;
      default:
        if (b < 0x20) {
          out += "\\u00";
          AppendHexByte(out, b);
        } else {
          out += static_cast<char>(b);
        }
    }
    ++i;
  }
  out += '"';
}

void AppendBase64(std::string& out, std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == n) {
    uint32_t v = p[i] << 16;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == n) {
    uint32_t v = (p[i] << 16) | (p[i + 1] << 8);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(end.back());
    if (last < 0xff) {
      ++last;
      return end;
    }
    end.pop_back();
  }
  return std::string(1, '\0');
}

}  // namespace ectl
