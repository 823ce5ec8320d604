#include "output/table_writer.h"

#include <algorithm>
#include <climits>
#include <cctype>

#include "output/color.h"

namespace ectl::output {
namespace {

constexpr size_t kMaxCellWidth = 30;  // tablewriter's MAX_ROW_WIDTH
constexpr long kPenalty = 100000;     // its penalty for a line over the limit

bool IsNumOrSpace(char c) { return (c >= '0' && c <= '9') || c == ' '; }

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string Repeat(char c, size_t n) { return std::string(n, c); }

// A cell as tablewriter lays it out: its lines and the column width it asks for.
struct Cell {
  std::vector<std::string> lines;
  size_t width = 0;
};

Cell Layout(std::string_view text) {
  Cell cell;
  std::vector<std::string> raw = Split(text, '\n');
  size_t max_width = 0;
  for (const auto& line : raw) max_width = std::max(max_width, DisplayWidth(line));
  max_width = std::min(max_width, kMaxCellWidth);
  // With reflow (the default) the paragraphs become one before wrapping.
  std::string joined;
  for (size_t i = 0; i < raw.size(); ++i) joined += (i ? " " : "") + raw[i];
  size_t new_width = max_width;
  for (auto& line : WrapCell(joined, max_width)) {
    new_width = std::max(new_width, DisplayWidth(line));
    cell.lines.push_back(std::move(line));
  }
  cell.width = new_width;
  return cell;
}

std::string Border(const std::vector<size_t>& widths) {
  std::string out = "+";
  for (size_t w : widths) out += Repeat('-', w + 2) + "+";
  return out + "\n";
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  // Code points; every character etcdctl puts in a table (ASCII, µ) is one column wide.
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string TableTitle(std::string_view name) {
  std::string s(name);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_') {
      s[i] = ' ';
    } else if (s[i] == '.') {
      // A dot between digits (a version number) stays.
      if ((i != 0 && !IsNumOrSpace(s[i - 1])) || (i + 1 != s.size() && !IsNumOrSpace(s[i + 1]))) {
        s[i] = ' ';
      }
    }
  }
  size_t b = s.find_first_not_of(" \t\n\r\v\f");
  size_t e = s.find_last_not_of(" \t\n\r\v\f");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  if (s.empty() && !name.empty()) s.assign(1, ' ');
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> WrapCell(std::string_view text, size_t limit) {
  std::vector<std::string> words = Split(text, ' ');
  // As tablewriter does, the limit grows to the widest word.
  long lim = static_cast<long>(limit);
  for (const auto& w : words) lim = std::max(lim, static_cast<long>(DisplayWidth(w)));
  const size_t n = words.size();
  // length(i, j): words i..j joined by single spaces.
  std::vector<long> width(n);
  for (size_t i = 0; i < n; ++i) width[i] = static_cast<long>(DisplayWidth(words[i]));
  auto length = [&](size_t i, size_t j) {
    long l = 0;
    for (size_t k = i; k <= j; ++k) l += width[k] + (k > i ? 1 : 0);
    return l;
  };
  std::vector<long> cost(n, INT_MAX);
  std::vector<size_t> next(n, n);
  for (size_t ii = n; ii-- > 0;) {
    if (length(ii, n - 1) <= lim) {
      cost[ii] = 0;
      next[ii] = n;
      continue;
    }
    for (size_t j = ii + 1; j < n; ++j) {
      long len = length(ii, j - 1);
      long d = lim - len;
      long c = d * d + cost[j];
      if (len > lim) c += kPenalty;
      if (c < cost[ii]) {
        cost[ii] = c;
        next[ii] = j;
      }
    }
  }
  std::vector<std::string> lines;
  for (size_t i = 0; i < n; i = next[i]) {
    std::string line;
    for (size_t k = i; k < next[i]; ++k) line += (k > i ? " " : "") + words[k];
    lines.push_back(std::move(line));
  }
  return lines;
}

std::string RenderTable(const Rows& table, bool bold_header) {
  const size_t columns = table.header.size();
  std::vector<size_t> widths(columns, 0);
  std::vector<Cell> header;
  for (size_t c = 0; c < columns; ++c) {
    header.push_back(Layout(table.header[c]));
    widths[c] = std::max(widths[c], header.back().width);
  }
  std::vector<std::vector<Cell>> rows;
  for (const auto& row : table.rows) {
    std::vector<Cell> cells;
    for (size_t c = 0; c < columns; ++c) {
      cells.push_back(Layout(c < row.size() ? row[c] : std::string()));
      widths[c] = std::max(widths[c], cells.back().width);
    }
    rows.push_back(std::move(cells));
  }

  std::string out = Border(widths);
  size_t header_height = 0;
  for (const auto& h : header) header_height = std::max(header_height, h.lines.size());
  for (size_t line = 0; line < header_height; ++line) {
    out += "|";
    for (size_t c = 0; c < columns; ++c) {
      std::string title = TableTitle(line < header[c].lines.size() ? header[c].lines[line] : "");
      size_t w = DisplayWidth(title);
      size_t gap = widths[c] > w ? widths[c] - w : 0;
      out += ' ';
      out.append(gap / 2, ' ');
      out += Paint(title, sgr::kBold, bold_header && !title.empty());
      out.append(gap - gap / 2, ' ');
      out += " |";
    }
    out += "\n";
  }
  out += Border(widths);
  for (const auto& row : rows) {
    size_t height = 0;
    for (const auto& cell : row) height = std::max(height, cell.lines.size());
    for (size_t line = 0; line < height; ++line) {
      out += "|";
      for (size_t c = 0; c < columns; ++c) {
        // Missing lines of shorter cells are two spaces in tablewriter.
        std::string text = line < row[c].lines.size() ? row[c].lines[line] : "  ";
        size_t w = DisplayWidth(text);
        out += ' ';
        out.append(widths[c] > w ? widths[c] - w : 0, ' ');
        out += text;
        out += " |";
      }
      out += "\n";
    }
  }
  out += Border(widths);
  return out;
}

std::string RenderSimpleRows(const Rows& table) {
  std::string out;
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? ", " : "") + row[i];
    out += "\n";
  }
  return out;
}

}  // namespace ectl::output
