#include "cli/endpoint_probe.h"

#include "cli/command.h"
#include "cli/global_options.h"
#include "client/cluster.h"
#include "client/maintenance.h"
#include "client/rpc_error.h"
#include "common/error.h"

namespace ectl::cli {

std::vector<std::string> TargetEndpoints(Context& ctx, bool cluster) {
  client::ClientConfig config = ctx.global().ToClientConfig();
  if (!cluster) return config.endpoints;
  std::vector<std::string> endpoints;
  try {
    auto c = client::Client::Make(config);
    auto members = client::MemberList(*c, c->command_timeout());
    for (const auto& m : members.members()) {
      for (const auto& u : m.clienturls()) endpoints.push_back(u);
    }
  } catch (const client::RpcError& e) {
    throw Error(ExitCode::kError,
                std::string("failed to fetch endpoints from etcd cluster member list: ") +
                    e.what());
  }
  return endpoints;
}

std::unique_ptr<client::Client> ConnectOne(const client::ClientConfig& config,
                                           const std::string& endpoint) {
  return client::Client::Make(client::ForEndpoint(config, endpoint));
}

}  // namespace ectl::cli
