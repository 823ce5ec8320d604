#include "client/range_reader.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>

#include <climits>

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

}  // namespace ectl::client
