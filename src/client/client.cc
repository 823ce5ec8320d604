#include "client/client.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "client/dial_diagnosis.h"
#include "client/endpoint.h"
#include "client/rpc_error.h"
#include "client/unary.h"
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

bool UsesTls(const ClientConfig& config, const Endpoint& ep) {
  return ep.scheme == Endpoint::Scheme::kHttps || ep.scheme == Endpoint::Scheme::kUnixs ||
         ((ep.scheme == Endpoint::Scheme::kNone || ep.scheme == Endpoint::Scheme::kUnix) &&
          config.tls.has_value());
}

std::shared_ptr<grpc::ChannelCredentials> Credentials(const ClientConfig& config,
                                                      const Endpoint& ep) {
  if (!UsesTls(config, ep)) return grpc::InsecureChannelCredentials();
  std::string roots, cert, key;
  if (config.tls) {
    if (!config.tls->ca_file.empty()) roots = ReadFileOrThrow(config.tls->ca_file);
    if (!config.tls->cert_file.empty()) cert = ReadFileOrThrow(config.tls->cert_file);
    if (!config.tls->key_file.empty()) key = ReadFileOrThrow(config.tls->key_file);
  }
  if (config.tls && config.tls->insecure_skip_verify) {
    // SslCredentials always verifies; the TLS credentials API can accept any server
    // certificate while still presenting ours.
    grpc::experimental::TlsChannelCredentialsOptions options;
    options.set_verify_server_certs(false);
    options.set_check_call_host(false);
    options.set_certificate_verifier(
        std::make_shared<grpc::experimental::NoOpCertificateVerifier>());
    if (!cert.empty()) {
      std::vector<grpc::experimental::IdentityKeyCertPair> pairs{{key, cert}};
      options.set_certificate_provider(
          std::make_shared<grpc::experimental::StaticDataCertificateProvider>(pairs));
      options.watch_identity_key_cert_pairs();
    }
    return grpc::experimental::TlsCredentials(options);
  }
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = roots;
  options.pem_cert_chain = cert;
  options.pem_private_key = key;
  return grpc::SslCredentials(options);
}

// One channel per endpoint is needed when a single channel cannot serve them all: TLS
// verifies one target name per channel, and one channel has one kind of security.
bool NeedsChannelPerEndpoint(const ClientConfig& config, const std::vector<Endpoint>& eps) {
  if (eps.size() < 2 || eps.front().is_unix()) return false;
  for (const auto& ep : eps) {
    if (UsesTls(config, ep) != UsesTls(config, eps.front())) return true;
    // One name for all (the discovery domain) keeps a single channel.
    bool named = config.tls && !config.tls->server_name.empty();
    if (UsesTls(config, ep) && !named && ep.host != eps.front().host) return true;
  }
  return false;
}

// A channel the client may use, with what a failure report says about it.
struct Candidate {
  std::shared_ptr<grpc::Channel> channel;
  std::string label;  // the endpoint(s) as given
  bool tls;
};

// Waits until one of the candidates is connected and returns its index, or -1 at the
// deadline. The first channel's change is seen at once; the others are looked at
// every few milliseconds while waiting, which only matters when the first is down.
int WaitForFirstReady(const std::vector<Candidate>& candidates,
                      std::chrono::system_clock::time_point deadline) {
  const auto& first = candidates[0].channel;
  if (candidates.size() == 1) return first->WaitForConnected(deadline) ? 0 : -1;
  for (;;) {
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].channel->GetState(true) == GRPC_CHANNEL_READY) return static_cast<int>(i);
    }
    auto now = std::chrono::system_clock::now();
    if (now >= deadline) return -1;
    auto slice = std::min(deadline, now + std::chrono::milliseconds(10));
    first->WaitForStateChange(first->GetState(false), slice);
  }
}

// Why a channel could not connect, from a call that does not wait for a connection.
std::string ProbeFailure(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = etcdserverpb::Maintenance::NewStub(channel);
  grpc::ClientContext ctx;
  // The reason is known once the next connection attempt fails (reconnect backoff is at
  // most 1 s); this wait is paid only after a failed dial.
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(1500));
  etcdserverpb::StatusResponse response;
  grpc::Status status = stub->Status(&ctx, etcdserverpb::StatusRequest(), &response);
  if (status.ok()) return "";
  return status.error_message();
}

}  // namespace

bool IsReadOnly(const etcdserverpb::RangeRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::LeaseTimeToLiveRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::LeaseLeasesRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::MemberListRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::StatusRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::HashKVRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::AlarmRequest& request) {
  return request.action() == etcdserverpb::AlarmRequest::GET;
}
bool IsReadOnly(const etcdserverpb::AuthUserGetRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::AuthUserListRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::AuthRoleGetRequest&) { return true; }
bool IsReadOnly(const etcdserverpb::AuthRoleListRequest&) { return true; }

std::vector<std::string> PlaintextCredentialEndpoints(const ClientConfig& config) {
  std::vector<std::string> exposed;
  if (config.user.empty() || config.password.empty()) return exposed;
  for (const auto& text : config.endpoints) {
    Endpoint ep = ParseEndpoint(text);
    if (!ep.is_unix() && !UsesTls(config, ep) && !IsLoopbackHost(ep.host)) exposed.push_back(text);
  }
  return exposed;
}

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

