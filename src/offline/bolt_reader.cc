// bbolt file reader (see bolt_reader.h).
#include "offline/bolt_reader.h"

#include <cstring>

#include "offline/bolt_format.h"

namespace ectl::offline {
namespace {

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
  if (offset + bolt::kPageHeader + bolt::kMetaSize > data.size()) return m;
  std::string_view meta = data.substr(offset + bolt::kPageHeader, bolt::kMetaSize);
  m.valid = Load<uint32_t>(meta, 0) == bolt::kMagic && Load<uint32_t>(meta, 4) == bolt::kVersion &&
            Load<uint64_t>(meta, 56) == bolt::MetaChecksum(meta);
  m.page_size = Load<uint32_t>(meta, 8);
  m.root = Load<uint64_t>(meta, 16);
  m.pgid = Load<uint64_t>(meta, 40);
  m.txid = Load<uint64_t>(meta, 48);
  return m;
}

}  // namespace

BoltReader::BoltReader(std::string data) : owned_(std::move(data)) {
  data_ = owned_;
  Init();
}

BoltReader BoltReader::View(std::string_view data) {
  BoltReader r;
  r.data_ = data;
  r.Init();
  return r;
}

BoltReader::BoltReader(BoltReader&& other) noexcept
    : owned_(std::move(other.owned_)),
      page_size_(other.page_size_),
      root_(other.root_),
      high_water_(other.high_water_),
      txid_(other.txid_) {
  // A moved std::string may keep its characters inline, so re-point at our own copy.
  data_ = owned_.empty() ? other.data_ : std::string_view(owned_);
}

void BoltReader::Init() {
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
  txid_ = m.txid;
}

int64_t BoltReader::Size() const {
  return static_cast<int64_t>(high_water_) * static_cast<int64_t>(page_size_);
}

std::string_view BoltReader::Page(uint64_t pgid) const {
  uint64_t offset = pgid * page_size_;
  if (pgid < 2 || pgid >= high_water_ || offset + bolt::kPageHeader > data_.size()) {
    throw BoltError("bbolt: page " + std::to_string(pgid) + " out of range");
  }
  uint32_t overflow = Load<uint32_t>(data_, offset + 12);
  uint64_t len = (static_cast<uint64_t>(overflow) + 1) * page_size_;
  if (pgid + overflow >= high_water_ || offset + len > data_.size()) {
    throw BoltError("bbolt: page " + std::to_string(pgid) + " runs past the end of the file");
  }
  return data_.substr(offset, len);
}

BucketRef BoltReader::Child(std::string_view value) {
  if (value.size() < bolt::kBucketHeader) throw BoltError("bbolt: bad bucket header");
  BucketRef b;
  b.root = Load<uint64_t>(value, 0);
  // A bucket whose root is 0 is stored inline: its page follows the header.
  if (b.root == 0) {
    b.inline_page = value.substr(bolt::kBucketHeader);
    if (b.inline_page.size() < bolt::kPageHeader) throw BoltError("bbolt: bad inline bucket");
  }
  return b;
}

void BoltReader::Traverse(const BucketRef& bucket, const RawVisit& visit) const {
  VisitPage(bucket.root == 0 ? bucket.inline_page : Page(bucket.root), visit, 0);
}

void BoltReader::VisitPage(std::string_view page, const RawVisit& visit, int depth) const {
  if (depth > kMaxDepth) throw BoltError("bbolt: tree too deep");
  uint16_t flags = Load<uint16_t>(page, 8);
  uint16_t count = Load<uint16_t>(page, 10);
  for (uint16_t i = 0; i < count; ++i) {
    size_t elem = bolt::kPageHeader + i * bolt::kElement;
    if (flags & bolt::kBranchPage) {
      VisitPage(Page(Load<uint64_t>(page, elem + 8)), visit, depth + 1);
    } else if (flags & bolt::kLeafPage) {
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

void BoltReader::ForEach(const BucketRef& bucket, const Visit& visit) const {
  Traverse(bucket, [&](std::string_view k, std::string_view v, uint32_t f) {
    visit(k, v, (f & bolt::kBucketLeaf) != 0);
  });
}

void BoltReader::Walk(
    const std::function<void(std::string_view)>& bucket,
    const std::function<void(std::string_view, std::string_view)>& entry) const {
  ForEach(Root(), [&](std::string_view name, std::string_view value, bool is_bucket) {
    if (!is_bucket || value.size() < bolt::kBucketHeader) {
      throw BoltError("cannot get hash of bucket " + std::string(name));
    }
    bucket(name);
    ForEach(Child(value), [&](std::string_view k, std::string_view v, bool nested) {
      entry(k, nested ? std::string_view() : v);
    });
  });
}

}  // namespace ectl::offline
