#include "cli/connection.h"

#include <ostream>
#include <stdexcept>

#include "cli/error_hints.h"
#include "cli/global_options.h"
#include "cli/password.h"
#include "client/client.h"
#include "client/cluster.h"
#include "client/discovery.h"
#include "client/maintenance.h"
#include "client/rpc_error.h"
#include "common/bytes.h"
#include "common/error.h"

namespace ectl::cli {

Connection::Connection(const GlobalOptions& global, Io& io, std::string program)
    : global_(global), io_(io), program_(std::move(program)) {}

Connection::~Connection() {
  // A process that ends right after the command leaves gRPC for the kernel to reclaim.
  if (io_.process_exits_after_run) (void)client_.release();
}

const client::ClientConfig& Connection::config() {
  if (config_) return *config_;
  client::ClientConfig config = global_.ToClientConfig();
  if (!global_.discovery_srv().empty()) {
    // Endpoints from DNS SRV records replace --endpoints when any are found.
    std::vector<std::string> found;
    try {
      found = client::DiscoverEndpoints(global_.discovery_srv(), global_.discovery_srv_name());
    } catch (const std::runtime_error& e) {
      throw Error(ExitCode::kError, e.what());
    }
    std::vector<std::string> kept;
    for (const auto& ep : found) {
      if (!global_.insecure_discovery() && ep.rfind("http://", 0) == 0) {
        io_.err << "ignoring discovered insecure endpoint " << GoQuote(ep) << "\n";
        continue;
      }
      kept.push_back(ep);
    }
    if (!kept.empty()) config.endpoints = kept;
  }
  // As etcdctl: --user without a password asks for one; an empty answer means no auth.
  if (global_.NeedsPasswordPrompt()) config.password = AskPassword(io_, "Password: ");
  config_ = std::move(config);
  WarnPlaintext(*config_);
  return *config_;
}

void Connection::WarnPlaintext(const client::ClientConfig& config) {
  std::vector<std::string> fresh;
  {
    std::lock_guard<std::mutex> lock(warned_mu_);
    for (auto& ep : client::PlaintextCredentialEndpoints(config)) {
      if (warned_.insert(ep).second) fresh.push_back(std::move(ep));
    }
    if (fresh.empty()) return;
    std::string list;
    for (const auto& ep : fresh) list += (list.empty() ? "" : ", ") + ep;
    // Go's %q for the user name, as ectl's other texts quote user data.
    io_.err << "Warning: the password of user " << GoQuote(config.user)
            << " is sent unencrypted to " << list
            << " (no TLS and not loopback; use https:// endpoints or --cacert)\n"
            << std::flush;
  }
}

std::unique_ptr<client::Client> Connection::Make(const client::ClientConfig& config) {
  try {
    return client::Client::Make(config);
  } catch (const client::ConnectError& e) {
    std::string hint = ErrorHint(e.what(), config.user);
    if (!hint.empty()) io_.err << program_ << ": " << hint << "\n";
    throw Error(ExitCode::kBadConnection, e.what());
  } catch (const client::DialError& e) {
    // Why the connection failed, ahead of etcdctl's own message that scripts match.
    for (const auto& reason : e.reasons()) io_.err << program_ << ": " << reason << "\n";
    // etcdctl dials while making its client only to fetch a token: with credentials a
    // dial that times out is a bad connection (exit 2); without, the first call fails
    // (exit 1).
    if (!config.user.empty()) throw Error(ExitCode::kBadConnection, e.what());
    throw;
  }
}

client::Client& Connection::client() {
  if (!client_) client_ = Make(config());
  return *client_;
}

std::unique_ptr<client::Client> Connection::ClientFor(const std::string& endpoint) {
  client::ClientConfig one = client::ForEndpoint(config(), endpoint);
  WarnPlaintext(one);  // --cluster endpoints come from the member list
  return client::Client::Make(one);
}

std::unique_ptr<client::Client> Connection::ClientFor(const client::ClientConfig& config) {
  WarnPlaintext(config);
  return Make(config);
}

std::optional<client::ClientConfig> Connection::ConfigWithoutPrompt() {
  if (!config_ && global_.NeedsPasswordPrompt()) return std::nullopt;
  return config();
}

std::unique_ptr<client::Client> Connection::QuietClientFor(const client::ClientConfig& config) {
  return client::Client::Make(config);
}

std::vector<std::string> Connection::Endpoints(bool cluster) {
  if (!cluster) return config().endpoints;
  std::vector<std::string> endpoints;
  try {
    client::Client& c = client();
    auto members = client::MemberList(c, c.command_timeout());
    for (const auto& m : members.members()) {
      for (const auto& u : m.clienturls()) endpoints.push_back(u);
    }
  } catch (const std::runtime_error& e) {  // RpcError, or Error from connecting
    throw Error(ExitCode::kError,
                std::string("failed to fetch endpoints from etcd cluster member list: ") +
                    e.what());
  }
  return endpoints;
}

}  // namespace ectl::cli
