#include "client/client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "client/endpoint.h"
#include "client/rpc_error.h"
#include "common/error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using std::chrono::duration_cast;
using std::chrono::milliseconds;

// Idempotent RPCs, retried on UNAVAILABLE (another endpoint may answer). The list is
// etcd's own "repeatable" set; mutations are only retried transparently by gRPC when
// they never left the client.
constexpr const char* kServiceConfig = R"({
  "loadBalancingConfig": [{"round_robin": {}}],
  "methodConfig": [{
    "name": [
      {"service": "etcdserverpb.KV", "method": "Range"},
      {"service": "etcdserverpb.Lease", "method": "LeaseGrant"},
      {"service": "etcdserverpb.Lease", "method": "LeaseRevoke"},
      {"service": "etcdserverpb.Lease", "method": "LeaseTimeToLive"},
      {"service": "etcdserverpb.Lease", "method": "LeaseLeases"},
      {"service": "etcdserverpb.Cluster", "method": "MemberList"},
      {"service": "etcdserverpb.Maintenance", "method": "Alarm"},
      {"service": "etcdserverpb.Maintenance", "method": "Status"},
      {"service": "etcdserverpb.Maintenance", "method": "Hash"},
      {"service": "etcdserverpb.Maintenance", "method": "HashKV"},
      {"service": "etcdserverpb.Maintenance", "method": "MoveLeader"},
      {"service": "etcdserverpb.Auth", "method": "UserList"},
      {"service": "etcdserverpb.Auth", "method": "UserGet"},
      {"service": "etcdserverpb.Auth", "method": "RoleGet"},
      {"service": "etcdserverpb.Auth", "method": "RoleList"}
    ],
    "retryPolicy": {
      "maxAttempts": 5,
      "initialBackoff": "0.025s",
      "maxBackoff": "0.5s",
      "backoffMultiplier": 2,
      "retryableStatusCodes": ["UNAVAILABLE"]
    }
  }]
})";

std::string ReadFileOrThrow(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ExitCode::kBadArgs, "open " + path + ": no such file or directory");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::shared_ptr<grpc::ChannelCredentials> Credentials(const ClientConfig& config,
                                                      const Endpoint& first) {
  bool tls = first.scheme == Endpoint::Scheme::kHttps ||
             first.scheme == Endpoint::Scheme::kUnixs ||
             ((first.scheme == Endpoint::Scheme::kNone ||
               first.scheme == Endpoint::Scheme::kUnix) && config.tls.has_value());
  if (!tls) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions options;
  if (config.tls) {
    if (!config.tls->ca_file.empty()) options.pem_root_certs = ReadFileOrThrow(config.tls->ca_file);
    if (!config.tls->cert_file.empty()) {
      options.pem_cert_chain = ReadFileOrThrow(config.tls->cert_file);
    }
    if (!config.tls->key_file.empty()) {
      options.pem_private_key = ReadFileOrThrow(config.tls->key_file);
    }
  }
  return grpc::SslCredentials(options);
}

}  // namespace

Client::Client(ClientConfig config) : config_(std::move(config)) {}
Client::~Client() = default;

std::unique_ptr<Client> Client::Make(const ClientConfig& config) {
  if (config.endpoints.empty()) {
    throw ConnectError(0, "etcdclient: no available endpoints");
  }
  std::unique_ptr<Client> client(new Client(config));
  client->Connect();
  if (!config.user.empty() && !config.password.empty()) client->Authenticate();
  return client;
}

void Client::Connect() {
  std::vector<Endpoint> endpoints;
  for (const auto& text : config_.endpoints) endpoints.push_back(ParseEndpoint(text));

  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kServiceConfig);
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
  // The send limit is checked by CheckSendSize with grpc-go's wording.
  args.SetMaxSendMessageSize(-1);
  args.SetMaxReceiveMessageSize(static_cast<int>(
      std::min<int64_t>(config_.max_recv_bytes, 0x7fffffff)));
  // grpc-go raises keepalive pings to at least 10 s; etcd's server rejects more
  // frequent pings (too_many_pings), so ectl follows the same floor.
  auto keepalive = std::max<Duration>(config_.keepalive_time, std::chrono::seconds(10));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, static_cast<int>(duration_cast<milliseconds>(keepalive).count()));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
              static_cast<int>(duration_cast<milliseconds>(config_.keepalive_timeout).count()));
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
  if (config_.tls && !config_.tls->server_name.empty()) {
    args.SetSslTargetNameOverride(config_.tls->server_name);
  } else if (!endpoints.front().is_unix() && endpoints.size() > 1) {
    // Verify TLS peers under the first endpoint's name, not the resolved address.
    args.SetSslTargetNameOverride(endpoints.front().host);
  }
  channel_ = grpc::CreateCustomChannel(GrpcTarget(endpoints), Credentials(config_, endpoints.front()),
                                       args);
  // etcdctl's dial does not block, so an unreachable cluster only shows when the command
  // times out. Waiting for a connection here makes --dial-timeout mean what it says, and
  // bounds commands that have no command timeout (txn, watch, ...).
  auto deadline = std::chrono::system_clock::now() + config_.dial_timeout;
  if (!channel_->WaitForConnected(deadline)) {
    throw RpcError(static_cast<int>(grpc::StatusCode::DEADLINE_EXCEEDED),
                   "context deadline exceeded");
  }
}

void Client::Authenticate() const {
  auto stub = etcdserverpb::Auth::NewStub(channel_);
  etcdserverpb::AuthenticateRequest request;
  request.set_name(config_.user);
  request.set_password(config_.password);
  etcdserverpb::AuthenticateResponse response;
  grpc::ClientContext ctx;
  ctx.set_wait_for_ready(true);
  ctx.set_deadline(std::chrono::system_clock::now() + config_.dial_timeout);
  grpc::Status status = stub->Authenticate(&ctx, request, &response);
  if (!status.ok()) {
    if (status.error_message() == "etcdserver: authentication is not enabled") return;
    throw ConnectError(status.error_code(), StatusText(status));
  }
  std::lock_guard<std::mutex> lock(token_mu_);
  token_ = response.token();
}

bool Client::RefreshToken() const {
  if (config_.user.empty() || config_.password.empty()) return false;
  Authenticate();
  return true;
}

bool Client::IsTokenError(const std::string& message) {
  return message == "etcdserver: invalid auth token" ||
         message == "etcdserver: revision of auth store is old" ||
         message == "etcdserver: user name is empty";
}

std::unique_ptr<grpc::ClientContext> Client::NewContext(std::optional<Duration> timeout) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_wait_for_ready(true);
  if (timeout && timeout->count() > 0) {
    ctx->set_deadline(std::chrono::system_clock::now() +
                      duration_cast<std::chrono::system_clock::duration>(*timeout));
  }
  std::lock_guard<std::mutex> lock(token_mu_);
  if (!token_.empty()) ctx->AddMetadata("token", token_);
  return ctx;
}

std::optional<Duration> Client::command_timeout() const { return config_.command_timeout; }

void Client::CheckSendSize(const google::protobuf::MessageLite& request) const {
  size_t size = request.ByteSizeLong();
  if (static_cast<int64_t>(size) > config_.max_request_bytes) {
    throw RpcError(static_cast<int>(grpc::StatusCode::RESOURCE_EXHAUSTED),
                   "rpc error: code = ResourceExhausted desc = trying to send message larger than max (" +
                       std::to_string(size) + " vs. " + std::to_string(config_.max_request_bytes) + ")");
  }
}

}  // namespace ectl::client
