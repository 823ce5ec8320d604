// simple: what a person reads. Keys and values are printed raw, one per line (or as
// \xNN escapes with --hex), exactly as etcdctl does.
#include "output/simple.h"

#include <string>

#include "common/bytes.h"
#include "output/auth_text.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/lease_format.h"
#include "output/printer.h"

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
  void Watch(const WatchResult& r) override {
    AppendWatchSimple(buffer(), r, hex());
    MaybeFlush();
  }

  // cluster and maintenance

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
  bool Supports(Result) const override { return true; }

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
