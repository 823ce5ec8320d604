// simple: what a person reads. Keys and values are printed raw, one per line (or as
// \xNN escapes with --hex), exactly as etcdctl does.
#include "output/simple.h"

#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/auth_text.h"
#include "output/color.h"
#include "output/cluster_results.h"
#include "output/format.h"
#include "output/lease_format.h"
#include "output/printer.h"
#include "output/rows.h"
#include "output/watch_result.h"

namespace ectl::output {
namespace {

class SimplePrinter final : public Printer {
 public:
  SimplePrinter(std::ostream& out, bool hex) : Printer(out, "simple", hex) {}

  void RangeBegin(const etcdserverpb::ResponseHeader*, const GetPrintOptions& options) override {
    value_only_ = options.value_only;
  }
  void RangeKeyValue(const mvccpb::KeyValue& kv) override { KeyValue(kv, value_only_); }
  void RangeEnd(bool, int64_t) override {}

  void Put(const etcdserverpb::PutResponse& r) override {
    Write("OK\n");
    if (r.has_prev_kv()) KeyValue(r.prev_kv(), false);
  }

  void Delete(const etcdserverpb::DeleteRangeResponse& r) override {
    Write(std::to_string(r.deleted()));
    Write("\n");
    for (const auto& kv : r.prev_kvs()) KeyValue(kv, false);
  }

  void Txn(const etcdserverpb::TxnResponse& r) override {
    Write(r.succeeded() ? "SUCCESS\n" : "FAILURE\n");
    for (const auto& op : r.responses()) {
      Write("\n");
      if (op.has_response_range()) Get(op.response_range(), {});
      else if (op.has_response_put()) Put(op.response_put());
      else if (op.has_response_delete_range()) Delete(op.response_delete_range());
      else if (op.has_response_txn()) Txn(op.response_txn());
    }
  }

  // lease
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override {
    Write("lease " + LeaseIdHex(r.id()) + " granted with TTL(" + std::to_string(r.ttl()) +
          "s)\n");
  }
  void LeaseRevoke(int64_t id, const etcdserverpb::LeaseRevokeResponse&) override {
    Write("lease " + LeaseIdHex(id) + " revoked\n");
  }
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool keys) override {
    // The server's answer for an unknown lease.
    if (r.grantedttl() == 0 && r.ttl() == -1) {
      Write("lease " + LeaseIdHex(r.id()) + " already expired\n");
      return;
    }
    std::string line = "lease " + LeaseIdHex(r.id()) + " granted with TTL(" +
                       std::to_string(r.grantedttl()) + "s), remaining(" +
                       std::to_string(r.ttl()) + "s)";
    if (keys) line += ", attached keys(" + GoStringList(r.keys()) + ")";
    Write(line + "\n");
  }
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override {
    Write("found " + std::to_string(r.leases_size()) + " leases\n");
    for (const auto& l : r.leases()) Write(LeaseIdHex(l.id()) + "\n");
  }
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override {
    Write("lease " + LeaseIdHex(r.id()) + " keepalived with TTL(" + std::to_string(r.ttl()) +
          ")\n");
    Flush();
  }
  void LeaseKeepAliveEnded(int64_t id) override {
    Write("lease " + LeaseIdHex(id) + " expired or revoked.\n");
    Flush();
  }

  // watch
  // Per event "PUT" or "DELETE", then the previous key-value (with --prev-kv), then the
  // key-value, each as key and value lines.
  void Watch(const WatchResult& r) override {
    for (const auto& e : r.response.events()) {
      if (e.type() == mvccpb::Event::DELETE) {
        buffer() += Paint("DELETE", sgr::kRed, color());
      } else {
        buffer() += Paint("PUT", sgr::kGreen, color());
      }
      buffer() += '\n';
      if (e.has_prev_kv()) KeyValue(e.prev_kv(), false);
      KeyValue(e.kv(), false);
    }
  }

