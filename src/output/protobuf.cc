// protobuf: the raw response message bytes, no framing, as etcdctl writes them.
#include "output/protobuf.h"

#include "etcdserverpb/rpc.pb.h"
#include "output/printer.h"

namespace ectl::output {
namespace {

class ProtobufPrinter final : public Printer {
 public:
  ProtobufPrinter(std::ostream& out, bool hex) : Printer(out, "protobuf", hex) {}

  void Get(const etcdserverpb::RangeResponse& r, const GetPrintOptions&) override { Message(r); }
  void Put(const etcdserverpb::PutResponse& r) override { Message(r); }
  void Delete(const etcdserverpb::DeleteRangeResponse& r) override { Message(r); }
  void Txn(const etcdserverpb::TxnResponse& r) override { Message(r); }

  // lease

  // watch

  // cluster and maintenance

  // auth
  void AuthChange(const google::protobuf::MessageLite& r, const etcdserverpb::ResponseHeader&,
                  std::string_view) override {
    Message(r);
  }
  void AuthStatus(const etcdserverpb::AuthStatusResponse& r) override { Message(r); }
  void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view) override {
    Message(r);
  }
  void UserList(const etcdserverpb::AuthUserListResponse& r) override { Message(r); }
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view) override {
    Message(r);
  }
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override { Message(r); }


  // concurrency

 private:
  bool Supports(Result) const override { return true; }

  void Message(const google::protobuf::MessageLite& m) {
    Flush();
    m.AppendToString(&buffer());
    Flush();
  }
};

}  // namespace

std::unique_ptr<Printer> MakeProtobufPrinter(std::ostream& out, bool hex) {
  return std::make_unique<ProtobufPrinter>(out, hex);
}

}  // namespace ectl::output
