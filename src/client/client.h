// Client: one gRPC channel over all configured endpoints, plus what every call needs
// (deadline, wait-for-ready, auth token). Service wrappers (kv.h, ...) take a Client&.
//
// Failover: a round_robin policy over the endpoint list skips endpoints that are down, a
// service-config retry policy re-sends idempotent calls that fail with UNAVAILABLE a few
// times at once, and Invoke() (unary.h) repeats read-only calls on UNAVAILABLE for as
// long as their deadline allows, which covers a leader election. Mutations are never
// repeated once they may have reached a server.
#ifndef ECTL_CLIENT_CLIENT_H_
#define ECTL_CLIENT_CLIENT_H_

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client/config.h"

namespace grpc {
class Channel;
class ClientContext;
class Status;
}  // namespace grpc

namespace google::protobuf {
class MessageLite;
}

namespace ectl::client {

struct Endpoint;

// The endpoints (as given) to which the configured credentials would travel in plain text
// over a network: without TLS and neither a unix socket nor a loopback address. Empty
// without a user and password.
std::vector<std::string> PlaintextCredentialEndpoints(const ClientConfig& config);

class Client {
 public:
  // Builds the channel, waits up to dial_timeout for a connection, and authenticates
  // when a user and password are configured. Throws RpcError / Error.
  static std::unique_ptr<Client> Make(const ClientConfig& config);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // A context for one call: deadline now+timeout (none when timeout is nullopt),
  // wait-for-ready, and the auth token.
  [[nodiscard]] std::unique_ptr<grpc::ClientContext> NewContext(
      std::optional<Duration> timeout) const;
  // The same for an absolute deadline (none when nullopt), which several attempts of one
  // call share.
  using Deadline = std::optional<std::chrono::system_clock::time_point>;
  [[nodiscard]] std::unique_ptr<grpc::ClientContext> NewContextUntil(Deadline deadline) const;
  // now + timeout, as NewContext computes it.
  static Deadline DeadlineFor(std::optional<Duration> timeout);
  // For a read-only call that failed with `status` after `failures` earlier failures:
  // whether another attempt makes sense (UNAVAILABLE, and time left before the
  // deadline, or fewer than 10 attempts without one); if so, sleeps the pause before it
  // (50 ms doubling to 500 ms, so that a new leader can be elected meanwhile).
  static bool PauseBeforeRetry(const grpc::Status& status, Deadline deadline, int failures);
  // The command timeout as NewContext's argument.
  [[nodiscard]] std::optional<Duration> command_timeout() const;

  // Fetches a new auth token when credentials are configured (the server said the token
  // is invalid or expired). Returns false when there is nothing to refresh. Streams
  // reopened after a failure get the new token through NewContext.
  bool RefreshToken() const;
  // True for the errors after which a fresh token may help.
  static bool IsTokenError(const std::string& message);

  // Throws the same error grpc-go reports when a request exceeds the send limit.
  void CheckSendSize(const google::protobuf::MessageLite& request) const;

  [[nodiscard]] const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  [[nodiscard]] const ClientConfig& config() const { return config_; }

 private:
  explicit Client(ClientConfig config);
  void Connect();
  [[nodiscard]] std::shared_ptr<grpc::Channel> MakeChannel(
      const std::vector<Endpoint>& endpoints) const;
  void Authenticate() const;

  ClientConfig config_;
  std::shared_ptr<grpc::Channel> channel_;
  mutable std::mutex token_mu_;
  mutable std::string token_;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_CLIENT_H_
