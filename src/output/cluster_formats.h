// Internal to output/: the json and fields renderings of the cluster results
// (cluster_json.cc, cluster_fields.cc). Each appends one complete document to out.
#ifndef ECTL_OUTPUT_CLUSTER_FORMATS_H_
#define ECTL_OUTPUT_CLUSTER_FORMATS_H_

#include <string>

#include "output/cluster_results.h"

namespace ectl::output::cluster {

void Json(std::string& out, const MemberListResult& r);
void Json(std::string& out, const MemberAddResult& r);
void Json(std::string& out, const MemberChangeResult& r);
void Json(std::string& out, const EndpointHealthResult& r);
void Json(std::string& out, const EndpointStatusResult& r);
void Json(std::string& out, const EndpointHashKVResult& r);
void Json(std::string& out, const AlarmResult& r);
void Json(std::string& out, const MoveLeaderResult& r);
void Json(std::string& out, const SnapshotStatusResult& r);

void Fields(std::string& out, const MemberListResult& r);
void Fields(std::string& out, const EndpointHealthResult& r);
void Fields(std::string& out, const EndpointStatusResult& r);
void Fields(std::string& out, const EndpointHashKVResult& r);
void Fields(std::string& out, const AlarmResult& r);
void Fields(std::string& out, const SnapshotStatusResult& r);

// Go's %+v of an AlarmMember (its compact text form, trailing space included).
std::string AlarmText(const etcdserverpb::AlarmMember& a);
// The AlarmType's name, or its number when unknown.
std::string AlarmName(int alarm);

}  // namespace ectl::output::cluster

#endif  // ECTL_OUTPUT_CLUSTER_FORMATS_H_
