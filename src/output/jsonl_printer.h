// Internal to output/: the jsonl format's class, whose results are defined in one file per
// command group (jsonl_kv.cc with watch, jsonl_lease.cc, jsonl_cluster.cc, jsonl_auth.cc).
//
// jsonl is ectl's own format, for people and for jq: one flat JSON object per item (per
// key-value, watch event, lease, member, endpoint, user, role, alarm, txn op...), each on
// its own line, written with nlohmann_json. Keys and values are text when they are valid
// UTF-8 and "key_base64"/"value_base64" otherwise (output/kv_object.h); 64-bit IDs are
// strings in the hex form etcdctl prints elsewhere, so jq cannot round them; revisions
// and counts are numbers. The fields are documented in the -w help (cli/docs).
#ifndef ECTL_OUTPUT_JSONL_PRINTER_H_
#define ECTL_OUTPUT_JSONL_PRINTER_H_

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "output/format.h"
#include "output/printer.h"

namespace ectl::output {

class JsonlPrinter final : public Printer {
 public:
  JsonlPrinter(std::ostream& out, bool hex) : Printer(out, "jsonl", hex) {}

  // key-value and watch (jsonl_kv.cc)
  void RangeBegin(const etcdserverpb::ResponseHeader* header,
                  const GetPrintOptions& options) override;
  void RangeKeyValue(const mvccpb::KeyValue& kv) override;
  void RangeEnd(bool more, int64_t count) override;
  void Put(const etcdserverpb::PutResponse& r) override;
  void Delete(const etcdserverpb::DeleteRangeResponse& r) override;
  void Txn(const etcdserverpb::TxnResponse& r) override;
  void Watch(const WatchResult& r) override;

  // lease (jsonl_lease.cc)
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override;
  void LeaseRevoke(int64_t id, const etcdserverpb::LeaseRevokeResponse& r) override;
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool keys) override;
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override;
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override;

  // cluster and maintenance (jsonl_cluster.cc)
  void MemberList(const MemberListResult& r) override;
  void MemberAdd(const MemberAddResult& r) override;
  void MemberChange(const MemberChangeResult& r) override;
  void EndpointHealth(const EndpointHealthResult& r) override;
  void EndpointStatus(const EndpointStatusResult& r) override;
  void EndpointHashKV(const EndpointHashKVResult& r) override;
  void Alarm(const AlarmResult& r) override;
  void MoveLeader(const MoveLeaderResult& r) override;
  void SnapshotStatus(const SnapshotStatusResult& r) override;

  // auth (jsonl_auth.cc)
  void AuthChange(const google::protobuf::MessageLite& r,
                  const etcdserverpb::ResponseHeader& header, std::string_view text) override;
  void AuthStatus(const etcdserverpb::AuthStatusResponse& r) override;
  void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view name) override;
  void UserList(const etcdserverpb::AuthUserListResponse& r) override;
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view name) override;
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override;

 private:
  bool Supports(Result kind) const override { return Overrides<JsonlPrinter>(kind); }

  // Writes one object and its newline; the line goes out at once for the streams (watch,
  // keep-alive) and with the buffer otherwise.
  void Emit(const nlohmann::ordered_json& line, bool flush = false);

  int64_t range_revision_ = 0;  // the header's revision, on each kv line of a get
};

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSONL_PRINTER_H_
