// A small read-only reader of bbolt database files (etcd's backend and snapshot
// format): meta pages, branch and leaf pages, overflow pages, inline buckets.
//
// It walks what `snapshot status` needs: the top-level buckets and their key/value pairs
// in cursor (sorted) order, and the database size as bbolt's Tx.Size() reports it. It
// does not run bbolt's full consistency check; a malformed file (bad magic, checksum,
// page out of range, element out of its page) is reported as an error rather than read
// past. It never writes.
#ifndef ECTL_CLIENT_BOLT_READER_H_
#define ECTL_CLIENT_BOLT_READER_H_

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ectl::client {

class BoltError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class BoltReader {
 public:
  // Takes the whole file; throws BoltError when no valid meta page is found.
  explicit BoltReader(std::string data);

  // Tx.Size(): the high-water page id times the page size.
  [[nodiscard]] int64_t Size() const;

  // Calls bucket(name) for each top-level bucket in order, then entry(key, value) for
  // each of its pairs (a nested bucket's value is empty, as bbolt gives nil).
  void Walk(const std::function<void(std::string_view bucket)>& bucket,
            const std::function<void(std::string_view key, std::string_view value)>& entry) const;

 private:
  using Visit = std::function<void(std::string_view, std::string_view, uint32_t flags)>;
  // In-order traversal of the tree rooted at page `pgid`, or of the inline page at
  // `inline_page` when it is not empty.
  void Traverse(uint64_t pgid, std::string_view inline_page, const Visit& visit, int depth) const;
  void VisitPage(std::string_view page, const Visit& visit, int depth) const;
  [[nodiscard]] std::string_view Page(uint64_t pgid) const;

  std::string data_;
  uint32_t page_size_ = 4096;
  uint64_t root_ = 0;
  uint64_t high_water_ = 0;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_BOLT_READER_H_
