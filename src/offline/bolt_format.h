// bbolt on-disk constants shared by the reader and the writer (page header, elements,
// meta page, bucket header) and the meta checksum.
#ifndef ECTL_OFFLINE_BOLT_FORMAT_H_
#define ECTL_OFFLINE_BOLT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ectl::offline::bolt {

constexpr uint32_t kMagic = 0xED0CDAED;
constexpr uint32_t kVersion = 2;
constexpr size_t kPageHeader = 16;  // id u64, flags u16, count u16, overflow u32
constexpr size_t kElement = 16;     // branch: pos, ksize, pgid; leaf: flags, pos, ksize, vsize
constexpr size_t kMetaSize = 64;    // magic .. checksum
constexpr uint16_t kBranchPage = 0x01;
constexpr uint16_t kLeafPage = 0x02;
constexpr uint16_t kMetaPage = 0x04;
constexpr uint32_t kBucketLeaf = 0x01;
constexpr size_t kBucketHeader = 16;  // root pgid u64, sequence u64
constexpr uint64_t kNoFreelist = ~uint64_t{0};

// FNV-1a 64 over the 56 meta bytes before the checksum field.
inline uint64_t MetaChecksum(std::string_view meta) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < 56; ++i) {
    h ^= static_cast<unsigned char>(meta[i]);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace ectl::offline::bolt

#endif  // ECTL_OFFLINE_BOLT_FORMAT_H_
