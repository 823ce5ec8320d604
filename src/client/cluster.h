// The Cluster service: member list, add, remove, update, promote. Each call throws
// RpcError on failure and is bounded by the timeout given.
#ifndef ECTL_CLIENT_CLUSTER_H_
#define ECTL_CLIENT_CLUSTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/config.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

etcdserverpb::MemberListResponse MemberList(const Client& client, std::optional<Duration> timeout);
etcdserverpb::MemberAddResponse MemberAdd(const Client& client,
                                          const std::vector<std::string>& peer_urls, bool learner,
                                          std::optional<Duration> timeout);
etcdserverpb::MemberRemoveResponse MemberRemove(const Client& client, uint64_t id,
                                                std::optional<Duration> timeout);
etcdserverpb::MemberUpdateResponse MemberUpdate(const Client& client, uint64_t id,
                                                const std::vector<std::string>& peer_urls,
                                                std::optional<Duration> timeout);
etcdserverpb::MemberPromoteResponse MemberPromote(const Client& client, uint64_t id,
                                                  std::optional<Duration> timeout);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_CLUSTER_H_
