// fields: one `"Name" : value` line per field, as etcdctl's fields printer writes them
// (strings and bytes in Go's %q quoting, so the output is line-safe).
#include "output/fields.h"

#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/fields_writer.h"
#include "output/printer.h"

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
  void Watch(const WatchResult& r) override {
    AppendWatchFields(buffer(), r);
    MaybeFlush();
  }

  // cluster and maintenance

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
  // Every result without an override above is refused here, so that Require() refuses it
  // before the RPC (user get/list and auth status, as etcdctl 3.5, included).
  bool Supports(Result kind) const override {
    return kind != Result::kMemberAdd && kind != Result::kMemberChange &&
           kind != Result::kMoveLeader && kind != Result::kAuthStatus &&
           kind != Result::kUserGet && kind != Result::kUserList;
  }

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
