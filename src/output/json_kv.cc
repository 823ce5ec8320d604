// json of the key-value results (get, put, del, txn), and the json printer's factory.
#include <memory>
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/json.h"
#include "output/json_printer.h"

namespace ectl::output {

// A range is written in three steps so that its key-values can stream out; range_ and
// range_kvs_ keep the open object and array between the calls.
void JsonPrinter::RangeBegin(const etcdserverpb::ResponseHeader* header,
                             const GetPrintOptions&) {
  range_.emplace(buffer());
  if (header) range_->Key("header"), AppendHeader(buffer(), *header);
}

void JsonPrinter::RangeKeyValue(const mvccpb::KeyValue& kv) {
  if (!range_kvs_) {
    range_->Key("kvs");
    range_kvs_.emplace(buffer());
  }
  AppendKeyValue(range_kvs_->Next(), kv);
  MaybeFlush();
}

void JsonPrinter::RangeEnd(bool more, int64_t count) {
  range_kvs_.reset();
  range_->Bool("more", more);
  range_->Int("count", count);
  range_.reset();
  Line();
}

void JsonPrinter::Put(const etcdserverpb::PutResponse& r) {
  PutBody(r);
  Line();
}

void JsonPrinter::Delete(const etcdserverpb::DeleteRangeResponse& r) {
  DeleteBody(r);
  Line();
}

void JsonPrinter::Txn(const etcdserverpb::TxnResponse& r) {
  TxnBody(r);
  Line();
}

void JsonPrinter::RangeBody(const etcdserverpb::RangeResponse& r) {
  JsonObject o(buffer());
  if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
  if (r.kvs_size() > 0) o.Key("kvs"), AppendKeyValues(buffer(), r.kvs());
  o.Bool("more", r.more());
  o.Int("count", r.count());
}

void JsonPrinter::PutBody(const etcdserverpb::PutResponse& r) {
  JsonObject o(buffer());
  if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
  if (r.has_prev_kv()) o.Key("prev_kv"), AppendKeyValue(buffer(), r.prev_kv());
}

void JsonPrinter::DeleteBody(const etcdserverpb::DeleteRangeResponse& r) {
  JsonObject o(buffer());
  if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
  o.Int("deleted", r.deleted());
  if (r.prev_kvs_size() > 0) o.Key("prev_kvs"), AppendKeyValues(buffer(), r.prev_kvs());
}

void JsonPrinter::TxnBody(const etcdserverpb::TxnResponse& r) {
  JsonObject o(buffer());
  if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
  o.Bool("succeeded", r.succeeded());
  if (r.responses_size() == 0) return;
  o.Key("responses");
  JsonArray responses(buffer());
  for (const auto& op : r.responses()) {
    // 3.4's generated Go code names the oneof wrapper after the Go types:
    // {"Response":{"ResponseRange":{...}}}, or {"Response":null} when it is unset.
    JsonObject item(responses.Next());
    item.Key("Response");
    if (op.response_case() == etcdserverpb::ResponseOp::RESPONSE_NOT_SET) {
      buffer() += "null";
      continue;
    }
    JsonObject wrapper(buffer());
    if (op.has_response_range()) {
      wrapper.Key("ResponseRange"), RangeBody(op.response_range());
    } else if (op.has_response_put()) {
      wrapper.Key("ResponsePut"), PutBody(op.response_put());
    } else if (op.has_response_delete_range()) {
      wrapper.Key("ResponseDeleteRange"), DeleteBody(op.response_delete_range());
    } else if (op.has_response_txn()) {
      wrapper.Key("ResponseTxn"), TxnBody(op.response_txn());
    }
  }
}

std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out, bool hex) {
  return std::make_unique<JsonPrinter>(out, hex);
}

}  // namespace ectl::output
