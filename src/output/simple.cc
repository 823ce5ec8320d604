// simple: what a person reads. Keys and values are printed raw, one per line (or as
// \xNN escapes with --hex), exactly as etcdctl does.
#include "output/simple.h"

#include <string>

#include "common/bytes.h"
#include "output/auth_text.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/printer.h"

namespace ectl::output {
namespace {

class SimplePrinter final : public Printer {
 public:
  SimplePrinter(std::ostream& out, bool hex) : Printer(out, "simple", hex) {}

  void Get(const etcdserverpb::RangeResponse& r, const GetPrintOptions& options) override {
    for (const auto& kv : r.kvs()) KeyValue(kv, options.value_only);
  }

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

  // watch

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
};

}  // namespace

std::unique_ptr<Printer> MakeSimplePrinter(std::ostream& out, bool hex) {
  return std::make_unique<SimplePrinter>(out, hex);
}

}  // namespace ectl::output
