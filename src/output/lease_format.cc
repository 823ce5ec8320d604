#include "output/lease_format.h"

#include <cstdio>

#include "etcdserverpb/rpc.pb.h"
#include "output/json_writer.h"
#include "output/printer.h"

namespace ectl::output {

std::string LeaseIdHex(int64_t id) {
  char buf[24];
  if (id >= 0) {
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  } else {
    // Magnitude as unsigned, so that INT64_MIN does not overflow.
    uint64_t magnitude = ~static_cast<uint64_t>(id) + 1;
    std::snprintf(buf, sizeof buf, "-%015llx", static_cast<unsigned long long>(magnitude));
  }
  return buf;
}

void AppendFlatHeader(JsonObject& o, const etcdserverpb::ResponseHeader& h) {
  o.Uint("cluster_id", h.cluster_id());
  o.Uint("member_id", h.member_id());
  o.Int("revision", h.revision());
  o.Uint("raft_term", h.raft_term());
}

// The base printer's lease results: refused unless a format overrides them. Defined
// here rather than in printer.cc so the lease results live in the lease files.
void Printer::LeaseGrant(const etcdserverpb::LeaseGrantResponse&) { Unsupported(); }
void Printer::LeaseRevoke(int64_t, const etcdserverpb::LeaseRevokeResponse&) { Unsupported(); }
void Printer::LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse&, bool) {
  Unsupported();
}
void Printer::LeaseList(const etcdserverpb::LeaseLeasesResponse&) { Unsupported(); }
void Printer::LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse&) { Unsupported(); }
void Printer::LeaseKeepAliveEnded(int64_t) {}

}  // namespace ectl::output
