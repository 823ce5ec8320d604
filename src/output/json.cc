// json: Go's encoding/json over etcd's generated structs, as etcdctl 3.4 prints it.
//
// Built by hand rather than with a JSON library because the shape is Go's, not a
// generic one: proto field names as keys, every zero field omitted, 64-bit integers as
// numbers, bytes as padded base64, HTML-safe string escaping, and 3.4's oneof wrapper
// names ("Response":{"ResponseRange":...}). Writing straight into the output buffer also
// lets a 100,000-key result stream out without an intermediate document.
#include "output/json.h"

#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/json_writer.h"
#include "output/lease_format.h"
#include "output/printer.h"

namespace ectl::output {
namespace {

class JsonPrinter final : public Printer {
 public:
  JsonPrinter(std::ostream& out, bool hex) : Printer(out, "json", hex) {}

  void RangeBegin(const etcdserverpb::ResponseHeader* header, const GetPrintOptions&) override {
    OpenRange(header);
  }
  void RangeKeyValue(const mvccpb::KeyValue& kv) override { RangeItem(kv); }
  void RangeEnd(bool more, int64_t count) override {
    CloseRange(more, count);
    Line();
  }
  void Put(const etcdserverpb::PutResponse& r) override {
    PutBody(r);
    Line();
  }
  void Delete(const etcdserverpb::DeleteRangeResponse& r) override {
    DeleteBody(r);
    Line();
  }
  void Txn(const etcdserverpb::TxnResponse& r) override {
    TxnBody(r);
    Line();
  }

