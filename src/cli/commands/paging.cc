#include "cli/commands/paging.h"

#include <string>

#include "common/strconv.h"
#include "sys/child_process.h"

namespace ectl::cli {

client::PageOptions RangePageOptions(const Environment& env) {
  client::PageOptions options;
  if (const std::string* v = env.Find("ECTL_PAGE_KEYS"); v != nullptr && !v->empty()) {
    try {
      if (int64_t n = ParseInt(*v, 10); n > 0) options.page_keys = n;
    } catch (const ParseError&) {
    }
  }
  if (const std::string* v = env.Find("ECTL_TEST_BETWEEN_PAGES"); v != nullptr && !v->empty()) {
    options.before_next_page = [command = *v](int64_t revision) {
      (void)sys::RunChild({"/bin/sh", "-c", command},
                          {"ECTL_PAGE_REVISION=" + std::to_string(revision)});
    };
  }
  return options;
}

}  // namespace ectl::cli
