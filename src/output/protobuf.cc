// protobuf: the raw response message bytes, no framing, as etcdctl writes them.
#include "output/protobuf.h"

#include "etcdserverpb/rpc.pb.h"
#include "output/printer.h"
#include "output/wire_writer.h"

namespace ectl::output {
namespace {

class ProtobufPrinter final : public Printer {
 public:
  ProtobufPrinter(std::ostream& out, bool hex) : Printer(out, "protobuf", hex) {}

  // A RangeResponse written field by field is byte-identical to the whole message
  // serialized (fields in number order, no outer framing), so it can stream.
  void RangeBegin(const etcdserverpb::ResponseHeader* header, const GetPrintOptions&) override {
    if (header) AppendMessageField(buffer(), 1, *header);
  }
  void RangeKeyValue(const mvccpb::KeyValue& kv) override {
    AppendMessageField(buffer(), 2, kv);
    MaybeFlush();
  }
  void RangeEnd(bool more, int64_t count) override {
    if (more) AppendVarintField(buffer(), 3, 1);
    if (count != 0) AppendVarintField(buffer(), 4, static_cast<uint64_t>(count));
    Flush();
  }
  void Put(const etcdserverpb::PutResponse& r) override { Message(r); }
  void Delete(const etcdserverpb::DeleteRangeResponse& r) override { Message(r); }
  void Txn(const etcdserverpb::TxnResponse& r) override { Message(r); }

  // lease
  // Only the header's bytes, as etcdctl's protobuf printer marshals the embedded header
  // of clientv3's lease structs. lease revoke is refused (Supports): etcdctl cannot
  // marshal that response at all, and Require() must say so before the lease is revoked.
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override { Message(r.header()); }
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool) override {
    Message(r.header());
  }
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override { Message(r.header()); }
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override {
    Message(r.header());
  }

  // watch
  void Watch(const WatchResult& r) override {
    Flush();
    AppendWatchProtobuf(buffer(), r);
    Flush();
  }

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
  bool Supports(Result kind) const override {
    return kind != Result::kEndpointHealth && kind != Result::kEndpointStatus &&
           kind != Result::kEndpointHashKV && kind != Result::kSnapshotStatus &&
           kind != Result::kLeaseRevoke;
  }

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
