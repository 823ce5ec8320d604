// Connection: the one path from the global options to etcd clients.
//
// It resolves the configuration once (SRV discovery, the password from --password,
// --password-file, ETCDCTL_PASSWORD or the prompt, TLS) and makes every client a command
// uses: the client over all endpoints, a client per endpoint for the per-member
// commands (endpoint, defrag, move-leader, snapshot save), and a client for another
// cluster (make-mirror's destination). Failures to connect are reported the same way
// everywhere: the diagnostics lines, then etcdctl's message and exit code. Nothing else
// in the command layer creates a client.
//
// One Connection can serve many commands (Run() accepts one to share).
#ifndef ECTL_CLI_CONNECTION_H_
#define ECTL_CLI_CONNECTION_H_

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/io.h"
#include "client/config.h"

namespace ectl::client {
class Client;
}

namespace ectl::cli {

class GlobalOptions;

class Connection {
 public:
  Connection(const GlobalOptions& global, Io& io, std::string program);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The resolved configuration (asks for the password on first use when needed).
  const client::ClientConfig& config();
  // The client over every endpoint, made on first use.
  client::Client& client();
  // A new client for one endpoint only, with the configuration otherwise. A failure to
  // connect is thrown as the client's RpcError, unreported: the per-endpoint commands
  // report each endpoint's failure in their own output, as etcdctl does.
  std::unique_ptr<client::Client> ClientFor(const std::string& endpoint);
  // A new client for another configuration (another cluster), with the same reporting.
  std::unique_ptr<client::Client> ClientFor(const client::ClientConfig& config);
  // The endpoints a per-member command visits: the configured ones, or with cluster
  // every member's client URLs (Error(kError, "failed to fetch endpoints from etcd
  // cluster member list: ...") when the list cannot be read).
  std::vector<std::string> Endpoints(bool cluster);

  // For quick, silent queries (shell completion, complete_keys.h):
  // the client over every endpoint if it has been made already, else null;
  [[nodiscard]] client::Client* existing_client() const { return client_.get(); }
  // the configuration if it can be resolved without asking for a password (nullopt when
  // a password would have to be typed; resolution errors are thrown);
  std::optional<client::ClientConfig> ConfigWithoutPrompt();
  // a new client for config with nothing reported: a failure is only thrown.
  std::unique_ptr<client::Client> QuietClientFor(const client::ClientConfig& config);

 private:
  std::unique_ptr<client::Client> Make(const client::ClientConfig& config);
  // "Warning: ..." once per endpoint to which credentials would go in plain text over a
  // network (client::PlaintextCredentialEndpoints). Safe from several threads.
  void WarnPlaintext(const client::ClientConfig& config);

  const GlobalOptions& global_;
  Io& io_;
  std::string program_;
  std::optional<client::ClientConfig> config_;
  std::unique_ptr<client::Client> client_;
  std::mutex warned_mu_;
  std::set<std::string> warned_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_CONNECTION_H_
