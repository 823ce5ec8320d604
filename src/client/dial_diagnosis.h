// Turns the reason gRPC gives for a failed connection into a line a person can act on:
// refused, unknown CA, name mismatch, rejected client certificate, plain text spoken
// to a TLS server and the reverse. Pure; unit-tested.
#ifndef ECTL_CLIENT_DIAL_DIAGNOSIS_H_
#define ECTL_CLIENT_DIAL_DIAGNOSIS_H_

#include <string>

#include "client/config.h"

namespace ectl::client {

// "<endpoint>: <what went wrong>[ (<what to check>)]". raw is gRPC's status message,
// tls whether the channel used TLS.
std::string DescribeDialFailure(const std::string& endpoint, const std::string& raw, bool tls,
                                const ClientConfig& config);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_DIAL_DIAGNOSIS_H_
