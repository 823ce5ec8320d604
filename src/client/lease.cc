#include "client/lease.h"

#include <grpcpp/grpcpp.h>

#include "client/client.h"
#include "client/rpc_error.h"
#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using etcdserverpb::Lease;

std::unique_ptr<Lease::Stub> Stub(const Client& client) {
  return Lease::NewStub(client.channel());
}

// One attempt of LeaseKeepAliveOnce; the status of a failed stream in *status.
bool KeepAliveOnceAttempt(const Client& client, Lease::Stub& stub, int64_t id,
                          std::optional<Duration> timeout,
                          etcdserverpb::LeaseKeepAliveResponse* response,
                          grpc::Status* status) {
  auto ctx = client.NewContext(timeout);
  auto stream = stub.LeaseKeepAlive(ctx.get());
  etcdserverpb::LeaseKeepAliveRequest request;
  request.set_id(id);
  bool ok = stream->Write(request) && stream->Read(response);
  if (ok) ctx->TryCancel();  // the one answer is all this call wants
  *status = stream->Finish();
  if (ok) return true;
  if (status->ok()) {
    // The server closed the stream without answering.
    *status = grpc::Status(grpc::StatusCode::UNAVAILABLE, "keep-alive stream closed");
  }
  return false;
}

}  // namespace

etcdserverpb::LeaseGrantResponse LeaseGrant(const Client& client, int64_t ttl,
                                            std::optional<Duration> timeout) {
  etcdserverpb::LeaseGrantRequest request;
  request.set_ttl(ttl);
  auto stub = Stub(client);
  return Call(client, *stub, &Lease::Stub::LeaseGrant, request, timeout);
}

etcdserverpb::LeaseRevokeResponse LeaseRevoke(const Client& client, int64_t id,
                                              std::optional<Duration> timeout) {
  etcdserverpb::LeaseRevokeRequest request;
  request.set_id(id);
  auto stub = Stub(client);
  return Call(client, *stub, &Lease::Stub::LeaseRevoke, request, timeout);
}

etcdserverpb::LeaseTimeToLiveResponse LeaseTimeToLive(const Client& client, int64_t id,
                                                      bool keys,
                                                      std::optional<Duration> timeout) {
  etcdserverpb::LeaseTimeToLiveRequest request;
  request.set_id(id);
  request.set_keys(keys);
  auto stub = Stub(client);
  return Call(client, *stub, &Lease::Stub::LeaseTimeToLive, request, timeout);
}

etcdserverpb::LeaseLeasesResponse LeaseLeases(const Client& client,
                                              std::optional<Duration> timeout) {
  auto stub = Stub(client);
  return Call(client, *stub, &Lease::Stub::LeaseLeases, etcdserverpb::LeaseLeasesRequest(),
              timeout);
}

etcdserverpb::LeaseKeepAliveResponse LeaseKeepAliveOnce(const Client& client, int64_t id,
                                                        std::optional<Duration> timeout) {
  auto stub = Stub(client);
  etcdserverpb::LeaseKeepAliveResponse response;
  grpc::Status status;
  bool ok = KeepAliveOnceAttempt(client, *stub, id, timeout, &response, &status);
  // An expired token is renewed once and the round trip repeated, as for unary calls.
  if (!ok && Client::IsTokenError(status.error_message()) && client.RefreshToken()) {
    ok = KeepAliveOnceAttempt(client, *stub, id, timeout, &response, &status);
  }
  if (!ok) ThrowStatus(status);
  if (response.ttl() <= 0) {
    throw RpcError(static_cast<int>(grpc::StatusCode::NOT_FOUND),
                   "etcdserver: requested lease not found");
  }
  return response;
}

}  // namespace ectl::client
