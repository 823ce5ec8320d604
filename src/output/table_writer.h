// RenderTable: the table etcdctl draws with olekukonko/tablewriter (header set, every
// cell right-aligned, all other settings at their defaults).
//
// What is reproduced: '+'/'-'/'|' borders with a separator above the header, below it
// and at the bottom; header titles upper-cased with '_' and '.' turned into spaces and
// centred; cells wider than 30 columns wrapped at spaces with tablewriter's
// minimum-raggedness algorithm, the wrapped lines adding physical rows. Pure, no I/O.
#ifndef ECTL_OUTPUT_TABLE_WRITER_H_
#define ECTL_OUTPUT_TABLE_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace ectl::output {

struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// bold_header: the titles in bold (SGR), for a terminal; the layout is unchanged.
std::string RenderTable(const Rows& table, bool bold_header = false);

// Each row's cells joined by ", ", one line per row (the simple format of the same rows).
std::string RenderSimpleRows(const Rows& table);

// tablewriter's helpers, exposed for tests.
std::string TableTitle(std::string_view name);
std::vector<std::string> WrapCell(std::string_view text, size_t limit);
size_t DisplayWidth(std::string_view text);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_TABLE_WRITER_H_
