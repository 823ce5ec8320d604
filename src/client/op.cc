#include "client/op.h"

#include <grpcpp/grpcpp.h>

#include "client/client.h"
#include "client/rpc_error.h"
#include "client/unary.h"
#include "common/bytes.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using etcdserverpb::RangeRequest;

RangeRequest::SortOrder ToProto(SortOrder o) {
  switch (o) {
    case SortOrder::kAscend: return RangeRequest::ASCEND;
    case SortOrder::kDescend: return RangeRequest::DESCEND;
    default: return RangeRequest::NONE;
  }
}

RangeRequest::SortTarget ToProto(SortTarget t) {
  switch (t) {
    case SortTarget::kVersion: return RangeRequest::VERSION;
    case SortTarget::kCreate: return RangeRequest::CREATE;
    case SortTarget::kMod: return RangeRequest::MOD;
    case SortTarget::kValue: return RangeRequest::VALUE;
    default: return RangeRequest::KEY;
  }
}

// Responses are decoded straight into their final place: a range of 100,000 keys is
// never copied.
template <typename Response, typename Request, typename Method>
void Unary(const Client& client, const Request& request, std::optional<Duration> timeout,
           Method method, Response* response) {
  auto stub = etcdserverpb::KV::NewStub(client.channel());
  Call(client, *stub, method, request, response, timeout);
}

}  // namespace

void ResolveRange(const KeyRange& range, std::string& key, std::string& range_end) {
  key = range.key;
  range_end.clear();
  if (range.prefix || range.from_key) {
    if (key.empty()) {
      key.assign(1, '\0');
      range_end.assign(1, '\0');
    } else {
      range_end = range.prefix ? PrefixEnd(key) : std::string(1, '\0');
    }
  } else if (range.range_end) {
    range_end = *range.range_end;
  }
}

etcdserverpb::RequestOp OpGet(const GetOptions& o) {
  etcdserverpb::RequestOp op;
  auto* r = op.mutable_request_range();
  ResolveRange(o.range, *r->mutable_key(), *r->mutable_range_end());
  r->set_limit(o.limit);
  if (o.revision > 0) r->set_revision(o.revision);
  // etcd's client sends "sort by key, ascending" as no sort at all: that is the
  // server's natural order, and it avoids a sort pass.
  SortOrder order = o.order;
  if (o.target == SortTarget::kKey && order == SortOrder::kAscend) order = SortOrder::kNone;
  r->set_sort_order(ToProto(order));
  r->set_sort_target(ToProto(o.target));
  r->set_serializable(o.serializable);
  r->set_keys_only(o.keys_only);
  r->set_count_only(o.count_only);
  if (o.min_mod_revision > 0) r->set_min_mod_revision(o.min_mod_revision);
  if (o.max_mod_revision > 0) r->set_max_mod_revision(o.max_mod_revision);
  if (o.min_create_revision > 0) r->set_min_create_revision(o.min_create_revision);
  if (o.max_create_revision > 0) r->set_max_create_revision(o.max_create_revision);
  return op;
}

etcdserverpb::RequestOp OpPut(const PutOptions& o) {
  etcdserverpb::RequestOp op;
  auto* r = op.mutable_request_put();
  r->set_key(o.key);
  r->set_value(o.value);
  if (o.lease != 0) r->set_lease(o.lease);
  r->set_prev_kv(o.prev_kv);
  r->set_ignore_value(o.ignore_value);
  r->set_ignore_lease(o.ignore_lease);
  return op;
}

etcdserverpb::RequestOp OpDelete(const DeleteOptions& o) {
  etcdserverpb::RequestOp op;
  auto* r = op.mutable_request_delete_range();
  ResolveRange(o.range, *r->mutable_key(), *r->mutable_range_end());
  r->set_prev_kv(o.prev_kv);
  return op;
}

etcdserverpb::ResponseOp Do(const Client& client, const etcdserverpb::RequestOp& op,
                            std::optional<Duration> timeout) {
  using Stub = etcdserverpb::KV::Stub;
  etcdserverpb::ResponseOp out;
  switch (op.request_case()) {
    case etcdserverpb::RequestOp::kRequestRange:
      Unary(client, op.request_range(), timeout, &Stub::Range, out.mutable_response_range());
      break;
    case etcdserverpb::RequestOp::kRequestPut:
      Unary(client, op.request_put(), timeout, &Stub::Put, out.mutable_response_put());
      break;
    case etcdserverpb::RequestOp::kRequestDeleteRange:
      Unary(client, op.request_delete_range(), timeout, &Stub::DeleteRange,
            out.mutable_response_delete_range());
      break;
    case etcdserverpb::RequestOp::kRequestTxn:
      Unary(client, op.request_txn(), timeout, &Stub::Txn, out.mutable_response_txn());
      break;
    default:
      break;
  }
  return out;
}

etcdserverpb::TxnResponse Txn(const Client& client, const etcdserverpb::TxnRequest& request,
                              std::optional<Duration> timeout) {
  etcdserverpb::TxnResponse response;
  Unary(client, request, timeout, &etcdserverpb::KV::Stub::Txn, &response);
  return response;
}

etcdserverpb::CompactionResponse Compact(const Client& client,
                                         const etcdserverpb::CompactionRequest& request,
                                         std::optional<Duration> timeout) {
  etcdserverpb::CompactionResponse response;
  Unary(client, request, timeout, &etcdserverpb::KV::Stub::Compact, &response);
  return response;
}

}  // namespace ectl::client
