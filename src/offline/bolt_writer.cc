// Bottom-up bbolt writer (see bolt_writer.h).
#include "common/errno_text.h"
#include "offline/bolt_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "offline/bolt_format.h"
#include "offline/bolt_reader.h"

namespace ectl::offline {
namespace {

constexpr size_t kChunk = 1 << 20;
constexpr size_t kMaxElements = 0xFFFF - 1;  // a page's element count is a u16

template <typename T>
void Store(char* at, T v) {
  std::memcpy(at, &v, sizeof v);  // bbolt's integers are native (little) endian
}

// Serializes a node into `out` (already sized); element positions are relative to
// each element, data follows the element array in element order.
void LayoutNode(char* out, uint64_t pgid, uint16_t flags,
                const std::vector<std::string_view>& keys,
                const std::vector<std::string_view>& values, const std::vector<uint32_t>& eflags,
                const std::vector<uint64_t>& children, uint32_t overflow) {
  size_t n = keys.size();
  Store<uint64_t>(out, pgid);
  Store<uint16_t>(out + 8, flags);
  Store<uint16_t>(out + 10, static_cast<uint16_t>(n));
  Store<uint32_t>(out + 12, overflow);
  size_t data = bolt::kPageHeader + n * bolt::kElement;
  for (size_t i = 0; i < n; ++i) {
    char* elem = out + bolt::kPageHeader + i * bolt::kElement;
    uint32_t pos = static_cast<uint32_t>(data - (bolt::kPageHeader + i * bolt::kElement));
    if (flags & bolt::kBranchPage) {
      Store<uint32_t>(elem, pos);
      Store<uint32_t>(elem + 4, static_cast<uint32_t>(keys[i].size()));
      Store<uint64_t>(elem + 8, children[i]);
    } else {
      Store<uint32_t>(elem, eflags[i]);
      Store<uint32_t>(elem + 4, pos);
      Store<uint32_t>(elem + 8, static_cast<uint32_t>(keys[i].size()));
      Store<uint32_t>(elem + 12, static_cast<uint32_t>(values[i].size()));
    }
    std::memcpy(out + data, keys[i].data(), keys[i].size());
    data += keys[i].size();
    if (!(flags & bolt::kBranchPage)) {
      std::memcpy(out + data, values[i].data(), values[i].size());
      data += values[i].size();
    }
  }
}

void WriteAll(int fd, const char* p, size_t n, uint64_t offset) {
  while (n > 0) {
    ssize_t w = ::pwrite(fd, p, n, static_cast<off_t>(offset));
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) throw BoltError("write database: " + ErrnoText(errno));
    p += w;
    n -= static_cast<size_t>(w);
    offset += static_cast<uint64_t>(w);
  }
}

}  // namespace

BoltWriter::BoltWriter(int fd, uint32_t page_size, double fill_percent)
    : fd_(fd), page_size_(page_size) {
  fill_percent = std::clamp(fill_percent, 0.1, 1.0);
  threshold_ = static_cast<size_t>(page_size * fill_percent);
  out_at_ = 2ull * page_size_;
  stack_.emplace_back();  // the root bucket
}

size_t BoltWriter::ElementSize(const Element& e, bool branch) {
  return bolt::kElement + e.key.size() + (branch ? 0 : e.value.size());
}

void BoltWriter::Put(std::string_view key, std::string_view value) {
  Add(stack_.back(), Element{std::string(key), std::string(value), 0, 0});
}

void BoltWriter::BeginBucket(std::string_view name) {
  Bucket& parent = stack_.back();
  if (name.empty()) throw BoltError("bbolt: empty bucket name");
  if (parent.has_last_key && name <= parent.last_key) {
    throw BoltError("bbolt: keys out of order");
  }
  // The name is reserved now so that the parent's order check covers it; the element
  // itself is added when the bucket closes and its root is known.
  parent.last_key = name;
  parent.has_last_key = true;
  parent.has_child_bucket = true;
  stack_.emplace_back();
  stack_.back().name = name;
}

void BoltWriter::EndBucket() {
  if (stack_.size() < 2) throw BoltError("bbolt: no bucket open");
  Bucket b = std::move(stack_.back());
  stack_.pop_back();
  std::string value = CloseBucket(b, true);
  AddToLevel(stack_.back(), 0, Element{std::move(b.name), std::move(value), bolt::kBucketLeaf, 0});
}

void BoltWriter::Add(Bucket& b, Element e) {
  if (e.key.empty()) throw BoltError("bbolt: empty key");
  if (b.has_last_key && e.key <= b.last_key) throw BoltError("bbolt: keys out of order");
  b.last_key = e.key;
  b.has_last_key = true;
  AddToLevel(b, 0, std::move(e));
}

void BoltWriter::AddToLevel(Bucket& b, size_t level, Element e) {
  if (b.levels.size() <= level) b.levels.resize(level + 1);
  bool branch = level > 0;
  size_t size = ElementSize(e, branch);
  Level& l = b.levels[level];
  // A node keeps at least two elements before it is cut at the fill threshold, so a
  // large value makes its leaf span overflow pages instead of standing alone.
  if (l.elements.size() >= kMaxElements ||
      (l.elements.size() >= 2 && l.bytes + size > threshold_)) {
    FlushLevel(b, level);
  }
  Level& open = b.levels[level];
  if (open.elements.empty()) open.bytes = bolt::kPageHeader;
  open.bytes += size;
  open.elements.push_back(std::move(e));
}

