#include "client/bolt_reader.h"

#include <cstring>

namespace ectl::client {
namespace {

constexpr uint32_t kMagic = 0xED0CDAED;
constexpr uint32_t kVersion = 2;
constexpr size_t kPageHeader = 16;  // id u64, flags u16, count u16, overflow u32
constexpr size_t kElement = 16;     // branch: pos, ksize, pgid; leaf: flags, pos, ksize, vsize
constexpr uint16_t kBranchPage = 0x01;
constexpr uint16_t kLeafPage = 0x02;
constexpr uint32_t kBucketLeaf = 0x01;
constexpr size_t kBucketHeader = 16;  // root pgid u64, sequence u64
constexpr int kMaxDepth = 64;

template <typename T>
T Load(std::string_view s, size_t offset) {
  if (offset + sizeof(T) > s.size()) throw BoltError("bbolt: read past the end of a page");
  T v;
  std::memcpy(&v, s.data() + offset, sizeof v);  // bbolt writes native (little) endian
  return v;
}

std::string_view Slice(std::string_view s, size_t offset, size_t n) {
  if (offset > s.size() || n > s.size() - offset) {
    throw BoltError("bbolt: element out of its page");
  }
  return s.substr(offset, n);
}

struct Meta {
  bool valid = false;
  uint32_t page_size = 0;
  uint64_t root = 0, pgid = 0, txid = 0;
};

Meta ReadMeta(std::string_view data, size_t offset) {
  Meta m;
  if (offset + kPageHeader + 64 > data.size()) return m;
  std::string_view meta = data.substr(offset + kPageHeader, 64);
  // FNV-1a 64 over the fields before the checksum.
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < 56; ++i) {
    h ^= static_cast<unsigned char>(meta[i]);
    h *= 1099511628211ull;
  }
  m.valid = Load<uint32_t>(meta, 0) == kMagic && Load<uint32_t>(meta, 4) == kVersion &&
            Load<uint64_t>(meta, 56) == h;
  m.page_size = Load<uint32_t>(meta, 8);
  m.root = Load<uint64_t>(meta, 16);
  m.pgid = Load<uint64_t>(meta, 40);
  m.txid = Load<uint64_t>(meta, 48);
  return m;
}

}  // namespace

BoltReader::BoltReader(std::string data) : data_(std::move(data)) {
  Meta first = ReadMeta(data_, 0);
  if (first.valid) page_size_ = first.page_size;
  if (page_size_ < 1024 || page_size_ > (1u << 26)) throw BoltError("invalid database");
  Meta second = ReadMeta(data_, page_size_);
  // As bbolt: the meta with the higher transaction id, if valid, else the other one.
  Meta a = first, b = second;
  if (b.txid > a.txid) std::swap(a, b);
  const Meta& m = a.valid ? a : b;
  if (!m.valid) throw BoltError("invalid database");
  root_ = m.root;
  high_water_ = m.pgid;
}

int64_t BoltReader::Size() const {
  return static_cast<int64_t>(high_water_) * static_cast<int64_t>(page_size_);
}

std::string_view BoltReader::Page(uint64_t pgid) const {
  uint64_t offset = pgid * page_size_;
  if (pgid < 2 || pgid >= high_water_ || offset + kPageHeader > data_.size()) {
    throw BoltError("bbolt: page " + std::to_string(pgid) + " out of range");
  }
  std::string_view all(data_);
  uint32_t overflow = Load<uint32_t>(all, offset + 12);
  uint64_t len = (static_cast<uint64_t>(overflow) + 1) * page_size_;
  if (offset + len > data_.size()) len = data_.size() - offset;
  return all.substr(offset, len);
}

void BoltReader::Traverse(uint64_t pgid, std::string_view inline_page, const Visit& visit,
                          int depth) const {
  if (depth > kMaxDepth) throw BoltError("bbolt: tree too deep");
  VisitPage(inline_page.empty() ? Page(pgid) : inline_page, visit, depth);
}

void BoltReader::VisitPage(std::string_view page, const Visit& visit, int depth) const {
  uint16_t flags = Load<uint16_t>(page, 8);
  uint16_t count = Load<uint16_t>(page, 10);
  for (uint16_t i = 0; i < count; ++i) {
    size_t elem = kPageHeader + i * kElement;
    if (flags & kBranchPage) {
      Traverse(Load<uint64_t>(page, elem + 8), {}, visit, depth + 1);
    } else if (flags & kLeafPage) {
      uint32_t eflags = Load<uint32_t>(page, elem);
      uint32_t pos = Load<uint32_t>(page, elem + 4);
      uint32_t ksize = Load<uint32_t>(page, elem + 8);
      uint32_t vsize = Load<uint32_t>(page, elem + 12);
      std::string_view key = Slice(page, elem + pos, ksize);
      std::string_view value = Slice(page, elem + pos + ksize, vsize);
      visit(key, value, eflags);
    } else {
      throw BoltError("bbolt: unexpected page type " + std::to_string(flags));
    }
  }
}

void BoltReader::Walk(
    const std::function<void(std::string_view)>& bucket,
    const std::function<void(std::string_view, std::string_view)>& entry) const {
  Traverse(root_, {}, [&](std::string_view name, std::string_view value, uint32_t flags) {
    if (!(flags & kBucketLeaf) || value.size() < kBucketHeader) {
      throw BoltError("cannot get hash of bucket " + std::string(name));
    }
    bucket(name);
    uint64_t root = Load<uint64_t>(value, 0);
    // A bucket whose root is 0 is stored inline: its page follows the header.
    std::string_view inline_page = root == 0 ? value.substr(kBucketHeader) : std::string_view();
    if (root == 0 && inline_page.size() < kPageHeader) throw BoltError("bbolt: bad inline bucket");
    Traverse(root, inline_page, [&](std::string_view k, std::string_view v, uint32_t f) {
      entry(k, (f & kBucketLeaf) ? std::string_view() : v);
    }, 1);
  }, 0);
}

}  // namespace ectl::client
