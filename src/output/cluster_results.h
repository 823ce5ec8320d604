// The results of the cluster and maintenance commands (member, endpoint, alarm,
// move-leader, snapshot status) as the printers receive them.
//
// Printer declares one virtual method per result with an elaborated type
// (`const struct MemberListResult&`), so printer.h needs no include for them. Each result
// references the response it came from; the protobuf format prints that message.
#ifndef ECTL_OUTPUT_CLUSTER_RESULTS_H_
#define ECTL_OUTPUT_CLUSTER_RESULTS_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "etcdserverpb/rpc.pb.h"

namespace ectl::output {

struct MemberListResult {
  const etcdserverpb::MemberListResponse& response;
};

struct MemberAddResult {
  const etcdserverpb::MemberAddResponse& response;
  std::string name;       // the new member's name (the command's argument)
  std::string peer_urls;  // --peer-urls as given
};

// member remove, update and promote: their responses share header and members.
struct MemberChangeResult {
  std::string_view verb;  // "removed from", "updated in", "promoted in"
  uint64_t id;
  const etcdserverpb::ResponseHeader& header;
  const google::protobuf::RepeatedPtrField<etcdserverpb::Member>& members;
  const google::protobuf::MessageLite& message;
};

struct EndpointHealth {
  std::string endpoint;
  bool health = false;
  std::string took;  // Go's Duration.String(); empty when the probe never ran
  std::string error;
};
struct EndpointHealthResult {
  const std::vector<EndpointHealth>& list;
  std::ostream& err;  // simple prints unhealthy endpoints on stderr
};

struct EndpointStatus {
  std::string endpoint;
  etcdserverpb::StatusResponse status;
};
struct EndpointStatusResult {
  const std::vector<EndpointStatus>& list;
};

struct EndpointHashKV {
  std::string endpoint;
  etcdserverpb::HashKVResponse hash;
};
struct EndpointHashKVResult {
  const std::vector<EndpointHashKV>& list;
};

struct AlarmResult {
  const etcdserverpb::AlarmResponse& response;
};

struct MoveLeaderResult {
  uint64_t from;
  uint64_t to;
  const etcdserverpb::MoveLeaderResponse& response;
};

struct SnapshotStatusResult {
  uint32_t hash = 0;
  int64_t revision = 0;
  int64_t total_key = 0;
  int64_t total_size = 0;
};

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_CLUSTER_RESULTS_H_
