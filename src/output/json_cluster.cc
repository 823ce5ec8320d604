// json of the cluster and maintenance results: Go's encoding/json over etcd's structs
// (omitempty on every generated field) and over etcdctl's own wrappers (no omitempty,
// except the health "error").
#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/cluster_results.h"
#include "output/json_printer.h"

namespace ectl::output {
namespace {

void AppendMember(std::string& out, const etcdserverpb::Member& m) {
  JsonObject o(out);
  o.Uint("ID", m.id());
  o.String("name", m.name());
  if (m.peerurls_size()) o.Key("peerURLs"), AppendStrings(out, m.peerurls());
  if (m.clienturls_size()) o.Key("clientURLs"), AppendStrings(out, m.clienturls());
  o.Bool("isLearner", m.islearner());
}

void Members(JsonObject& o, std::string& out,
             const google::protobuf::RepeatedPtrField<etcdserverpb::Member>& members) {
  if (members.empty()) return;
  o.Key("members");
  JsonArray a(out);
  for (const auto& m : members) AppendMember(a.Next(), m);
}

// A list of etcdctl's {"Endpoint":..., "<name>":{...}} wrappers.
template <typename List, typename Body>
void EndpointList(std::string& out, const List& list, std::string_view name, Body body) {
  JsonArray a(out);
  for (const auto& e : list) {
    JsonObject o(a.Next());
    o.Key("Endpoint"), AppendJsonString(out, e.endpoint);
    o.Key(name), body(e);
  }
}

}  // namespace

void JsonPrinter::MemberList(const MemberListResult& r) {
  {
    JsonObject o(buffer());
    if (r.response.has_header()) o.Key("header"), AppendHeader(buffer(), r.response.header());
    Members(o, buffer(), r.response.members());
  }
  Line();
}

void JsonPrinter::MemberAdd(const MemberAddResult& r) {
  {
    JsonObject o(buffer());
    if (r.response.has_header()) o.Key("header"), AppendHeader(buffer(), r.response.header());
    if (r.response.has_member()) o.Key("member"), AppendMember(buffer(), r.response.member());
    Members(o, buffer(), r.response.members());
  }
  Line();
}

void JsonPrinter::MemberChange(const MemberChangeResult& r) {
  {
    JsonObject o(buffer());
    o.Key("header"), AppendHeader(buffer(), r.header);
    Members(o, buffer(), r.members);
  }
  Line();
}

void JsonPrinter::EndpointHealth(const EndpointHealthResult& r) {
  {
    JsonArray a(buffer());
    for (const auto& h : r.list) {
      JsonObject o(a.Next());
      o.Key("endpoint"), AppendJsonString(buffer(), h.endpoint);
      o.Key("health"), buffer() += h.health ? "true" : "false";
      o.Key("took"), AppendJsonString(buffer(), h.took);
      o.String("error", h.error);
    }
  }
  Line();
}

void JsonPrinter::EndpointStatus(const EndpointStatusResult& r) {
  EndpointList(buffer(), r.list, "Status", [&](const auto& e) {
    const auto& s = e.status;
    JsonObject o(buffer());
    if (s.has_header()) o.Key("header"), AppendHeader(buffer(), s.header());
    o.String("version", s.version());
    o.Int("dbSize", s.dbsize());
    o.Uint("leader", s.leader());
    o.Uint("raftIndex", s.raftindex());
    o.Uint("raftTerm", s.raftterm());
    o.Uint("raftAppliedIndex", s.raftappliedindex());
    if (s.errors_size()) o.Key("errors"), AppendStrings(buffer(), s.errors());
    o.Int("dbSizeInUse", s.dbsizeinuse());
    o.Bool("isLearner", s.islearner());
  });
  Line();
}

void JsonPrinter::EndpointHashKV(const EndpointHashKVResult& r) {
  EndpointList(buffer(), r.list, "HashKV", [&](const auto& e) {
    JsonObject o(buffer());
    if (e.hash.has_header()) o.Key("header"), AppendHeader(buffer(), e.hash.header());
    o.Uint("hash", e.hash.hash());
    o.Int("compact_revision", e.hash.compact_revision());
  });
  Line();
}

void JsonPrinter::Alarm(const AlarmResult& r) {
  {
    JsonObject o(buffer());
    if (r.response.has_header()) o.Key("header"), AppendHeader(buffer(), r.response.header());
    if (r.response.alarms_size() > 0) {
      o.Key("alarms");
      JsonArray alarms(buffer());
      for (const auto& a : r.response.alarms()) {
        JsonObject alarm(alarms.Next());
        alarm.Uint("memberID", a.memberid());
        alarm.Int("alarm", a.alarm());
      }
    }
  }
  Line();
}

void JsonPrinter::MoveLeader(const MoveLeaderResult& r) {
  {
    JsonObject o(buffer());
    if (r.response.has_header()) o.Key("header"), AppendHeader(buffer(), r.response.header());
  }
  Line();
}

void JsonPrinter::SnapshotStatus(const SnapshotStatusResult& r) {
  {
    // etcdctl's own struct: no omitempty.
    JsonObject o(buffer());
    o.Key("hash"), buffer() += std::to_string(r.hash);
    o.Key("revision"), buffer() += std::to_string(r.revision);
    o.Key("totalKey"), buffer() += std::to_string(r.total_key);
    o.Key("totalSize"), buffer() += std::to_string(r.total_size);
  }
  Line();
}

}  // namespace ectl::output