  // lease
  // clientv3's lease structs: header flattened, Go field names, no omitempty on their
  // own fields.
  void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) override {
    {
      JsonObject o(buffer());
      AppendFlatHeader(o, r.header());
      o.Key("ID"), buffer() += std::to_string(r.id());
      o.Key("TTL"), buffer() += std::to_string(r.ttl());
      o.Key("Error"), AppendJsonString(buffer(), r.error());
    }
    Line();
  }
  void LeaseRevoke(int64_t, const etcdserverpb::LeaseRevokeResponse& r) override {
    {
      JsonObject o(buffer());
      if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    }
    Line();
  }
  void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool) override {
    {
      JsonObject o(buffer());
      AppendFlatHeader(o, r.header());
      o.Key("id"), buffer() += std::to_string(r.id());
      o.Key("ttl"), buffer() += std::to_string(r.ttl());
      o.Key("granted-ttl"), buffer() += std::to_string(r.grantedttl());
      o.Key("keys");
      if (r.keys_size() == 0) {
        buffer() += "null";  // a nil [][]byte
      } else {
        buffer() += '[';
        for (int i = 0; i < r.keys_size(); ++i) {
          if (i > 0) buffer() += ',';
          buffer() += '"';
          AppendBase64(buffer(), r.keys(i));
          buffer() += '"';
        }
        buffer() += ']';
      }
    }
    Line();
  }
  void LeaseList(const etcdserverpb::LeaseLeasesResponse& r) override {
    {
      JsonObject o(buffer());
      AppendFlatHeader(o, r.header());
      o.Key("leases");
      buffer() += '[';  // never null: etcdctl builds the slice with make()
      for (int i = 0; i < r.leases_size(); ++i) {
        if (i > 0) buffer() += ',';
        buffer() += "{\"id\":" + std::to_string(r.leases(i).id()) + "}";
        MaybeFlush();
      }
      buffer() += ']';
    }
    Line();
  }
  void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) override {
    {
      JsonObject o(buffer());
      AppendFlatHeader(o, r.header());
      o.Key("ID"), buffer() += std::to_string(r.id());
      o.Key("TTL"), buffer() += std::to_string(r.ttl());
    }
    Line();
  }

  // watch
  void Watch(const WatchResult& r) override {
    AppendWatchJson(buffer(), r);
    Line();
  }

  // cluster and maintenance

  // auth
  void AuthChange(const google::protobuf::MessageLite&, const etcdserverpb::ResponseHeader& header,
                  std::string_view) override {
    {
      JsonObject o(buffer());
      o.Key("header"), AppendHeader(buffer(), header);
    }
    Line();
  }
  void AuthStatus(const etcdserverpb::AuthStatusResponse& r) override {
    {
      JsonObject o(buffer());
      if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
      o.Bool("enabled", r.enabled());
      o.Uint("authRevision", r.authrevision());
    }
    Line();
  }
  void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view) override {
    NamesObject(r.has_header() ? &r.header() : nullptr, "roles", r.roles());
  }
  void UserList(const etcdserverpb::AuthUserListResponse& r) override {
    NamesObject(r.has_header() ? &r.header() : nullptr, "users", r.users());
  }
  void RoleList(const etcdserverpb::AuthRoleListResponse& r) override {
    NamesObject(r.has_header() ? &r.header() : nullptr, "roles", r.roles());
  }
  void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view) override {
    {
      JsonObject o(buffer());
      if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
      if (r.perm_size() > 0) {
        o.Key("perm");
        buffer() += '[';
        for (int i = 0; i < r.perm_size(); ++i) {
          if (i > 0) buffer() += ',';
          const auto& p = r.perm(i);
          JsonObject po(buffer());
          po.Int("permType", p.permtype());
          po.Bytes("key", p.key());
          po.Bytes("range_end", p.range_end());
        }
        buffer() += ']';
      }
    }
    Line();
  }
  void NamesObject(const etcdserverpb::ResponseHeader* header, std::string_view field,
                   const google::protobuf::RepeatedPtrField<std::string>& names) {
    {
      JsonObject o(buffer());
      if (header) o.Key("header"), AppendHeader(buffer(), *header);
      if (!names.empty()) {
        o.Key(field);
        buffer() += '[';
        for (int i = 0; i < names.size(); ++i) {
          if (i > 0) buffer() += ',';
          AppendJsonString(buffer(), names[i]);
        }
        buffer() += ']';
      }
    }
    Line();
  }


  // concurrency

 private:
  bool Supports(Result) const override { return true; }

  void Line() {
    buffer() += '\n';
    Flush();
  }

  // A range object written in three steps, so that its key-values can stream out.
  // Zero fields are omitted as in every other object (JsonObject cannot span calls).
  void OpenRange(const etcdserverpb::ResponseHeader* header) {
    buffer() += '{';
    range_has_field_ = header != nullptr;
    range_kvs_ = 0;
    if (header) buffer() += "\"header\":", AppendHeader(buffer(), *header);
  }
  void RangeItem(const mvccpb::KeyValue& kv) {
    if (range_kvs_++ == 0) {
      if (range_has_field_) buffer() += ',';
      buffer() += "\"kvs\":[";
      range_has_field_ = true;
    } else {
      buffer() += ',';
    }
    AppendKeyValue(buffer(), kv);
    MaybeFlush();
  }
  void CloseRange(bool more, int64_t count) {
    if (range_kvs_ > 0) buffer() += ']';
    if (more) buffer() += range_has_field_ ? ",\"more\":true" : "\"more\":true", range_has_field_ = true;
    if (count != 0) {
      if (range_has_field_) buffer() += ',';
      buffer() += "\"count\":" + std::to_string(count);
    }
    buffer() += '}';
  }
  void Range(const etcdserverpb::RangeResponse& r) {
    OpenRange(r.has_header() ? &r.header() : nullptr);
    for (const auto& kv : r.kvs()) RangeItem(kv);
    CloseRange(r.more(), r.count());
  }

  bool range_has_field_ = false;
  int64_t range_kvs_ = 0;

  void PutBody(const etcdserverpb::PutResponse& r) {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    if (r.has_prev_kv()) o.Key("prev_kv"), AppendKeyValue(buffer(), r.prev_kv());
  }

  void DeleteBody(const etcdserverpb::DeleteRangeResponse& r) {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    o.Int("deleted", r.deleted());
    if (r.prev_kvs_size() > 0) {
      o.Key("prev_kvs");
      AppendKeyValues(buffer(), r.prev_kvs());
    }
  }

  void TxnBody(const etcdserverpb::TxnResponse& r) {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
    o.Bool("succeeded", r.succeeded());
    if (r.responses_size() == 0) return;
    o.Key("responses");
    buffer() += '[';
    bool first = true;
    for (const auto& op : r.responses()) {
      if (!first) buffer() += ',';
      first = false;
      // 3.4's generated Go code names the oneof wrapper after the Go types.
      buffer() += "{\"Response\":";
      if (op.has_response_range()) {
        buffer() += "{\"ResponseRange\":";
        Range(op.response_range());
      } else if (op.has_response_put()) {
        buffer() += "{\"ResponsePut\":";
        PutBody(op.response_put());
      } else if (op.has_response_delete_range()) {
        buffer() += "{\"ResponseDeleteRange\":";
        DeleteBody(op.response_delete_range());
      } else if (op.has_response_txn()) {
        buffer() += "{\"ResponseTxn\":";
        TxnBody(op.response_txn());
      } else {
        buffer() += "null}";
        continue;
      }
      buffer() += "}}";
    }
    buffer() += ']';
  }
};

}  // namespace

std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out, bool hex) {
  return std::make_unique<JsonPrinter>(out, hex);
}

}  // namespace ectl::output
