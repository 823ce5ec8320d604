// A read-only reader of bbolt database files (etcd's backend and snapshot format): meta
// pages, branch and leaf pages, overflow pages, inline and nested buckets.
//
// `snapshot status` walks the top-level buckets with Walk(); restore and defrag copy
// every bucket, nested ones included, with ForEach(). It does not run bbolt's full
// consistency check; a malformed file (bad magic, checksum, page out of range, element
// out of its page, a tree too deep) is reported as BoltError rather than read past.
#ifndef ECTL_OFFLINE_BOLT_READER_H_
#define ECTL_OFFLINE_BOLT_READER_H_

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ectl::offline {

class BoltError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Where a bucket's tree starts: a root page, or (root 0) an inline page image.
struct BucketRef {
  uint64_t root = 0;
  std::string_view inline_page;
};

class BoltReader {
 public:
  // Takes the whole file; throws BoltError when no valid meta page is found.
  explicit BoltReader(std::string data);
  // Reads a file mapped or held elsewhere, which must outlive the reader.
  static BoltReader View(std::string_view data);

  BoltReader(const BoltReader&) = delete;
  BoltReader& operator=(const BoltReader&) = delete;
  BoltReader(BoltReader&& other) noexcept;

  // Tx.Size(): the high-water page id times the page size.
  [[nodiscard]] int64_t Size() const;
  [[nodiscard]] uint32_t page_size() const { return page_size_; }
  [[nodiscard]] uint64_t txid() const { return txid_; }

  // Calls bucket(name) for each top-level bucket in order, then entry(key, value) for
  // each of its pairs (a nested bucket's value is empty, as bbolt gives nil).
  void Walk(const std::function<void(std::string_view bucket)>& bucket,
            const std::function<void(std::string_view key, std::string_view value)>& entry) const;

  // The root bucket, and the bucket a leaf value flagged as bucket describes.
  [[nodiscard]] BucketRef Root() const { return {root_, {}}; }
  [[nodiscard]] static BucketRef Child(std::string_view bucket_value);

  // Each element of the bucket in key order; is_bucket marks nested buckets, whose
  // value is their header (pass it to Child()).
  using Visit = std::function<void(std::string_view key, std::string_view value, bool is_bucket)>;
  void ForEach(const BucketRef& bucket, const Visit& visit) const;

 private:
  BoltReader() = default;
  void Init();
  using RawVisit = std::function<void(std::string_view, std::string_view, uint32_t flags)>;
  void Traverse(const BucketRef& bucket, const RawVisit& visit) const;
  void VisitPage(std::string_view page, const RawVisit& visit, int depth) const;
  [[nodiscard]] std::string_view Page(uint64_t pgid) const;

  std::string owned_;
  std::string_view data_;
  uint32_t page_size_ = 4096;
  uint64_t root_ = 0;
  uint64_t high_water_ = 0;
  uint64_t txid_ = 0;
};

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_BOLT_READER_H_
