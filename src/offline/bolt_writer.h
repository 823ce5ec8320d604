// Writes a fresh, compact bbolt file bottom-up in one pass.
//
// Callers feed the tree in key order: Put() adds a pair to the current bucket,
// BeginBucket()/EndBucket() bracket a nested bucket (at the top level: etcd's buckets).
// Leaves are packed to 90% of a page as bbolt's own compaction does, each full node is
// written at the next page id as soon as it is complete, and branch levels are built
// above them, so memory holds one path of open nodes, not the file. Small buckets
// without sub-buckets are stored inline, as bbolt stores them. No freelist is stored
// (meta.freelist = none), which is how etcd keeps its files. Finish() writes both meta
// pages; the caller syncs the descriptor.
#ifndef ECTL_OFFLINE_BOLT_WRITER_H_
#define ECTL_OFFLINE_BOLT_WRITER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::offline {

class BoltWriter {
 public:
  // Writes to fd (an empty regular file) with the given page size.
  explicit BoltWriter(int fd, uint32_t page_size = 4096, double fill_percent = 0.9);

  // Keys within a bucket must be strictly ascending and non-empty; a bucket's name
  // counts as its key in the parent. Violations throw BoltError.
  void Put(std::string_view key, std::string_view value);
  void BeginBucket(std::string_view name);
  void EndBucket();

  // Writes the remaining nodes and the meta pages for transaction txid (meta txid % 2
  // gets txid, the other txid - 1, as after two commits). Returns the file size.
  uint64_t Finish(uint64_t txid);

  // Called after each chunk of pages (about 1 MiB) reaches the file.
  void OnFlush(std::function<void()> fn) { on_flush_ = std::move(fn); }

 private:
  struct Element {
    std::string key;
    std::string value;  // leaf value (or bucket header + inline page)
    uint32_t flags = 0;
    uint64_t child = 0;  // branch: child page id
  };
  // One level of a bucket's tree: the node being filled and how many were written.
  struct Level {
    std::vector<Element> elements;
    size_t bytes = 0;  // serialized size of the open node
    uint64_t written = 0;
  };
  struct Bucket {
    std::string name;
    std::vector<Level> levels;  // 0 = leaves
    bool has_child_bucket = false;
    bool has_last_key = false;
    std::string last_key;
  };

  void Add(Bucket& b, Element e);
  void AddToLevel(Bucket& b, size_t level, Element e);
  // Writes the open node of b.levels[level] and hands its first key to the level above.
  void FlushLevel(Bucket& b, size_t level);
  uint64_t WriteNode(const std::vector<Element>& elements, bool branch);
  // Closes b's tree; returns the parent's value for it (bucket header, maybe inline).
  std::string CloseBucket(Bucket& b, bool may_inline);
  static size_t ElementSize(const Element& e, bool branch);
  void Emit(std::string_view bytes);
  void Drain();

  int fd_;
  uint32_t page_size_;
  size_t threshold_;
  uint64_t next_pgid_ = 2;  // pages 0 and 1 are the metas
  std::vector<Bucket> stack_;
  std::string out_;      // pending page bytes, written in large chunks
  uint64_t out_at_ = 0;  // file offset of out_[0]
  std::function<void()> on_flush_;
};

class BoltReader;
struct BucketRef;

// Copies every element of `bucket` (nested buckets included) into the writer's current
// bucket, in key order.
void CopyBucket(const BoltReader& from, const BucketRef& bucket, BoltWriter& to);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_BOLT_WRITER_H_
