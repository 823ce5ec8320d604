#include "output/json_writer.h"

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "mvccpb/kv.pb.h"

namespace ectl::output {

void JsonObject::Key(std::string_view name) {
  if (!first_) out_ += ',';
  first_ = false;
  out_ += '"';
  out_ += name;
  out_ += "\":";
}

void JsonObject::Bytes(std::string_view name, std::string_view v) {
  if (v.empty()) return;
  Key(name);
  out_ += '"';
  AppendBase64(out_, v);
  out_ += '"';
}

void JsonObject::String(std::string_view name, std::string_view v) {
  if (v.empty()) return;
  Key(name);
  AppendJsonString(out_, v);
}

void JsonArray::String(std::string_view v) { AppendJsonString(Next(), v); }

void JsonArray::Bytes(std::string_view v) {
  std::string& out = Next();
  out += '"';
  AppendBase64(out, v);
  out += '"';
}

void AppendStrings(std::string& out, const google::protobuf::RepeatedPtrField<std::string>& list) {
  JsonArray a(out);
  for (const auto& s : list) a.String(s);
}

void AppendHeader(std::string& out, const etcdserverpb::ResponseHeader& h) {
  JsonObject o(out);
  o.Uint("cluster_id", h.cluster_id());
  o.Uint("member_id", h.member_id());
  o.Int("revision", h.revision());
  o.Uint("raft_term", h.raft_term());
}

void AppendKeyValue(std::string& out, const mvccpb::KeyValue& kv) {
  JsonObject o(out);
  o.Bytes("key", kv.key());
  o.Int("create_revision", kv.create_revision());
  o.Int("mod_revision", kv.mod_revision());
  o.Int("version", kv.version());
  o.Bytes("value", kv.value());
  o.Int("lease", kv.lease());
}

void AppendKeyValues(std::string& out,
                     const google::protobuf::RepeatedPtrField<mvccpb::KeyValue>& kvs) {
  JsonArray a(out);
  for (const auto& kv : kvs) AppendKeyValue(a.Next(), kv);
}

}  // namespace ectl::output