std::shared_ptr<grpc::Channel> Client::MakeChannel(const std::vector<Endpoint>& endpoints) const {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kServiceConfig);
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
  // The send limit is checked by CheckSendSize with grpc-go's wording.
  args.SetMaxSendMessageSize(-1);
  args.SetMaxReceiveMessageSize(static_cast<int>(
      std::min<int64_t>(config_.max_recv_bytes, 0x7fffffff)));
  // Keepalive: while a call is open (watch, keep-alive, lock, ...), a ping goes out every
  // keepalive time and the connection is closed when its answer takes longer than the
  // keepalive timeout; the open streams then fail with UNAVAILABLE and are reopened on a
  // member that is up. That bounds how long a frozen member or a silent network holds a
  // stream: keepalive time + timeout. The time is raised to etcd's default server minimum
  // (--grpc-keepalive-min-time 5 s), below which the server answers too_many_pings and
  // closes the connection; grpc-go (etcdctl) raises it to 10 s. No pings without calls,
  // which etcd's server refuses too.
  auto keepalive = std::max<Duration>(config_.keepalive_time, kMinKeepaliveTime);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, static_cast<int>(duration_cast<milliseconds>(keepalive).count()));
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS,
              static_cast<int>(duration_cast<milliseconds>(config_.keepalive_timeout).count()));
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
  // By default gRPC stops pinging a connection that has sent no data after two pings,
  // which would leave an idle watch unguarded: every keepalive ping is sent.
  args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 1000);
  if (config_.tls && !config_.tls->server_name.empty()) {
    args.SetSslTargetNameOverride(config_.tls->server_name);
  } else if (!endpoints.front().is_unix() && endpoints.size() > 1) {
    // Verify TLS peers under the endpoints' (shared) name, not the resolved address.
    args.SetSslTargetNameOverride(endpoints.front().host);
  }
  return grpc::CreateCustomChannel(GrpcTarget(endpoints), Credentials(config_, endpoints.front()),
                                   args);
}

void Client::Connect() {
  std::vector<Endpoint> endpoints;
  for (const auto& text : config_.endpoints) endpoints.push_back(ParseEndpoint(text));

  // Usually one channel over all endpoints, failing over inside gRPC. When the endpoints
  // need different TLS names (or security), one channel each; the first to connect is
  // used for the whole command, so failover then happens at connect time only.
  std::vector<Candidate> candidates;
  if (NeedsChannelPerEndpoint(config_, endpoints)) {
    for (size_t i = 0; i < endpoints.size(); ++i) {
      candidates.push_back(
          {MakeChannel({endpoints[i]}), config_.endpoints[i], UsesTls(config_, endpoints[i])});
    }
  } else {
    std::string all;
    for (const auto& text : config_.endpoints) all += (all.empty() ? "" : ",") + text;
    candidates.push_back({MakeChannel(endpoints), all, UsesTls(config_, endpoints.front())});
  }
  // etcdctl's dial does not block, so an unreachable cluster only shows when the command
  // times out. Waiting for a connection here makes --dial-timeout mean what it says, and
  // bounds commands that have no command timeout (txn, watch, ...).
  auto deadline = std::chrono::system_clock::now() + config_.dial_timeout;
  int ready = WaitForFirstReady(candidates, deadline);
  if (ready < 0 && !config_.diagnose_dial_failure) {
    throw DialError(static_cast<int>(grpc::StatusCode::DEADLINE_EXCEEDED),
                    "context deadline exceeded", {});
  }
  if (ready < 0) {
    // Only on failure: ask each channel why, for a line ahead of etcdctl's message.
    // The channels are asked in parallel, so the wait does not grow with their number.
    std::vector<std::future<std::string>> probes;
    for (const auto& c : candidates) {
      probes.push_back(std::async(std::launch::async, ProbeFailure, c.channel));
    }
    std::vector<std::string> reasons;
    for (size_t i = 0; i < candidates.size(); ++i) {
      std::string why = probes[i].get();
      if (!why.empty()) {
        reasons.push_back(DescribeDialFailure(candidates[i].label, why, candidates[i].tls, config_));
      }
    }
    throw DialError(static_cast<int>(grpc::StatusCode::DEADLINE_EXCEEDED),
                    "context deadline exceeded", std::move(reasons));
  }
  channel_ = candidates[static_cast<size_t>(ready)].channel;
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

Client::Deadline Client::DeadlineFor(std::optional<Duration> timeout) {
  // As Go's context.WithTimeout: a zero or negative timeout is a deadline already past.
  if (!timeout) return std::nullopt;
  return std::chrono::system_clock::now() +
         duration_cast<std::chrono::system_clock::duration>(std::max(*timeout, Duration::zero()));
}

std::unique_ptr<grpc::ClientContext> Client::NewContext(std::optional<Duration> timeout) const {
  return NewContextUntil(DeadlineFor(timeout));
}

std::unique_ptr<grpc::ClientContext> Client::NewContextUntil(Deadline deadline) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_wait_for_ready(true);
  if (deadline) ctx->set_deadline(*deadline);
  std::lock_guard<std::mutex> lock(token_mu_);
  if (!token_.empty()) ctx->AddMetadata("token", token_);
  return ctx;
}

bool Client::PauseBeforeRetry(const grpc::Status& status, Deadline deadline, int failures) {
  if (status.error_code() != grpc::StatusCode::UNAVAILABLE) return false;
  constexpr int kAttemptsWithoutDeadline = 10;
  if (!deadline && failures + 1 >= kAttemptsWithoutDeadline) return false;
  auto pause = std::min(milliseconds(50 << std::min(failures, 4)), milliseconds(500));
  // Not worth a pause that the deadline would cut short: the last error says more than
  // "context deadline exceeded".
  if (deadline && std::chrono::system_clock::now() + pause >= *deadline) return false;
  std::this_thread::sleep_for(pause);
  return true;
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
