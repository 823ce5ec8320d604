// fields of the cluster results, line for line as etcdctl's fields printer writes them
// (note the mix: member names in plain quotes, endpoints and versions in Go's %q).
#include "common/bytes.h"
#include "output/cluster_formats.h"
#include "output/fields_writer.h"

namespace ectl::output::cluster {
namespace {

void Line(std::string& out, std::string_view name, std::string_view value) {
  FieldLine(out, "", name, value);
}

void Quoted(std::string& out, std::string_view name, std::string_view value) {
  FieldQuoted(out, "", name, value);
}

const char* Bool(bool b) { return b ? "true" : "false"; }

void Header(std::string& out, const etcdserverpb::ResponseHeader& h) { FieldHeader(out, h); }

}  // namespace

void Fields(std::string& out, const MemberListResult& r) {
  Header(out, r.response.header());
  for (const auto& m : r.response.members()) {
    Line(out, "ID", std::to_string(m.id()));
    Line(out, "Name", "\"" + m.name() + "\"");
    for (const auto& u : m.peerurls()) Line(out, "PeerURL", "\"" + u + "\"");
    for (const auto& u : m.clienturls()) Line(out, "ClientURL", "\"" + u + "\"");
    Line(out, "IsLearner", Bool(m.islearner()));
    out += '\n';
  }
}

void Fields(std::string& out, const EndpointHealthResult& r) {
  for (const auto& h : r.list) {
    Quoted(out, "Endpoint", h.endpoint);
    Line(out, "Health", Bool(h.health));
    Line(out, "Took", h.took);
    Line(out, "Error", h.error);
    out += '\n';
  }
}

void Fields(std::string& out, const EndpointStatusResult& r) {
  for (const auto& e : r.list) {
    const auto& s = e.status;
    Header(out, s.header());
    Quoted(out, "Version", s.version());
    Line(out, "DBSize", std::to_string(s.dbsize()));
    Line(out, "Leader", std::to_string(s.leader()));
    Line(out, "IsLearner", Bool(s.islearner()));
    Line(out, "RaftIndex", std::to_string(s.raftindex()));
    Line(out, "RaftTerm", std::to_string(s.raftterm()));
    Line(out, "RaftAppliedIndex", std::to_string(s.raftappliedindex()));
    std::string errors = "[";
    for (int i = 0; i < s.errors_size(); ++i) errors += (i ? " " : "") + s.errors(i);
    Line(out, "Errors", errors + "]");
    Quoted(out, "Endpoint", e.endpoint);
    out += '\n';
  }
}

void Fields(std::string& out, const EndpointHashKVResult& r) {
  for (const auto& h : r.list) {
    Header(out, h.hash.header());
    Quoted(out, "Endpoint", h.endpoint);
    Line(out, "Hash", std::to_string(h.hash.hash()));
    out += '\n';
  }
}

void Fields(std::string& out, const AlarmResult& r) {
  // etcdctl dereferences the header, which a 3.4 server leaves out, and panics; the
  // missing header prints as zeros here.
  Header(out, r.response.header());
  for (const auto& a : r.response.alarms()) {
    Line(out, "MemberID", std::to_string(a.memberid()));
    Line(out, "AlarmType", AlarmName(a.alarm()));
    out += '\n';
  }
}

void Fields(std::string& out, const SnapshotStatusResult& r) {
  Line(out, "Hash", std::to_string(r.hash));
  Line(out, "Revision", std::to_string(r.revision));
  Line(out, "Keys", std::to_string(r.total_key));
  Line(out, "Size", std::to_string(r.total_size));
}

}  // namespace ectl::output::cluster
