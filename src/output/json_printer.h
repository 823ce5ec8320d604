// Internal to output/: the json format's class, whose results are defined in one file per
// command group (json_kv.cc, json_lease.cc, json_watch.cc, json_cluster.cc, json_auth.cc).
//
// json is Go's encoding/json over etcd's generated structs, as etcdctl 3.4 prints it:
// proto field names as keys, every zero field omitted, 64-bit integers as numbers, bytes
// as padded base64, HTML-safe string escaping (json_writer.h; src/README.md says why it
// is written by hand).
#ifndef ECTL_OUTPUT_JSON_PRINTER_H_
#define ECTL_OUTPUT_JSON_PRINTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "google/protobuf/repeated_ptr_field.h"
#include "output/format.h"
#include "output/json_writer.h"
#include "output/printer.h"

namespace ectl::output {

class JsonPrinter final : public Printer {
 public:
  JsonPrinter(std::ostream& out, bool hex) : Printer(out, "json", hex) {}

  // key-value (json_kv.cc)
  void RangeBegin(const etcdserverpb::ResponseHeader* header,
                  const GetPrintOptions& options) override;
  void RangeKeyValue(const mvccpb::KeyValue& kv) override;
  void RangeEnd(bool more, int64_t count) override;
  void Put(const etcdserverpb::PutResponse& r) override;
  void Delete(const etcdserverpb::DeleteRangeResponse& r) override;
  void Txn(const etcdserverpb::TxnResponse& r) override;

  // lease (json_lease.cc)
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override;
  void LeaseRevoke(int64_t id, const etcdserverpb::LeaseRevokeResponse& r) override;
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool keys) override;
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override;
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override;

  // watch (json_watch.cc)
  void Watch(const WatchResult& r) override;

  // cluster and maintenance (json_cluster.cc)
  void MemberList(const MemberListResult& r) override;
  void MemberAdd(const MemberAddResult& r) override;
  void MemberChange(const MemberChangeResult& r) override;
  void EndpointHealth(const EndpointHealthResult& r) override;
  void EndpointStatus(const EndpointStatusResult& r) override;
  void EndpointHashKV(const EndpointHashKVResult& r) override;
  void Alarm(const AlarmResult& r) override;
  void MoveLeader(const MoveLeaderResult& r) override;
  void SnapshotStatus(const SnapshotStatusResult& r) override;

  // auth (json_auth.cc)
  void AuthChange(const google::protobuf::MessageLite& r,
                  const etcdserverpb::ResponseHeader& header, std::string_view text) override;
  void AuthStatus(const etcdserverpb::AuthStatusResponse& r) override;
  void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view name) override;
  void UserList(const etcdserverpb::AuthUserListResponse& r) override;
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view name) override;
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override;

  // concurrency

 private:
  bool Supports(Result kind) const override { return Overrides<JsonPrinter>(kind); }

  // Ends a document: a newline, then everything written goes out.
  void Line() {
    buffer() += '\n';
    Flush();
  }

  // The bodies that a txn nests (json_kv.cc).
  void RangeBody(const etcdserverpb::RangeResponse& r);
  void PutBody(const etcdserverpb::PutResponse& r);
  void DeleteBody(const etcdserverpb::DeleteRangeResponse& r);
  void TxnBody(const etcdserverpb::TxnResponse& r);

  // {"header":...,"<field>":[names]} of the auth listings (json_auth.cc).
  void NamesObject(const etcdserverpb::ResponseHeader* header, std::string_view field,
                   const google::protobuf::RepeatedPtrField<std::string>& names);

  // The range object being streamed between RangeBegin and RangeEnd, and its "kvs"
  // array once the first key-value has come.
  std::optional<JsonObject> range_;
  std::optional<JsonArray> range_kvs_;
};

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSON_PRINTER_H_
