// jsonl of the lease results: lease IDs as etcdctl prints them ("%016x"), which
// `lease revoke`, `lease timetolive` and `put --lease` read back.
#include <string>

#include "etcdserverpb/rpc.pb.h"
#include "output/jsonl_fields.h"
#include "output/jsonl_printer.h"
#include "output/lease_format.h"

namespace ectl::output {

using json = nlohmann::ordered_json;

void JsonlPrinter::LeaseGrant(const etcdserverpb::LeaseGrantResponse& r) {
  Emit(json{{"id", LeaseIdHex(r.id())}, {"ttl", r.ttl()}, {"revision", r.header().revision()}},
       true);
}

void JsonlPrinter::LeaseRevoke(int64_t id, const etcdserverpb::LeaseRevokeResponse& r) {
  Emit(json{{"id", LeaseIdHex(id)}, {"revision", r.header().revision()}}, true);
}

void JsonlPrinter::LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool keys) {
  // ttl -1: the lease has expired or never existed.
  json o{{"id", LeaseIdHex(r.id())}, {"ttl", r.ttl()}, {"granted_ttl", r.grantedttl()}};
  if (keys) SetTextList(o, "keys", r.keys());
  Emit(o, true);
}

void JsonlPrinter::LeaseList(const etcdserverpb::LeaseLeasesResponse& r) {
  for (const auto& l : r.leases()) Emit(json{{"id", LeaseIdHex(l.id())}});
  Flush();
}

void JsonlPrinter::LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r) {
  Emit(json{{"id", LeaseIdHex(r.id())}, {"ttl", r.ttl()}, {"revision", r.header().revision()}},
       true);
}

}  // namespace ectl::output
