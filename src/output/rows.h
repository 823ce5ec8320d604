// Header and rows of the cluster listings, built once and rendered both by the simple
// format (cells joined by ", ") and the table format, as etcdctl does; and the cluster
// texts several formats share.
#ifndef ECTL_OUTPUT_ROWS_H_
#define ECTL_OUTPUT_ROWS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "output/cluster_results.h"
#include "output/table_writer.h"

namespace ectl::output {

Rows MemberListRows(const etcdserverpb::MemberListResponse& r);
Rows EndpointHealthRows(const std::vector<EndpointHealth>& list);
Rows EndpointStatusRows(const std::vector<EndpointStatus>& list);
Rows EndpointHashKVRows(const std::vector<EndpointHashKV>& list);
Rows SnapshotStatusRows(const SnapshotStatusResult& s);

// go-humanize's Bytes(): SI units, "25 kB", "1.2 MB", "9 B".
std::string HumanizeBytes(uint64_t size);
// Go's %x of an unsigned integer.
std::string Hex(uint64_t v);
// Go's %16x: hex, space-padded to 16 columns.
std::string PaddedHex(uint64_t v);
// An AlarmType's name, or its number when unknown.
std::string AlarmName(int alarm);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_ROWS_H_
