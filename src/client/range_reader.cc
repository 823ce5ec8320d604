#include "client/range_reader.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <future>
#include <utility>
#include <string>

#include "client/client.h"
#include "client/key_space.h"
#include "client/rpc_error.h"
#include "client/unary.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {
namespace {

using google::protobuf::io::CodedInputStream;
using google::protobuf::internal::WireFormatLite;

constexpr char kRangeMethod[] = "/etcdserverpb.KV/Range";

// RangeResponse field numbers (rpc.proto).
constexpr int kHeaderField = 1;
constexpr int kKvsField = 2;
constexpr int kMoreField = 3;
constexpr int kCountField = 4;

grpc::Status CallRaw(const Client& client, const etcdserverpb::RangeRequest& request,
                     std::optional<Duration> timeout, grpc::ByteBuffer* response) {
  // The same blocking call the generated stub makes, with the response left as bytes.
  const grpc::internal::RpcMethod method(kRangeMethod, grpc::internal::RpcMethod::NORMAL_RPC,
                                         client.channel());
  return Invoke(client, timeout, IsReadOnly(request), [&](grpc::ClientContext* ctx) {
    return grpc::internal::BlockingUnaryCall<etcdserverpb::RangeRequest, grpc::ByteBuffer,
                                             grpc::protobuf::MessageLite, grpc::ByteBuffer>(
        client.channel().get(), method, ctx, request, response);
  });
}

[[noreturn]] void Malformed() {
  throw RpcError(static_cast<int>(grpc::StatusCode::INTERNAL),
                 "rpc error: code = Internal desc = malformed RangeResponse");
}

// What the first pass over a response finds: everything but the key-values, plus how
// many there are and the last one's key (where the next page starts).
struct Scan {
  etcdserverpb::ResponseHeader header;
  bool has_header = false;
  bool more = false;
  int64_t count = 0;
  int64_t kvs = 0;
  std::string first_key;
  std::string last_key;
};

// First pass: the scalar fields and the header, skipping the key-values but for their
// keys' positions. Encoders write fields in number order, but the format does not promise
// it, so the key-values are read in a second pass rather than assumed to follow the header.
// Every key read is shown to space, when there is one.
void ScanResponse(grpc::ByteBuffer& bytes, Scan& scan, KeySpace* space = nullptr) {
  grpc::ProtoBufferReader reader(&bytes);
  CodedInputStream in(&reader);
  in.SetTotalBytesLimit(INT_MAX);
  while (uint32_t tag = in.ReadTag()) {
    uint64_t v;
    switch (WireFormatLite::GetTagFieldNumber(tag)) {
      case kHeaderField:
        if (!WireFormatLite::ReadMessage(&in, &scan.header)) Malformed();
        scan.has_header = true;
        break;
      case kMoreField:
        if (!in.ReadVarint64(&v)) Malformed();
        scan.more = v != 0;
        break;
      case kCountField:
        if (!in.ReadVarint64(&v)) Malformed();
        scan.count = static_cast<int64_t>(v);
        break;
      case kKvsField: {
        // Only the key (KeyValue field 1) is read.
        uint32_t length;
        if (WireFormatLite::GetTagWireType(tag) != WireFormatLite::WIRETYPE_LENGTH_DELIMITED ||
            !in.ReadVarint32(&length)) {
          Malformed();
        }
        auto limit = in.PushLimit(static_cast<int>(length));
        scan.last_key.clear();
        while (uint32_t kv_tag = in.ReadTag()) {
          if (kv_tag == WireFormatLite::MakeTag(1, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)) {
            uint32_t key_length;
            if (!in.ReadVarint32(&key_length) ||
                !in.ReadString(&scan.last_key, static_cast<int>(key_length))) {
              Malformed();
            }
          } else if (!WireFormatLite::SkipField(&in, kv_tag)) {
            Malformed();
          }
        }
        if (!in.ConsumedEntireMessage()) Malformed();
        in.PopLimit(limit);
        if (scan.kvs == 0) scan.first_key = scan.last_key;
        if (space != nullptr) space->Observe(scan.last_key);
        ++scan.kvs;
        break;
      }
      default:
        if (!WireFormatLite::SkipField(&in, tag)) Malformed();
    }
  }
}

// Second pass: each key-value, decoded into one reused message.
void VisitKeyValues(grpc::ByteBuffer& bytes, RangeVisitor& visitor) {
  grpc::ProtoBufferReader reader(&bytes);
  CodedInputStream in(&reader);
  in.SetTotalBytesLimit(INT_MAX);
  mvccpb::KeyValue kv;
  while (uint32_t tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == kKvsField &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      kv.Clear();
      if (!WireFormatLite::ReadMessage(&in, &kv)) Malformed();
      visitor.OnKeyValue(kv);
    } else if (!WireFormatLite::SkipField(&in, tag)) {
      Malformed();
    }
  }
}

}  // namespace

void RangeStreamed(const Client& client, const etcdserverpb::RangeRequest& request,
                   std::optional<Duration> timeout, RangeVisitor& visitor) {
  client.CheckSendSize(request);
  grpc::ByteBuffer bytes;
  grpc::Status status = CallRaw(client, request, timeout, &bytes);
  if (!status.ok()) ThrowStatus(status);
  Scan scan;
  ScanResponse(bytes, scan);
  visitor.OnBegin(scan.has_header ? &scan.header : nullptr);
  VisitKeyValues(bytes, visitor);
  visitor.OnEnd(scan.more, scan.count);
}

