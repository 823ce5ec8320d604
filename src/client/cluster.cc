#include "client/cluster.h"

#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {

using etcdserverpb::Cluster;

etcdserverpb::MemberListResponse MemberList(const Client& client, std::optional<Duration> timeout) {
  auto stub = Cluster::NewStub(client.channel());
  return Call(client, *stub, &Cluster::Stub::MemberList, etcdserverpb::MemberListRequest(),
              timeout);
}

etcdserverpb::MemberAddResponse MemberAdd(const Client& client,
                                          const std::vector<std::string>& peer_urls, bool learner,
                                          std::optional<Duration> timeout) {
  etcdserverpb::MemberAddRequest request;
  for (const auto& u : peer_urls) request.add_peerurls(u);
  request.set_islearner(learner);
  auto stub = Cluster::NewStub(client.channel());
  return Call(client, *stub, &Cluster::Stub::MemberAdd, request, timeout);
}

etcdserverpb::MemberRemoveResponse MemberRemove(const Client& client, uint64_t id,
                                                std::optional<Duration> timeout) {
  etcdserverpb::MemberRemoveRequest request;
  request.set_id(id);
  auto stub = Cluster::NewStub(client.channel());
  return Call(client, *stub, &Cluster::Stub::MemberRemove, request, timeout);
}

etcdserverpb::MemberUpdateResponse MemberUpdate(const Client& client, uint64_t id,
                                                const std::vector<std::string>& peer_urls,
                                                std::optional<Duration> timeout) {
  etcdserverpb::MemberUpdateRequest request;
  request.set_id(id);
  for (const auto& u : peer_urls) request.add_peerurls(u);
  auto stub = Cluster::NewStub(client.channel());
  return Call(client, *stub, &Cluster::Stub::MemberUpdate, request, timeout);
}

etcdserverpb::MemberPromoteResponse MemberPromote(const Client& client, uint64_t id,
                                                  std::optional<Duration> timeout) {
  etcdserverpb::MemberPromoteRequest request;
  request.set_id(id);
  auto stub = Cluster::NewStub(client.channel());
  return Call(client, *stub, &Cluster::Stub::MemberPromote, request, timeout);
}

}  // namespace ectl::client
