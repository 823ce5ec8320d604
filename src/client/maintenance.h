// The Maintenance service (status, hashkv, defragment, alarms, move-leader) and the
// health probe, plus ForEndpoint(): the configuration of a client that talks to one
// endpoint only, for the calls etcdctl addresses to each endpoint separately.
// Every call throws RpcError on failure and is bounded by the timeout given.
#ifndef ECTL_CLIENT_MAINTENANCE_H_
#define ECTL_CLIENT_MAINTENANCE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "client/config.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

// config with its endpoint list replaced by the one endpoint.
ClientConfig ForEndpoint(const ClientConfig& config, const std::string& endpoint);

etcdserverpb::StatusResponse Status(const Client& client, std::optional<Duration> timeout);
etcdserverpb::HashKVResponse HashKV(const Client& client, int64_t revision,
                                    std::optional<Duration> timeout);
etcdserverpb::DefragmentResponse Defragment(const Client& client, std::optional<Duration> timeout);
etcdserverpb::MoveLeaderResponse MoveLeader(const Client& client, uint64_t target,
                                            std::optional<Duration> timeout);
etcdserverpb::AlarmResponse AlarmList(const Client& client, std::optional<Duration> timeout);
// Lists the alarms and deactivates each, as etcd's client does for a disarm of "every
// alarm"; the result holds the deactivated alarms and, like etcd's, no header.
etcdserverpb::AlarmResponse AlarmDisarmAll(const Client& client, std::optional<Duration> timeout);
// etcdctl's health probe: a linearizable read of the key "health".
void HealthProbe(const Client& client, std::optional<Duration> timeout);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_MAINTENANCE_H_