  // cluster and maintenance
  void MemberList(const MemberListResult& r) override {
    Write(RenderSimpleRows(MemberListRows(r.response)));
    Flush();
  }
  void MemberAdd(const MemberAddResult& r) override {
    const auto& resp = r.response;
    std::string out = "Member " + PaddedHex(resp.member().id()) + " added to cluster " +
                      PaddedHex(resp.header().cluster_id()) + "\n";
    // The lines to start the new member with; every member's peer URLs, the new one
    // under the name given (the others under the name they have, maybe empty).
    std::string conf;
    for (const auto& m : resp.members()) {
      const std::string& n = m.id() == resp.member().id() ? r.name : m.name();
      for (const auto& u : m.peerurls()) conf += (conf.empty() ? "" : ",") + n + "=" + u;
    }
    out += "\nETCD_NAME=" + GoQuote(r.name) + "\n";
    out += "ETCD_INITIAL_CLUSTER=" + GoQuote(conf) + "\n";
    out += "ETCD_INITIAL_ADVERTISE_PEER_URLS=" + GoQuote(r.peer_urls) + "\n";
    out += "ETCD_INITIAL_CLUSTER_STATE=\"existing\"\n";
    Write(out);
    Flush();
  }
  void MemberChange(const MemberChangeResult& r) override {
    Write("Member " + PaddedHex(r.id) + " " + std::string(r.verb) + " cluster " +
          PaddedHex(r.header.cluster_id()) + "\n");
    Flush();
  }
  void EndpointHealth(const EndpointHealthResult& r) override {
    // Healthy endpoints go to stdout as etcdctl 3.5 prints them (3.4 used stderr),
    // unhealthy ones to stderr.
    for (const auto& h : r.list) {
      if (h.error.empty()) {
        Write(h.endpoint + " is healthy: successfully committed proposal: took = " + h.took +
              "\n");
      } else {
        Flush();
        r.err << h.endpoint << " is unhealthy: failed to commit proposal: " << h.error << "\n";
      }
    }
    Flush();
  }
  void EndpointStatus(const EndpointStatusResult& r) override {
    Write(RenderSimpleRows(EndpointStatusRows(r.list)));
    Flush();
  }
  void EndpointHashKV(const EndpointHashKVResult& r) override {
    Write(RenderSimpleRows(EndpointHashKVRows(r.list)));
    Flush();
  }
  void Alarm(const AlarmResult& r) override {
    // Go's %+v of each AlarmMember: its compact text form, trailing space included.
    for (const auto& a : r.response.alarms()) {
      std::string line;
      if (a.memberid() != 0) line += "memberID:" + std::to_string(a.memberid()) + " ";
      if (a.alarm() != 0) line += "alarm:" + AlarmName(a.alarm()) + " ";
      Write(line + "\n");
    }
    Flush();
  }
  void MoveLeader(const MoveLeaderResult& r) override {
    Write("Leadership transferred from " + Hex(r.from) + " to " + Hex(r.to) + "\n");
    Flush();
  }
  void SnapshotStatus(const SnapshotStatusResult& r) override {
    Write(RenderSimpleRows(SnapshotStatusRows(r)));
    Flush();
  }

  // auth
  void AuthChange(const google::protobuf::MessageLite&, const etcdserverpb::ResponseHeader&,
                  std::string_view text) override {
    Write(text);
    Write("\n");
  }
  void AuthStatus(const etcdserverpb::AuthStatusResponse& r) override {
    Write(std::string("Authentication Status: ") + (r.enabled() ? "true" : "false") + "\n");
    Write("AuthRevision: " + std::to_string(r.authrevision()) + "\n");
  }
  void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view name) override {
    std::string text = "User: ";
    text += name;
    text += "\nRoles:";
    for (const auto& role : r.roles()) text += " " + role;
    text += '\n';
    Write(text);
  }
  void UserList(const etcdserverpb::AuthUserListResponse& r) override {
    for (const auto& user : r.users()) Write(user + "\n");
  }
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view name) override {
    Write(RoleGetText(name, r.perm()));
  }
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override {
    for (const auto& role : r.roles()) Write(role + "\n");
  }

  // concurrency

 private:
  bool Supports(Result kind) const override { return Overrides<SimplePrinter>(kind); }

  void Bytes(const std::string& bytes) {
    if (hex()) {
      buffer() += HexEscape(bytes);
    } else {
      buffer() += bytes;
    }
    buffer() += '\n';
  }

  void KeyValue(const mvccpb::KeyValue& kv, bool value_only) {
    if (!value_only) Bytes(kv.key());
    Bytes(kv.value());
    MaybeFlush();
  }

  bool value_only_ = false;
};

}  // namespace

std::unique_ptr<Printer> MakeSimplePrinter(std::ostream& out, bool hex) {
  return std::make_unique<SimplePrinter>(out, hex);
}

}  // namespace ectl::output
