// CRC-32 with the Castagnoli polynomial, as Go's hash/crc32 with crc32.Castagnoli
// computes it: the hash `snapshot status` prints, and the checksum of WAL records and
// `.snap` files.
#ifndef ECTL_OFFLINE_CRC32C_H_
#define ECTL_OFFLINE_CRC32C_H_

#include <cstdint>
#include <string_view>

namespace ectl::offline {

// Continues crc over data (start with 0).
uint32_t Crc32c(uint32_t crc, std::string_view data);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_CRC32C_H_
