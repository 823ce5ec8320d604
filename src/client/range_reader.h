// Range results decoded as they are read.
//
// A range over 100,000 keys arrives as one ~13 MB message. Parsing it into a
// RangeResponse would hold every key twice (wire bytes and message objects); instead
// the response is received as raw bytes and each KeyValue is decoded into one reused
// message and handed to a visitor, which prints it. Memory stays at the wire bytes.
#ifndef ECTL_CLIENT_RANGE_READER_H_
#define ECTL_CLIENT_RANGE_READER_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "client/config.h"

namespace etcdserverpb {
class RangeRequest;
class ResponseHeader;
}  // namespace etcdserverpb
namespace mvccpb {
class KeyValue;
}

namespace ectl::client {

class Client;

class RangeVisitor {
 public:
  virtual ~RangeVisitor() = default;
  // header is null when the response has none.
  virtual void OnBegin(const etcdserverpb::ResponseHeader* header) = 0;
  virtual void OnKeyValue(const mvccpb::KeyValue& kv) = 0;
  virtual void OnEnd(bool more, int64_t count) = 0;
};

// Performs KV.Range and feeds the response to visitor: OnBegin, every key-value in
// order, OnEnd. Throws RpcError when the call fails (before any visitor call).
void RangeStreamed(const Client& client, const etcdserverpb::RangeRequest& request,
                   std::optional<Duration> timeout, RangeVisitor& visitor);

// Paged reads: a large range read as a sequence of bounded requests, every page after
// the first at the first page's revision (the request's own revision when it has one), so
// that the result is one snapshot. The visitor sees what one request would have produced:
// OnBegin with the first page's header, every key-value in order, OnEnd with the first
// page's count and the more one request with the same limit would have had.
//
// The first page runs to the range end: its count (the whole range's) is the visitor's
// and says when every key has been read. Every later page is asked with a range end
// guessed from the keys read so far (KeySpace) to hold a little under a page, because etcd
// walks its index from a request's key to its range end to count it whatever the limit:
// with the range's own end, N keys in pages of P would cost the server N*N/2P key visits.
// A guess that falls short gives a short page and the next starts at its end; one that
// goes too far stops at the limit and the next starts after the last key read.
struct PageOptions {
  // Keys per request. 0: sized by bytes, about page_bytes of response per page at the
  // average key-value size of the pages so far (the first page: first_page_keys).
  // page_bytes bounds the memory a page holds; with guessed ends a page costs the server
  // about its own keys, so smaller pages cost little more than a round trip each.
  int64_t page_keys = 0;
  int64_t first_page_keys = 10000;
  int64_t page_bytes = 2 << 20;
  // Called before each request after the first, with the pinned revision (a test hook).
  // The next page is asked for before the current one is visited, so the hook runs
  // before the visitor sees the current page.
  std::function<void(int64_t revision)> before_next_page;
};

// Whether reading request in pages gives the same result as one request: a range (not
// one key), no count_only, no create/mod revision filters (the server counts before it
// filters), and keys in ascending order (no sort, or ascending by key).
bool Pageable(const etcdserverpb::RangeRequest& request);

// Reads a Pageable request in pages (others in one request), each page with its own
// timeout. A page refused after the first (a compaction past the pinned revision, most
// likely) throws RpcError naming the revision: what was already visited stays visited and
// OnEnd is not called, so the caller never sees a result mixed from two revisions.
void RangePaged(const Client& client, const etcdserverpb::RangeRequest& request,
                std::optional<Duration> timeout, const PageOptions& options,
                RangeVisitor& visitor);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_RANGE_READER_H_
