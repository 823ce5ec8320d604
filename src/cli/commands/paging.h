// How get and export read a range in pages (client::RangePaged), with the two knobs
// tests use: ECTL_PAGE_KEYS (a fixed number of keys per page instead of pages
// sized by bytes) and ECTL_TEST_BETWEEN_PAGES
// (a shell command run before each page after the first, with ECTL_PAGE_REVISION set to
// the pinned revision; tests compact the store there). Neither is etcdctl's.
#ifndef ECTL_CLI_COMMANDS_PAGING_H_
#define ECTL_CLI_COMMANDS_PAGING_H_

#include "client/range_reader.h"
#include "cli/io.h"

namespace ectl::cli {

client::PageOptions RangePageOptions(const Environment& env);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_PAGING_H_
