// Call(): one unary RPC on any etcd service with ectl's conventions: the request size
// checked against the send limit, a context from Client::NewContext (deadline,
// wait-for-ready, token), read-only calls retried on UNAVAILABLE within the deadline
// (Invoke), and a failed status thrown as RpcError.
//
// Include only from client/*.cc (it pulls in gRPC); callers outside client/ use the
// service wrappers.
#ifndef ECTL_CLIENT_UNARY_H_
#define ECTL_CLIENT_UNARY_H_

#include <grpcpp/grpcpp.h>

#include <optional>

#include "client/client.h"
#include "client/rpc_error.h"

namespace etcdserverpb {
class RangeRequest;
class LeaseTimeToLiveRequest;
class LeaseLeasesRequest;
class MemberListRequest;
class StatusRequest;
class HashKVRequest;
class AlarmRequest;
class AuthUserGetRequest;
class AuthUserListRequest;
class AuthRoleGetRequest;
class AuthRoleListRequest;
}  // namespace etcdserverpb

namespace ectl::client {

// Requests that only read. On UNAVAILABLE (the member went away, lost its leader, or saw the
// leader change under a linearizable read) they are sent again, and round_robin sends
// them to the next member that is up, until the call's deadline: the answer cannot
// depend on which member gave it or on how often it was asked. Everything else,
// mutations above all, is sent once; gRPC itself only re-sends a call that never left
// the client.
inline bool IsReadOnly(const google::protobuf::MessageLite& /*request*/) { return false; }
bool IsReadOnly(const etcdserverpb::RangeRequest& request);
bool IsReadOnly(const etcdserverpb::LeaseTimeToLiveRequest& request);
bool IsReadOnly(const etcdserverpb::LeaseLeasesRequest& request);
bool IsReadOnly(const etcdserverpb::MemberListRequest& request);
bool IsReadOnly(const etcdserverpb::StatusRequest& request);
bool IsReadOnly(const etcdserverpb::HashKVRequest& request);
bool IsReadOnly(const etcdserverpb::AlarmRequest& request);  // only the GET action
bool IsReadOnly(const etcdserverpb::AuthUserGetRequest& request);
bool IsReadOnly(const etcdserverpb::AuthUserListRequest& request);
bool IsReadOnly(const etcdserverpb::AuthRoleGetRequest& request);
bool IsReadOnly(const etcdserverpb::AuthRoleListRequest& request);

// Runs attempt(ctx) until it succeeds or fails for good: an expired or invalidated token
// is renewed once and the call repeated, as etcd's own client does; a read-only call that
// failed with UNAVAILABLE is repeated after a short pause while its deadline allows.
// Every attempt shares the one deadline, taken when Invoke starts.
template <typename Attempt>
grpc::Status Invoke(const Client& client, std::optional<Duration> timeout, bool read_only,
                    const Attempt& attempt) {
  const auto deadline = Client::DeadlineFor(timeout);
  bool token_renewed = false;
  for (int failures = 0;; ++failures) {
    auto ctx = client.NewContextUntil(deadline);
    grpc::Status status = attempt(ctx.get());
    if (status.ok()) return status;
    if (!token_renewed && Client::IsTokenError(status.error_message()) && client.RefreshToken()) {
      token_renewed = true;
      continue;
    }
    if (!read_only || !Client::PauseBeforeRetry(status, deadline, failures)) return status;
  }
}

template <typename Stub, typename Request, typename Response>
void Call(const Client& client, Stub& stub,
          grpc::Status (Stub::*method)(grpc::ClientContext*, const Request&, Response*),
          const Request& request, Response* response, std::optional<Duration> timeout) {
  client.CheckSendSize(request);
  grpc::Status status =
      Invoke(client, timeout, IsReadOnly(request),
             [&](grpc::ClientContext* ctx) { return (stub.*method)(ctx, request, response); });
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
