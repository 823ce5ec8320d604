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
  auto ctx = client.NewContext(timeout);
  grpc::Status status =
      grpc::internal::BlockingUnaryCall<etcdserverpb::RangeRequest, grpc::ByteBuffer,
                                        grpc::protobuf::MessageLite, grpc::ByteBuffer>(
          client.channel().get(), method, ctx.get(), request, response);
  if (!status.ok() && Client::IsTokenError(status.error_message()) && client.RefreshToken()) {
    ctx = client.NewContext(timeout);
    status = grpc::internal::BlockingUnaryCall<etcdserverpb::RangeRequest, grpc::ByteBuffer,
                                               grpc::protobuf::MessageLite, grpc::ByteBuffer>(
        client.channel().get(), method, ctx.get(), request, response);
  }
  return status;
}

[[noreturn]] void Malformed() {
  throw RpcError(static_cast<int>(grpc::StatusCode::INTERNAL),
                 "rpc error: code = Internal desc = malformed RangeResponse");
}

}  // namespace

void RangeStreamed(const Client& client, const etcdserverpb::RangeRequest& request,
                   std::optional<Duration> timeout, RangeVisitor& visitor) {
  client.CheckSendSize(request);
  grpc::ByteBuffer bytes;
  grpc::Status status = CallRaw(client, request, timeout, &bytes);
  if (!status.ok()) ThrowStatus(status);

  // First pass: the scalar fields and the header, skipping the key-values. Encoders
  // write fields in number order, but the format does not promise it, so the key-values
  // are read in a second pass rather than assumed to follow the header.
  etcdserverpb::ResponseHeader header;
  bool has_header = false, more = false;
  int64_t count = 0;
  {
    grpc::ProtoBufferReader reader(&bytes);
    CodedInputStream in(&reader);
    in.SetTotalBytesLimit(INT_MAX);
    while (uint32_t tag = in.ReadTag()) {
      uint64_t v;
      switch (WireFormatLite::GetTagFieldNumber(tag)) {
        case kHeaderField:
          if (!WireFormatLite::ReadMessage(&in, &header)) Malformed();
          has_header = true;
          break;
        case kMoreField:
          if (!in.ReadVarint64(&v)) Malformed();
          more = v != 0;
          break;
        case kCountField:
          if (!in.ReadVarint64(&v)) Malformed();
          count = static_cast<int64_t>(v);
          break;
        default:
          if (!WireFormatLite::SkipField(&in, tag)) Malformed();
      }
    }
  }

  visitor.OnBegin(has_header ? &header : nullptr);
  {
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
  visitor.OnEnd(more, count);
}

namespace {

// Forwards one page to the caller's visitor: the header of the first page only, every
// key-value, and no end; remembers what the next request needs.
class PageVisitor final : public RangeVisitor {
 public:
  explicit PageVisitor(RangeVisitor& out) : out_(out) {}
  void OnBegin(const etcdserverpb::ResponseHeader* header) override {
    if (first_) {
      out_.OnBegin(header);
      revision_ = header ? header->revision() : 0;
    }
    keys_ = 0;
  }
  void OnKeyValue(const mvccpb::KeyValue& kv) override {
    out_.OnKeyValue(kv);
    last_key_.assign(kv.key());
    ++keys_;
  }
  void OnEnd(bool more, int64_t count) override {
    if (first_) count_ = count;
    more_ = more;
    first_ = false;
  }

  RangeVisitor& out_;
  bool first_ = true;
  int64_t revision_ = 0;  // of the first page's header
  int64_t count_ = 0;     // of the first page: the whole range's
  int64_t keys_ = 0;      // in the last page
  bool more_ = false;     // of the last page
  std::string last_key_;
};

}  // namespace

bool Pageable(const etcdserverpb::RangeRequest& r) {
  using R = etcdserverpb::RangeRequest;
  const bool by_key = r.sort_order() == R::NONE ||
                      (r.sort_order() == R::ASCEND && r.sort_target() == R::KEY);
  return !r.range_end().empty() && !r.count_only() && by_key && r.min_mod_revision() == 0 &&
         r.max_mod_revision() == 0 && r.min_create_revision() == 0 &&
         r.max_create_revision() == 0;
}

void RangePaged(const Client& client, const etcdserverpb::RangeRequest& request,
                std::optional<Duration> timeout, const PageOptions& options,
                RangeVisitor& visitor) {
  if (!Pageable(request) || options.page_keys <= 0 ||
      (request.limit() > 0 && request.limit() <= options.page_keys)) {
    RangeStreamed(client, request, timeout, visitor);
    return;
  }
  etcdserverpb::RangeRequest page = request;
  // Ascending by key is the server's own order; asking for no sort spares it a sort.
  page.set_sort_order(etcdserverpb::RangeRequest::NONE);
  page.set_sort_target(etcdserverpb::RangeRequest::KEY);
  const int64_t limit = request.limit();
  int64_t visited = 0;
  PageVisitor pages(visitor);
  for (;;) {
    page.set_limit(limit > 0 ? std::min(options.page_keys, limit - visited) : options.page_keys);
    if (pages.first_) {
      RangeStreamed(client, page, timeout, pages);
      if (page.revision() == 0) page.set_revision(pages.revision_);
    } else {
      if (options.before_next_page) options.before_next_page(page.revision());
      try {
        RangeStreamed(client, page, timeout, pages);
      } catch (const RpcError& e) {
        throw RpcError(e.grpc_code(), std::string(e.what()) + " (reading the range in pages at revision " +
                                          std::to_string(page.revision()) +
                                          "; the output is incomplete)");
      }
    }
    visited += pages.keys_;
    if (!pages.more_ || pages.keys_ == 0) break;
    if (limit > 0 && visited >= limit) break;  // more: the last page's, as one request's
    page.set_key(pages.last_key_ + '\0');
  }
  visitor.OnEnd(pages.more_ && (limit > 0 && visited >= limit), pages.count_);
}

}  // namespace ectl::client
