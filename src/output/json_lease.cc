// json of the lease results: clientv3's lease structs, with the header flattened into
// the object (lease_format.h), Go field names and no omitempty on their own fields.
#include <string>

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/json_printer.h"
#include "output/lease_format.h"

namespace ectl::output {

void JsonPrinter::LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) {
  {
    JsonObject o(buffer());
    AppendFlatHeader(o, r.header());
    o.Key("ID"), buffer() += std::to_string(r.id());
    o.Key("TTL"), buffer() += std::to_string(r.ttl());
    o.Key("Error"), AppendJsonString(buffer(), r.error());
  }
  Line();
}

void JsonPrinter::LeaseRevoke(int64_t, const etcdserverpb::LeaseRevokeResponse& r) {
  {
    JsonObject o(buffer());
    if (r.has_header()) o.Key("header"), AppendHeader(buffer(), r.header());
  }
  Line();
}

void JsonPrinter::LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool) {
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
      JsonArray keys(buffer());
      for (const auto& k : r.keys()) keys.Bytes(k);
    }
  }
  Line();
}

void JsonPrinter::LeaseList(const etcdserverpb::LeaseLeasesResponse& r) {
  {
    JsonObject o(buffer());
    AppendFlatHeader(o, r.header());
    o.Key("leases");
    JsonArray leases(buffer());  // never null: etcdctl builds the slice with make()
    for (const auto& l : r.leases()) {
      {
        JsonObject lease(leases.Next());
        lease.Key("id"), buffer() += std::to_string(l.id());
      }
      MaybeFlush();
    }
  }
  Line();
}

void JsonPrinter::LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) {
  {
    JsonObject o(buffer());
    AppendFlatHeader(o, r.header());
    o.Key("ID"), buffer() += std::to_string(r.id());
    o.Key("TTL"), buffer() += std::to_string(r.ttl());
  }
  Line();
}

}  // namespace ectl::output
