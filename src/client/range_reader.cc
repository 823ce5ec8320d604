#include "client/range_reader.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>

#include <algorithm>
#include <climits>
#include <string>

#include "client/client.h"
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
  std::string last_key;
};

// First pass: the scalar fields and the header, skipping the key-values but for their
// keys' positions. Encoders write fields in number order, but the format does not promise
// it, so the key-values are read in a second pass rather than assumed to follow the header.
void ScanResponse(grpc::ByteBuffer& bytes, Scan& scan) {
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

  grpc::ByteBuffer bytes;
  grpc::Status status = CallRaw(client, page, timeout, &bytes);
  if (!status.ok()) ThrowStatus(status);
  Scan scan;
  ScanResponse(bytes, scan);
  visitor.OnBegin(scan.has_header ? &scan.header : nullptr);
  if (page.revision() == 0 && scan.has_header) page.set_revision(scan.header.revision());
  const int64_t count = scan.count;  // the whole range's, from the first page
  int64_t visited = 0, seen_bytes = 0;
  for (;;) {
    visited += scan.kvs;
    seen_bytes += static_cast<int64_t>(bytes.Length());
    const bool next = scan.more && scan.kvs > 0 && !(limit > 0 && visited >= limit);
    VisitKeyValues(bytes, visitor);
    if (!next) {
      // more: the last page's, as one request's would be when --limit stopped the read.
      visitor.OnEnd(scan.more && limit > 0 && visited >= limit, count);
      return;
    }
    // One page at a time: the client's share of the time (decoding, printing) is small
    // next to the server's, so requesting the next page early would gain little and
    // hold two pages.
    int64_t page_keys = options.page_keys;
    if (page_keys <= 0) {
      page_keys = std::max<int64_t>(1000, options.page_bytes /
                                              std::max<int64_t>(1, seen_bytes / visited));
    }
    page.set_key(scan.last_key + '\0');
    page.set_limit(limit > 0 ? std::min(page_keys, limit - visited) : page_keys);
    if (options.before_next_page) options.before_next_page(page.revision());
    grpc::ByteBuffer next_bytes;
    bytes.Clear();
    status = CallRaw(client, page, timeout, &next_bytes);
    if (!status.ok()) {
      throw RpcError(status.error_code(), StatusText(status) +
                                              " (reading the range in pages at revision " +
                                              std::to_string(page.revision()) +
                                              "; the output is incomplete)");
    }
    bytes = std::move(next_bytes);
    scan = Scan();
    ScanResponse(bytes, scan);
  }
}

}  // namespace ectl::client
