// ResidentMemoryBytes: the `process_resident_memory_bytes` gauge from a member's
// Prometheus endpoint (GET http://<endpoint>/metrics), for `check datascale`.
//
// Plain HTTP only: an https:// or unix endpoint yields 0, as does any failure, so the
// caller reports "Could not read" as etcdctl does when the read fails.
#ifndef ECTL_CLIENT_METRICS_H_
#define ECTL_CLIENT_METRICS_H_

#include <string>

#include "client/config.h"

namespace ectl::client {

double ResidentMemoryBytes(const std::string& endpoint, Duration timeout);

// The gauge's value in a Prometheus text exposition; 0 when absent.
double ParseResidentMemory(const std::string& exposition);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_METRICS_H_
