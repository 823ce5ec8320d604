// What the per-endpoint commands (endpoint health/status/hashkv, defrag, move-leader)
// share: the endpoint list (the configured one, or with --cluster every member's client
// URLs) and a client connected to one endpoint only.
#ifndef ECTL_CLI_ENDPOINT_PROBE_H_
#define ECTL_CLI_ENDPOINT_PROBE_H_

#include <memory>
#include <string>
#include <vector>

#include "client/client.h"

namespace ectl::cli {

class Context;

// The endpoints to visit. With cluster, asks the configured endpoints for the member
// list; a failure is Error(kError, "failed to fetch endpoints from etcd cluster member
// list: <err>").
std::vector<std::string> TargetEndpoints(Context& ctx, bool cluster);

// A client for endpoint alone, with the global options otherwise. Throws RpcError
// (connection failures included) with the text etcdctl reports for that endpoint.
std::unique_ptr<client::Client> ConnectOne(const client::ClientConfig& config,
                                           const std::string& endpoint);

}  // namespace ectl::cli

#endif  // ECTL_CLI_ENDPOINT_PROBE_H_