bool Pageable(const etcdserverpb::RangeRequest& r) {
  using R = etcdserverpb::RangeRequest;
  // A target other than the key sorts ascending even with no order (the server's rule).
  const bool by_key = r.sort_target() == R::KEY &&
                      (r.sort_order() == R::NONE || r.sort_order() == R::ASCEND);
  return !r.range_end().empty() && !r.count_only() && by_key && r.min_mod_revision() == 0 &&
         r.max_mod_revision() == 0 && r.min_create_revision() == 0 &&
         r.max_create_revision() == 0;
}

void RangePaged(const Client& client, const etcdserverpb::RangeRequest& request,
                std::optional<Duration> timeout, const PageOptions& options,
                RangeVisitor& visitor) {
  const int64_t first_keys =
      options.page_keys > 0 ? options.page_keys : options.first_page_keys;
  if (!Pageable(request) || first_keys <= 0 ||
      (request.limit() > 0 && request.limit() <= first_keys)) {
    RangeStreamed(client, request, timeout, visitor);
    return;
  }
  const int64_t limit = request.limit();
  etcdserverpb::RangeRequest page = request;
  // Ascending by key is the server's own order; asking for no sort spares it a sort.
  page.set_sort_order(etcdserverpb::RangeRequest::NONE);
  page.set_sort_target(etcdserverpb::RangeRequest::KEY);
  page.set_limit(limit > 0 ? std::min(first_keys, limit) : first_keys);
  client.CheckSendSize(page);

  // The first page runs to the range end: its count is the whole range's, which the
  // visitor gets and which tells when every key has been read.
  KeySpace space(request.key(), request.range_end());
  grpc::ByteBuffer bytes;
  grpc::Status status = CallRaw(client, page, timeout, &bytes);
  if (!status.ok()) ThrowStatus(status);
  Scan scan;
  ScanResponse(bytes, scan, &space);
  visitor.OnBegin(scan.has_header ? &scan.header : nullptr);
  if (page.revision() == 0 && scan.has_header) page.set_revision(scan.header.revision());
  const int64_t count = scan.count;
  // The stretch of keys the next end is guessed from: the latest page's.
  std::string sample_from = scan.first_key, sample_to = scan.last_key;
  int64_t sample_keys = scan.kvs - 1;
  std::string from = scan.last_key + '\0';  // where the next page starts
  bool at_end = scan.kvs == 0;  // a page reached the range end with every key in it read
  int empty_pages = 0;    // guessed pages in a row that held no key
  int64_t visited = 0, seen_bytes = 0;
  for (;;) {
    visited += scan.kvs;
    seen_bytes += static_cast<int64_t>(bytes.Length());
    const bool done = at_end || visited >= count || (limit > 0 && visited >= limit);
    // The next page is asked for before this one is printed, so that the server reads it
    // while the client decodes and prints (two pages held at a time).
    std::string end;
    std::future<std::pair<grpc::Status, grpc::ByteBuffer>> next;
    if (!done) {
      int64_t page_keys = options.page_keys;
      if (page_keys <= 0) {
        page_keys = std::max<int64_t>(1000, options.page_bytes /
                                                std::max<int64_t>(1, seen_bytes / visited));
      }
      const int64_t want = limit > 0 ? std::min(page_keys, limit - visited) : page_keys;
      // Aim a little short of the limit so that a fair guess gives one page, not a full
      // one and a few stragglers; each page in a row with no key quadruples the aim.
      end = request.range_end();
      if (count - visited > want && empty_pages < 8) {
        const double aim = 0.8 * static_cast<double>(want) * std::pow(4.0, empty_pages);
        if (auto guess = space.EndAfter(from, sample_from, sample_to, sample_keys, aim)) {
          end = std::move(*guess);
        }
      }
      page.set_key(from);
      page.set_range_end(end);
      page.set_limit(want);
      if (options.before_next_page) options.before_next_page(page.revision());
      next = std::async(std::launch::async, [&client, &page, timeout] {
        std::pair<grpc::Status, grpc::ByteBuffer> result;
        result.first = CallRaw(client, page, timeout, &result.second);
        return result;
      });
    }
    VisitKeyValues(bytes, visitor);
    if (done) {
      // more: as one request with the same limit would say it.
      visitor.OnEnd(limit > 0 && visited >= limit && count > visited, count);
      return;
    }
    bytes.Clear();
    auto [page_status, next_bytes] = next.get();
    if (!page_status.ok()) {
      throw RpcError(page_status.error_code(),
                     StatusText(page_status) + " (reading the range in pages at revision " +
                         std::to_string(page.revision()) + "; the output is incomplete)");
    }
    bytes = std::move(next_bytes);
    scan = Scan();
    ScanResponse(bytes, scan, &space);
    // A page that holds nothing but counts more could only repeat itself.
    if (scan.count > scan.kvs && scan.kvs == 0) Malformed();
    if (scan.count > scan.kvs) {
      // The page stopped at its limit: the next one starts after its last key.
      sample_from = page.key();
      sample_to = scan.last_key;
      sample_keys = scan.kvs;
      from = scan.last_key + '\0';
      empty_pages = 0;
    } else {
      // Every key up to end was read: the next page starts there.
      at_end = end == request.range_end();
      if (scan.count > 0) {
        sample_from = page.key();
        sample_to = end;
        sample_keys = scan.count;
        empty_pages = 0;
      } else {
        ++empty_pages;
      }
      from = std::move(end);
    }
  }
}

}  // namespace ectl::client
