// The gtest base for the lease suites: EtcdSuite plus lease helpers.
//
// Lease IDs are chosen by the server, so two runs of `lease grant` differ in the ID;
// and a lease's remaining TTL counts down between two runs of `timetolive`. The helpers
// here mask exactly those values (in hex, as simple output shows IDs, and in decimal,
// as json and fields do), so everything else is still compared byte for byte.
#ifndef ECTL_TESTS_INTEGRATION_LEASE_SUITE_H_
#define ECTL_TESTS_INTEGRATION_LEASE_SUITE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {

// The ID of a lease in simple output's hex form ("5df4a229c223e405").
int64_t LeaseIdFromHex(const std::string& hex);

// `text` with every hex (%016x) and decimal rendering of `id` replaced by "<ID>".
std::string MaskLeaseId(std::string text, int64_t id);

// `text` with the remaining TTL replaced by "<TTL>": "remaining(Ns)" in simple output,
// "ttl":N in json, "TTL" : N in fields.
std::string MaskRemainingTtl(std::string text);

class LeaseSuite : public EtcdSuite {
 protected:
  // `etcdctl lease timetolive <id> -w json` "ttl" value; -1 for an unknown lease.
  static int64_t RemainingTtl(const std::string& lease_hex);
  // Revokes every lease the server has (through the oracle).
  static void RevokeAllLeases();
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_LEASE_SUITE_H_
