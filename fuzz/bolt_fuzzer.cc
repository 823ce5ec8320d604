// Fuzz target: the bbolt reader behind `snapshot status` (src/client/bolt_reader.*).
//
// Input: a database file. The walk is the one ReadSnapshotStatus does (every bucket and
// key-value, hashed). A malformed file must end in BoltError; any other exception, a
// hang or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "offline/bolt_reader.h"
#include "offline/crc32c.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ectl::offline::BoltReader db(std::string(reinterpret_cast<const char*>(data), size));
    int64_t total_size = db.Size();
    uint32_t crc = 0;
    int64_t keys = 0;
    db.Walk([&](std::string_view bucket) { crc = ectl::offline::Crc32c(crc, bucket); },
            [&](std::string_view k, std::string_view v) {
              crc = ectl::offline::Crc32c(ectl::offline::Crc32c(crc, k), v);
              ++keys;
            });
    (void)total_size;
  } catch (const ectl::offline::BoltError&) {
  }
  return 0;
}
