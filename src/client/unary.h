// Call(): one unary RPC on any etcd service with ectl's conventions: the request size
// checked against the send limit, a context from Client::NewContext (deadline,
// wait-for-ready, token), and a failed status thrown as RpcError.
//
// Include only from client/*.cc (it pulls in gRPC); callers outside client/ use the
// service wrappers.
#ifndef ECTL_CLIENT_UNARY_H_
#define ECTL_CLIENT_UNARY_H_

#include <grpcpp/grpcpp.h>

#include <optional>

#include "client/client.h"
#include "client/rpc_error.h"

namespace ectl::client {

template <typename Stub, typename Request, typename Response>
void Call(const Client& client, Stub& stub,
          grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
          const Request& request, Response* response, std::optional<Duration> timeout) {
  client.CheckSendSize(request);
  auto ctx = client.NewContext(timeout);
  grpc::Status status = (stub.*method)(ctx.get(), request, response);
  // An expired or invalidated token is renewed once and the call repeated, as etcd's
  // own client does.
  if (!status.ok() && Client::IsTokenError(status.error_message()) && client.RefreshToken()) {
    ctx = client.NewContext(timeout);
    status = (stub.*method)(ctx.get(), request, response);
  }
  if (!status.ok()) ThrowStatus(status);
}

// For calls that return their response by value.
template <typename Response, typename Stub, typename Request>
Response Call(const Client& client, Stub& stub,
              grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
              const Request& request, std::optional<Duration> timeout) {
  Response response;
  Call(client, stub, method, request, &response, timeout);
  return response;
}

}  // namespace ectl::client

#endif  // ECTL_CLIENT_UNARY_H_
