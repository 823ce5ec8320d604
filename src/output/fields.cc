// fields: one `"Name" : value` line per field, as etcdctl's fields printer writes them
// (strings and bytes in Go's %q quoting, so the output is line-safe; but note the mix in
// the cluster results: member names in plain quotes, endpoints and versions in %q).
#include "output/fields.h"

#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/cluster_results.h"
#include "output/fields_writer.h"
#include "output/format.h"
#include "output/printer.h"
#include "output/rows.h"
#include "output/watch_result.h"

namespace ectl::output {
namespace {

class FieldsPrinter final : public Printer {
 public:
  FieldsPrinter(std::ostream& out, bool hex) : Printer(out, "fields", hex) {}

  void RangeBegin(const etcdserverpb::ResponseHeader* header, const GetPrintOptions&) override {
    Header(header ? *header : etcdserverpb::ResponseHeader::default_instance());
  }
  void RangeKeyValue(const mvccpb::KeyValue& kv) override { KeyValue("", kv); }
  void RangeEnd(bool more, int64_t count) override {
    Line("More", more ? "true" : "false");
    Line("Count", std::to_string(count));
  }

  void Put(const etcdserverpb::PutResponse& r) override {
    Header(r.header());
    if (r.has_prev_kv()) KeyValue("Prev", r.prev_kv());
  }

  void Delete(const etcdserverpb::DeleteRangeResponse& r) override {
    Header(r.header());
    Line("Deleted", std::to_string(r.deleted()));
    for (const auto& kv : r.prev_kvs()) KeyValue("Prev", kv);
  }

  void Txn(const etcdserverpb::TxnResponse& r) override {
    Header(r.header());
    Line("Succeeded", r.succeeded() ? "true" : "false");
    for (const auto& op : r.responses()) {
      if (op.has_response_range()) Get(op.response_range(), {});
      else if (op.has_response_put()) Put(op.response_put());
      else if (op.has_response_delete_range()) Delete(op.response_delete_range());
      else if (op.has_response_txn()) Txn(op.response_txn());
    }
  }

  // lease
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override {
    Header(r.header());
    Line("ID", std::to_string(r.id()));
    Line("TTL", std::to_string(r.ttl()));
  }
  void LeaseRevoke(int64_t, const etcdserverpb::LeaseRevokeResponse& r) override {
    Header(r.header());
  }
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool) override {
    Header(r.header());
    Line("ID", std::to_string(r.id()));
    Line("TTL", std::to_string(r.ttl()));
    Line("GrantedTTL", std::to_string(r.grantedttl()));
    for (const auto& k : r.keys()) Quoted("", "Key", k);
  }
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override {
    Header(r.header());
    for (const auto& l : r.leases()) {
      Line("ID", std::to_string(l.id()));
      MaybeFlush();
    }
  }
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override {
    Header(r.header());
    Line("ID", std::to_string(r.id()));
    Line("TTL", std::to_string(r.ttl()));
    Flush();
  }

  // watch
  // The header, then per event "Type", the Prev* block and the kv block.
  void Watch(const WatchResult& r) override {
    Header(r.response.header());
    for (const auto& e : r.response.events()) {
      Line("Type", e.type() == mvccpb::Event::DELETE ? "DELETE" : "PUT");
      if (e.has_prev_kv()) FieldKeyValue(buffer(), "Prev", e.prev_kv());
      FieldKeyValue(buffer(), "", e.kv());
    }
    MaybeFlush();
  }

