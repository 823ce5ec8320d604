// jsonl of the cluster and maintenance results: one line per member, endpoint or alarm;
// member and cluster IDs as etcdctl's simple output prints them ("%x").
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/cluster_results.h"
#include "output/jsonl_fields.h"
#include "output/jsonl_printer.h"
#include "output/rows.h"

namespace ectl::output {

using json = nlohmann::ordered_json;

namespace {

json MemberJson(const etcdserverpb::Member& m, const etcdserverpb::ResponseHeader& h) {
  json o{{"id", IdHex(m.id())},
         {"name", m.name()},
         // etcdctl's simple output calls a member without a name "unstarted".
         {"started", !m.name().empty()},
         {"peer_urls", json::array()},
         {"client_urls", json::array()},
         {"is_learner", m.islearner()}};
  for (const auto& u : m.peerurls()) o["peer_urls"].push_back(u);
  for (const auto& u : m.clienturls()) o["client_urls"].push_back(u);
  o["cluster_id"] = IdHex(h.cluster_id());
  return o;
}

}  // namespace

void JsonlPrinter::MemberList(const MemberListResult& r) {
  for (const auto& m : r.response.members()) Emit(MemberJson(m, r.response.header()));
  Flush();
}

void JsonlPrinter::MemberAdd(const MemberAddResult& r) {
  // The new member; its name is not known to the cluster until it starts.
  json o = MemberJson(r.response.member(), r.response.header());
  o["name"] = r.name;
  o["action"] = "added";
  Emit(o, true);
}

void JsonlPrinter::MemberChange(const MemberChangeResult& r) {
  std::string action(r.verb.substr(0, r.verb.find(' ')));  // "removed", "updated", ...
  Emit(json{{"id", IdHex(r.id)}, {"action", action}, {"cluster_id", IdHex(r.header.cluster_id())}},
       true);
}

void JsonlPrinter::EndpointHealth(const EndpointHealthResult& r) {
  for (const auto& h : r.list) {
    json o{{"endpoint", h.endpoint}, {"health", h.health}, {"took", h.took}};
    if (!h.error.empty()) o["error"] = h.error;
    Emit(o);
  }
  Flush();
}

void JsonlPrinter::EndpointStatus(const EndpointStatusResult& r) {
  for (const auto& e : r.list) {
    const auto& s = e.status;
    json o{{"endpoint", e.endpoint},
           {"id", IdHex(s.header().member_id())},
           {"cluster_id", IdHex(s.header().cluster_id())},
           {"version", s.version()},
           {"db_size", s.dbsize()},
           {"db_size_in_use", s.dbsizeinuse()},
           {"leader", IdHex(s.leader())},
           {"is_leader", s.leader() == s.header().member_id()},
           {"is_learner", s.islearner()},
           {"raft_term", s.raftterm()},
           {"raft_index", s.raftindex()},
           {"raft_applied_index", s.raftappliedindex()},
           {"errors", json::array()},
           {"revision", s.header().revision()}};
    for (const auto& err : s.errors()) o["errors"].push_back(err);
    Emit(o);
  }
  Flush();
}

void JsonlPrinter::EndpointHashKV(const EndpointHashKVResult& r) {
  for (const auto& e : r.list) {
    Emit(json{{"endpoint", e.endpoint},
              {"hash", e.hash.hash()},
              {"compact_revision", e.hash.compact_revision()},
              {"revision", e.hash.header().revision()}});
  }
  Flush();
}

void JsonlPrinter::Alarm(const AlarmResult& r) {
  for (const auto& a : r.response.alarms()) {
    Emit(json{{"member_id", IdHex(a.memberid())}, {"alarm", AlarmName(a.alarm())}});
  }
  Flush();
}

void JsonlPrinter::MoveLeader(const MoveLeaderResult& r) {
  Emit(json{{"from", IdHex(r.from)}, {"to", IdHex(r.to)}}, true);
}

void JsonlPrinter::SnapshotStatus(const SnapshotStatusResult& r) {
  Emit(json{{"hash", r.hash},
            {"revision", r.revision},
            {"total_key", r.total_key},
            {"total_size", r.total_size}},
       true);
}

}  // namespace ectl::output
