// The watch renderings of every format, used by each format's Watch() override
// (etcdctl's display.Watch):
//   simple    per event "PUT"/"DELETE", then the previous key-value (with --prev-kv),
//             then the key-value, each as key and value lines;
//   json      clientv3.WatchResponse as Go marshals it: capitalised wrapper keys that are
//             always present, events in the generated shape (omitempty);
//   fields    the header, then per event "Type", the Prev* block and the kv block;
//   protobuf  the synthesized etcdserverpb.WatchResponse (fields 1, 3, 4, 5, 11).
#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/json_writer.h"
#include "output/printer.h"
#include "output/watch_result.h"

#include "output/fields_writer.h"
#include "output/wire_writer.h"

namespace ectl::output {
namespace {

const char* TypeName(const mvccpb::Event& e) {
  return e.type() == mvccpb::Event::DELETE ? "DELETE" : "PUT";
}

void SimpleBytes(std::string& out, const std::string& bytes, bool hex) {
  if (hex) {
    out += HexEscape(bytes);
  } else {
    out += bytes;
  }
  out += '\n';
}

}  // namespace

void Printer::Watch(const WatchResult&) { Unsupported(); }

void Printer::AppendWatchSimple(std::string& out, const WatchResult& r, bool hex) {
  for (const auto& e : r.response.events()) {
    out += TypeName(e);
    out += '\n';
    if (e.has_prev_kv()) {
      SimpleBytes(out, e.prev_kv().key(), hex);
      SimpleBytes(out, e.prev_kv().value(), hex);
    }
    SimpleBytes(out, e.kv().key(), hex);
    SimpleBytes(out, e.kv().value(), hex);
  }
}

void Printer::AppendWatchJson(std::string& out, const WatchResult& r) {
  const auto& w = r.response;
  out += "{\"Header\":";
  AppendHeader(out, w.header());
  out += ",\"Events\":";
  if (r.events_null) {
    out += "null";
  } else {
    out += '[';
    bool first = true;
    for (const auto& e : w.events()) {
      if (!first) out += ',';
      first = false;
      JsonObject o(out);
      o.Int("type", e.type());
      if (e.has_kv()) o.Key("kv"), AppendKeyValue(out, e.kv());
      if (e.has_prev_kv()) o.Key("prev_kv"), AppendKeyValue(out, e.prev_kv());
    }
    out += ']';
  }
  out += ",\"CompactRevision\":";
  out += std::to_string(w.compact_revision());
  out += w.canceled() ? ",\"Canceled\":true" : ",\"Canceled\":false";
  out += w.created() ? ",\"Created\":true}" : ",\"Created\":false}";
}

void Printer::AppendWatchFields(std::string& out, const WatchResult& r) {
  const auto& h = r.response.header();
  FieldLine(out, "", "ClusterID", std::to_string(h.cluster_id()));
  FieldLine(out, "", "MemberID", std::to_string(h.member_id()));
  FieldLine(out, "", "Revision", std::to_string(h.revision()));
  FieldLine(out, "", "RaftTerm", std::to_string(h.raft_term()));
  for (const auto& e : r.response.events()) {
    FieldLine(out, "", "Type", TypeName(e));
    if (e.has_prev_kv()) FieldKeyValue(out, "Prev", e.prev_kv());
    FieldKeyValue(out, "", e.kv());
  }
}

void Printer::AppendWatchProtobuf(std::string& out, const WatchResult& r) {
  const auto& w = r.response;
  // Written field by field: etcdctl builds a new message from these five fields only,
  // and its header is always present (even when empty).
  AppendMessageField(out, 1, w.header());
  if (w.created()) out += "\x18\x01";
  if (w.canceled()) out += "\x20\x01";
  if (w.compact_revision() != 0) {
    out += '\x28';
    AppendVarint(out, static_cast<uint64_t>(w.compact_revision()));
  }
  for (const auto& e : w.events()) AppendMessageField(out, 11, e);
}

}  // namespace ectl::output