void BoltWriter::FlushLevel(Bucket& b, size_t level) {
  Level& l = b.levels[level];
  uint64_t pgid = WriteNode(l.elements, level > 0);
  std::string first = std::move(l.elements.front().key);
  l.elements.clear();
  l.bytes = 0;
  ++l.written;
  AddToLevel(b, level + 1, Element{std::move(first), {}, 0, pgid});
}

uint64_t BoltWriter::WriteNode(const std::vector<Element>& elements, bool branch) {
  size_t size = bolt::kPageHeader;
  std::vector<std::string_view> keys, values;
  std::vector<uint32_t> flags;
  std::vector<uint64_t> children;
  for (const Element& e : elements) {
    size += ElementSize(e, branch);
    keys.push_back(e.key);
    values.push_back(e.value);
    flags.push_back(e.flags);
    children.push_back(e.child);
  }
  uint64_t pages = (size + page_size_ - 1) / page_size_;
  uint64_t pgid = next_pgid_;
  next_pgid_ += pages;
  size_t start = out_.size();
  out_.resize(start + pages * page_size_, '\0');
  LayoutNode(out_.data() + start, pgid, branch ? bolt::kBranchPage : bolt::kLeafPage, keys,
             values, flags, children, static_cast<uint32_t>(pages - 1));
  if (out_.size() >= kChunk) Drain();
  return pgid;
}

std::string BoltWriter::CloseBucket(Bucket& b, bool may_inline) {
  if (b.levels.empty()) b.levels.resize(1);
  std::string header(bolt::kBucketHeader, '\0');
  const Level& leaves = b.levels[0];
  // bbolt's inline rule: one leaf, no sub-buckets, at most a quarter page.
  if (may_inline && leaves.written == 0 && !b.has_child_bucket &&
      std::max(leaves.bytes, bolt::kPageHeader) <= page_size_ / 4) {
    std::vector<std::string_view> keys, values;
    std::vector<uint32_t> flags;
    for (const Element& e : leaves.elements) {
      keys.push_back(e.key);
      values.push_back(e.value);
      flags.push_back(e.flags);
    }
    size_t size = std::max(leaves.bytes, bolt::kPageHeader);
    header.resize(bolt::kBucketHeader + size, '\0');
    LayoutNode(header.data() + bolt::kBucketHeader, 0, bolt::kLeafPage, keys, values, flags, {}, 0);
    return header;
  }
  for (size_t level = 0;; ++level) {
    Level& l = b.levels[level];
    bool top = level + 1 == b.levels.size();
    if (top && l.written == 0) {
      // The only open node of the highest level is the root.
      uint64_t root = WriteNode(l.elements, level > 0);
      Store<uint64_t>(header.data(), root);
      return header;
    }
    if (!l.elements.empty()) FlushLevel(b, level);
  }
}

void BoltWriter::Drain() {
  WriteAll(fd_, out_.data(), out_.size(), out_at_);
  // Start writeback of this chunk now, so the caller's final fsync finds little left to
  // write (advisory; errors surface at that fsync).
  ::sync_file_range(fd_, static_cast<off_t>(out_at_), static_cast<off_t>(out_.size()),
                    SYNC_FILE_RANGE_WRITE);
  out_at_ += out_.size();
  out_.clear();
  if (on_flush_) on_flush_();
}

uint64_t BoltWriter::Finish(uint64_t txid) {
  if (stack_.size() != 1) throw BoltError("bbolt: bucket left open");
  // The root bucket lives in the meta page and is never inline.
  std::string header = CloseBucket(stack_.back(), false);
  uint64_t root = 0;
  std::memcpy(&root, header.data(), sizeof root);
  Drain();
  std::string metas(2ull * page_size_, '\0');
  for (uint64_t page = 0; page < 2; ++page) {
    uint64_t tx = page == txid % 2 ? txid : txid - 1;
    char* p = metas.data() + page * page_size_;
    Store<uint64_t>(p, page);
    Store<uint16_t>(p + 8, bolt::kMetaPage);
    char* m = p + bolt::kPageHeader;
    Store<uint32_t>(m, bolt::kMagic);
    Store<uint32_t>(m + 4, bolt::kVersion);
    Store<uint32_t>(m + 8, page_size_);
    Store<uint64_t>(m + 16, root);  // root bucket: root page; sequence stays 0
    Store<uint64_t>(m + 32, bolt::kNoFreelist);
    Store<uint64_t>(m + 40, next_pgid_);
    Store<uint64_t>(m + 48, tx);
    Store<uint64_t>(m + 56, bolt::MetaChecksum(std::string_view(m, 56)));
  }
  WriteAll(fd_, metas.data(), metas.size(), 0);
  return next_pgid_ * page_size_;
}

void CopyBucket(const BoltReader& from, const BucketRef& bucket, BoltWriter& to) {
  from.ForEach(bucket, [&](std::string_view key, std::string_view value, bool is_bucket) {
    if (!is_bucket) {
      to.Put(key, value);
      return;
    }
    to.BeginBucket(key);
    CopyBucket(from, BoltReader::Child(value), to);
    to.EndBucket();
  });
}

}  // namespace ectl::offline
