// json of the cluster results: Go's encoding/json over etcd's structs (omitempty on
// every generated field) and over etcdctl's own wrappers (no omitempty, except the
// health "error").
#include "common/bytes.h"
#include "output/cluster_formats.h"
#include "output/json_writer.h"

namespace ectl::output::cluster {
namespace {

void Strings(std::string& out, const google::protobuf::RepeatedPtrField<std::string>& list) {
  out += '[';
  for (int i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(out, list[i]);
  }
  out += ']';
}

void Member(std::string& out, const etcdserverpb::Member& m) {
  JsonObject o(out);
  o.Uint("ID", m.id());
  o.String("name", m.name());
  if (m.peerurls_size()) o.Key("peerURLs"), Strings(out, m.peerurls());
  if (m.clienturls_size()) o.Key("clientURLs"), Strings(out, m.clienturls());
  o.Bool("isLearner", m.islearner());
}

void Members(JsonObject& o, std::string& out,
             const google::protobuf::RepeatedPtrField<etcdserverpb::Member>& members) {
  if (members.empty()) return;
  o.Key("members");
  out += '[';
  for (int i = 0; i < members.size(); ++i) {
    if (i) out += ',';
    Member(out, members[i]);
  }
  out += ']';
}

// A list of etcdctl's {"Endpoint":..., "<name>":{...}} wrappers.
template <typename List, typename Body>
void EndpointList(std::string& out, const List& list, const char* name, Body body) {
  out += '[';
  for (size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    out += "{\"Endpoint\":";
    AppendJsonString(out, list[i].endpoint);
    out += ",\"";
    out += name;
    out += "\":";
    body(list[i]);
    out += '}';
  }
  out += ']';
}

}  // namespace

void Json(std::string& out, const MemberListResult& r) {
  JsonObject o(out);
  if (r.response.has_header()) o.Key("header"), AppendHeader(out, r.response.header());
  Members(o, out, r.response.members());
}

void Json(std::string& out, const MemberAddResult& r) {
  JsonObject o(out);
  if (r.response.has_header()) o.Key("header"), AppendHeader(out, r.response.header());
  if (r.response.has_member()) o.Key("member"), Member(out, r.response.member());
  Members(o, out, r.response.members());
}

void Json(std::string& out, const MemberChangeResult& r) {
  JsonObject o(out);
  o.Key("header");
  AppendHeader(out, r.header);
  Members(o, out, r.members);
}

void Json(std::string& out, const EndpointHealthResult& r) {
  out += '[';
  for (size_t i = 0; i < r.list.size(); ++i) {
    const auto& h = r.list[i];
    if (i) out += ',';
    out += "{\"endpoint\":";
    AppendJsonString(out, h.endpoint);
    out += h.health ? ",\"health\":true" : ",\"health\":false";
    out += ",\"took\":";
    AppendJsonString(out, h.took);
    if (!h.error.empty()) {
      out += ",\"error\":";
      AppendJsonString(out, h.error);
    }
    out += '}';
  }
  out += ']';
}

void Json(std::string& out, const EndpointStatusResult& r) {
  EndpointList(out, r.list, "Status", [&](const EndpointStatus& e) {
    const auto& s = e.status;
    JsonObject o(out);
    if (s.has_header()) o.Key("header"), AppendHeader(out, s.header());
    o.String("version", s.version());
    o.Int("dbSize", s.dbsize());
    o.Uint("leader", s.leader());
    o.Uint("raftIndex", s.raftindex());
    o.Uint("raftTerm", s.raftterm());
    o.Uint("raftAppliedIndex", s.raftappliedindex());
    if (s.errors_size()) o.Key("errors"), Strings(out, s.errors());
    o.Int("dbSizeInUse", s.dbsizeinuse());
    o.Bool("isLearner", s.islearner());
  });
}

void Json(std::string& out, const EndpointHashKVResult& r) {
  EndpointList(out, r.list, "HashKV", [&](const EndpointHashKV& e) {
    JsonObject o(out);
    if (e.hash.has_header()) o.Key("header"), AppendHeader(out, e.hash.header());
    o.Uint("hash", e.hash.hash());
    o.Int("compact_revision", e.hash.compact_revision());
  });
}

void Json(std::string& out, const AlarmResult& r) {
  JsonObject o(out);
  if (r.response.has_header()) o.Key("header"), AppendHeader(out, r.response.header());
  if (r.response.alarms_size() == 0) return;
  o.Key("alarms");
  out += '[';
  for (int i = 0; i < r.response.alarms_size(); ++i) {
    if (i) out += ',';
    JsonObject a(out);
    a.Uint("memberID", r.response.alarms(i).memberid());
    a.Int("alarm", r.response.alarms(i).alarm());
  }
  out += ']';
}

void Json(std::string& out, const MoveLeaderResult& r) {
  JsonObject o(out);
  if (r.response.has_header()) o.Key("header"), AppendHeader(out, r.response.header());
}

void Json(std::string& out, const SnapshotStatusResult& r) {
  out += "{\"hash\":" + std::to_string(r.hash) + ",\"revision\":" + std::to_string(r.revision) +
         ",\"totalKey\":" + std::to_string(r.total_key) +
         ",\"totalSize\":" + std::to_string(r.total_size) + "}";
}

}  // namespace ectl::output::cluster
