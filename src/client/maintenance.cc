#include "client/maintenance.h"

#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {

using etcdserverpb::Maintenance;

ClientConfig ForEndpoint(const ClientConfig& config, const std::string& endpoint) {
  ClientConfig c = config;
  c.endpoints = {endpoint};
  return c;
}

etcdserverpb::StatusResponse Status(const Client& client, std::optional<Duration> timeout) {
  auto stub = Maintenance::NewStub(client.channel());
  return Call(client, *stub, &Maintenance::Stub::Status, etcdserverpb::StatusRequest(), timeout);
}

etcdserverpb::HashKVResponse HashKV(const Client& client, int64_t revision,
                                    std::optional<Duration> timeout) {
  etcdserverpb::HashKVRequest request;
  request.set_revision(revision);
  auto stub = Maintenance::NewStub(client.channel());
  return Call(client, *stub, &Maintenance::Stub::HashKV, request, timeout);
}

etcdserverpb::DefragmentResponse Defragment(const Client& client, std::optional<Duration> timeout) {
  auto stub = Maintenance::NewStub(client.channel());
  return Call(client, *stub, &Maintenance::Stub::Defragment, etcdserverpb::DefragmentRequest(),
              timeout);
}

etcdserverpb::MoveLeaderResponse MoveLeader(const Client& client, uint64_t target,
                                            std::optional<Duration> timeout) {
  etcdserverpb::MoveLeaderRequest request;
  request.set_targetid(target);
  auto stub = Maintenance::NewStub(client.channel());
  return Call(client, *stub, &Maintenance::Stub::MoveLeader, request, timeout);
}

etcdserverpb::AlarmResponse AlarmList(const Client& client, std::optional<Duration> timeout) {
  etcdserverpb::AlarmRequest request;
  request.set_action(etcdserverpb::AlarmRequest::GET);
  auto stub = Maintenance::NewStub(client.channel());
  return Call(client, *stub, &Maintenance::Stub::Alarm, request, timeout);
}

etcdserverpb::AlarmResponse AlarmDisarmAll(const Client& client, std::optional<Duration> timeout) {
  auto stub = Maintenance::NewStub(client.channel());
  etcdserverpb::AlarmRequest list;
  list.set_action(etcdserverpb::AlarmRequest::GET);
  auto alarms = Call(client, *stub, &Maintenance::Stub::Alarm, list, timeout);
  etcdserverpb::AlarmResponse result;
  for (const auto& a : alarms.alarms()) {
    etcdserverpb::AlarmRequest request;
    request.set_action(etcdserverpb::AlarmRequest::DEACTIVATE);
    request.set_memberid(a.memberid());
    request.set_alarm(a.alarm());
    auto r = Call(client, *stub, &Maintenance::Stub::Alarm, request, timeout);
    for (const auto& d : r.alarms()) *result.add_alarms() = d;
  }
  return result;
}

void HealthProbe(const Client& client, std::optional<Duration> timeout) {
  etcdserverpb::RangeRequest request;
  request.set_key("health");
  auto stub = etcdserverpb::KV::NewStub(client.channel());
  (void)Call(client, *stub, &etcdserverpb::KV::Stub::Range, request, timeout);
}

}  // namespace ectl::client
