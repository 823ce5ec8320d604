#include "output/lease_format.h"

#include <cstdio>

#include "etcdserverpb/rpc.pb.h"
#include "output/json_writer.h"

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

}  // namespace ectl::output