  // cluster and maintenance
  void MemberList(const MemberListResult& r) override {
    Header(r.response.header());
    for (const auto& m : r.response.members()) {
      Line("ID", std::to_string(m.id()));
      Line("Name", "\"" + m.name() + "\"");
      for (const auto& u : m.peerurls()) Line("PeerURL", "\"" + u + "\"");
      for (const auto& u : m.clienturls()) Line("ClientURL", "\"" + u + "\"");
      Line("IsLearner", Bool(m.islearner()));
      buffer() += '\n';
    }
    Flush();
  }
  void EndpointHealth(const EndpointHealthResult& r) override {
    for (const auto& h : r.list) {
      Quoted("", "Endpoint", h.endpoint);
      Line("Health", Bool(h.health));
      Line("Took", h.took);
      Line("Error", h.error);
      buffer() += '\n';
    }
    Flush();
  }
  void EndpointStatus(const EndpointStatusResult& r) override {
    for (const auto& e : r.list) {
      const auto& s = e.status;
      Header(s.header());
      Quoted("", "Version", s.version());
      Line("DBSize", std::to_string(s.dbsize()));
      Line("Leader", std::to_string(s.leader()));
      Line("IsLearner", Bool(s.islearner()));
      Line("RaftIndex", std::to_string(s.raftindex()));
      Line("RaftTerm", std::to_string(s.raftterm()));
      Line("RaftAppliedIndex", std::to_string(s.raftappliedindex()));
      std::string errors = "[";
      for (int i = 0; i < s.errors_size(); ++i) errors += (i ? " " : "") + s.errors(i);
      Line("Errors", errors + "]");
      Quoted("", "Endpoint", e.endpoint);
      buffer() += '\n';
    }
    Flush();
  }
  void EndpointHashKV(const EndpointHashKVResult& r) override {
    for (const auto& h : r.list) {
      Header(h.hash.header());
      Quoted("", "Endpoint", h.endpoint);
      Line("Hash", std::to_string(h.hash.hash()));
      buffer() += '\n';
    }
    Flush();
  }
  void Alarm(const AlarmResult& r) override {
    // etcdctl dereferences the header, which a 3.4 server leaves out, and panics; the
    // missing header prints as zeros here.
    Header(r.response.header());
    for (const auto& a : r.response.alarms()) {
      Line("MemberID", std::to_string(a.memberid()));
      Line("AlarmType", AlarmName(a.alarm()));
      buffer() += '\n';
    }
    Flush();
  }
  void SnapshotStatus(const SnapshotStatusResult& r) override {
    Line("Hash", std::to_string(r.hash));
    Line("Revision", std::to_string(r.revision));
    Line("Keys", std::to_string(r.total_key));
    Line("Size", std::to_string(r.total_size));
    Flush();
  }

  // auth
  void AuthChange(const google::protobuf::MessageLite&, const etcdserverpb::ResponseHeader& header,
                  std::string_view) override {
    Header(header);
  }
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view) override {
    Header(r.header());
    for (const auto& p : r.perm()) {
      // etcdctl prints the type with Println's separator after a colon-space: two spaces.
      Line("PermType", std::string(" ") + authpb::Permission::Type_Name(p.permtype()));
      Quoted("", "Key", p.key());
      Quoted("", "RangeEnd", p.range_end());
    }
  }
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override {
    Header(r.header());
    // No space after the colon when there are no roles: etcdctl prints each as " %q".
    std::string& b = buffer();
    b += "\"Roles\" :";
    for (const auto& role : r.roles()) {
      b += ' ';
      AppendGoQuote(b, role);
    }
    b += '\n';
  }

  // concurrency

 private:
  bool Supports(Result kind) const override { return Overrides<FieldsPrinter>(kind); }

  static const char* Bool(bool b) { return b ? "true" : "false"; }

  void Line(std::string_view name, std::string_view value) { FieldLine(buffer(), "", name, value); }
  void Quoted(std::string_view prefix, std::string_view name, std::string_view bytes) {
    FieldQuoted(buffer(), prefix, name, bytes);
  }
  void Header(const etcdserverpb::ResponseHeader& h) { FieldHeader(buffer(), h); }
  void KeyValue(std::string_view prefix, const mvccpb::KeyValue& kv) {
    FieldKeyValue(buffer(), prefix, kv);
    MaybeFlush();
  }
};

}  // namespace

std::unique_ptr<Printer> MakeFieldsPrinter(std::ostream& out, bool hex) {
  return std::make_unique<FieldsPrinter>(out, hex);
}

}  // namespace ectl::output
