// jsonl of the key-value and watch results, and the pieces every jsonl result shares
// (jsonl_fields.h) and the format's Emit.
#include <cstdio>
#include <ostream>
#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/jsonl.h"
#include "output/kv_object.h"
#include "output/jsonl_fields.h"
#include "output/jsonl_printer.h"
#include "output/lease_format.h"
#include "output/watch_result.h"

namespace ectl::output {

using json = nlohmann::ordered_json;

std::string Base64(std::string_view bytes) {
  std::string out;
  AppendBase64(out, bytes);
  return out;
}

void SetText(json& o, const std::string& name, std::string_view bytes) {
  if (IsValidUtf8(bytes)) {
    o[name] = std::string(bytes);
  } else {
    o[name + "_base64"] = Base64(bytes);
  }
}

std::string IdHex(uint64_t id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(id));
  return buf;
}

std::unique_ptr<Printer> MakeJsonlPrinter(std::ostream& out, bool hex) {
  return std::make_unique<JsonlPrinter>(out, hex);
}

void JsonlPrinter::Emit(const json& line, bool flush) {
  // Text that is not valid UTF-8 (a name or an error from the server) is replaced rather
  // than refused; keys and values never get here as text unless valid (SetText).
  buffer() += line.dump(-1, ' ', false, json::error_handler_t::replace);
  buffer() += '\n';
  if (flush) {
    Flush();
  } else {
    MaybeFlush();
  }
}

namespace {

int64_t Revision(const etcdserverpb::ResponseHeader& h) { return h.revision(); }

json RangeOp(const etcdserverpb::RangeResponse& r) {
  json o{{"op", "get"}};
  json kvs = json::array();
  for (const auto& kv : r.kvs()) kvs.push_back(KeyValueObject(kv));
  o["kvs"] = std::move(kvs);
  o["count"] = r.count();
  o["more"] = r.more();
  return o;
}

json PutOp(const etcdserverpb::PutResponse& r) {
  json o{{"op", "put"}};
  if (r.has_prev_kv()) o["prev_kv"] = KeyValueObject(r.prev_kv());
  return o;
}

json DeleteOp(const etcdserverpb::DeleteRangeResponse& r) {
  json o{{"op", "delete"}, {"deleted", r.deleted()}};
  if (r.prev_kvs_size() > 0) {
    json prev = json::array();
    for (const auto& kv : r.prev_kvs()) prev.push_back(KeyValueObject(kv));
    o["prev_kvs"] = std::move(prev);
  }
  return o;
}

json ResponseOpJson(const etcdserverpb::ResponseOp& op);

json TxnOp(const etcdserverpb::TxnResponse& r) {
  json o{{"op", "txn"}, {"succeeded", r.succeeded()}};
  json responses = json::array();
  for (const auto& op : r.responses()) responses.push_back(ResponseOpJson(op));
  o["responses"] = std::move(responses);
  return o;
}

json ResponseOpJson(const etcdserverpb::ResponseOp& op) {
  switch (op.response_case()) {
    case etcdserverpb::ResponseOp::kResponseRange: return RangeOp(op.response_range());
    case etcdserverpb::ResponseOp::kResponsePut: return PutOp(op.response_put());
    case etcdserverpb::ResponseOp::kResponseDeleteRange:
      return DeleteOp(op.response_delete_range());
    case etcdserverpb::ResponseOp::kResponseTxn: return TxnOp(op.response_txn());
    default: return json{{"op", nullptr}};
  }
}

}  // namespace

void JsonlPrinter::RangeBegin(const etcdserverpb::ResponseHeader* header,
                              const GetPrintOptions&) {
  range_revision_ = header != nullptr ? Revision(*header) : 0;
}

void JsonlPrinter::RangeKeyValue(const mvccpb::KeyValue& kv) {
  json o = KeyValueObject(kv);
  o["revision"] = range_revision_;
  Emit(o);
}

void JsonlPrinter::RangeEnd(bool, int64_t) { Flush(); }

void JsonlPrinter::Put(const etcdserverpb::PutResponse& r) {
  json o{{"revision", Revision(r.header())}};
  if (r.has_prev_kv()) o["prev_kv"] = KeyValueObject(r.prev_kv());
  Emit(o, true);
}

void JsonlPrinter::Delete(const etcdserverpb::DeleteRangeResponse& r) {
  json o{{"deleted", r.deleted()}, {"revision", Revision(r.header())}};
  if (r.prev_kvs_size() > 0) {
    json prev = json::array();
    for (const auto& kv : r.prev_kvs()) prev.push_back(KeyValueObject(kv));
    o["prev_kvs"] = std::move(prev);
  }
  Emit(o, true);
}

void JsonlPrinter::Txn(const etcdserverpb::TxnResponse& r) {
  // The outcome first, then one line per response of the branch that ran.
  Emit(json{{"succeeded", r.succeeded()}, {"revision", Revision(r.header())}});
  for (const auto& op : r.responses()) {
    json o = ResponseOpJson(op);
    o["revision"] = Revision(r.header());
    Emit(o);
  }
  Flush();
}

void JsonlPrinter::Watch(const WatchResult& w) {
  const etcdserverpb::WatchResponse& r = w.response;
  const int64_t revision = Revision(r.header());
  for (const auto& ev : r.events()) {
    json o{{"type", ev.type() == mvccpb::Event::DELETE ? "DELETE" : "PUT"}};
    o.update(KeyValueObject(ev.kv()));
    o["revision"] = revision;
    if (ev.has_prev_kv()) o["prev_kv"] = KeyValueObject(ev.prev_kv());
    Emit(o);
  }
  if (r.canceled()) {
    json o{{"type", "CANCELED"}, {"revision", revision}};
    if (r.compact_revision() != 0) o["compact_revision"] = r.compact_revision();
    if (!r.cancel_reason().empty()) o["reason"] = r.cancel_reason();
    Emit(o);
  } else if (r.events_size() == 0 && !r.created() && !w.events_null &&
             r.compact_revision() == 0 && revision != 0) {
    // A progress notification: no events, not a creation (what simple prints as
    // "progress notify: N").
    Emit(json{{"type", "PROGRESS"}, {"revision", revision}});
  }
  Flush();
}

}  // namespace ectl::output
