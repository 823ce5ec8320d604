// DNS SRV discovery of client endpoints (--discovery-srv), as etcdctl does it: the
// records _etcd-client-ssl._tcp.<domain> give https:// endpoints and
// _etcd-client._tcp.<domain> give http:// ones; --discovery-srv-name=X queries
// _etcd-client-ssl-X / _etcd-client-X instead.
#ifndef ECTL_CLIENT_DISCOVERY_H_
#define ECTL_CLIENT_DISCOVERY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ectl::client {

struct SrvRecord {
  std::string target;  // host name, without the trailing dot
  uint16_t port = 0;
};

// Looks up one SRV name; throws std::runtime_error("lookup <name>: <reason>") on failure.
using SrvLookup = std::function<std::vector<SrvRecord>(const std::string& name)>;
std::vector<SrvRecord> LookupSrv(const std::string& name);

// The endpoints for domain. Throws std::runtime_error("dns lookup errors: A and B") when
// both lookups fail. The lookup function is a parameter so the mapping is unit-tested.
std::vector<std::string> DiscoverEndpoints(const std::string& domain, const std::string& service_name,
                                           const SrvLookup& lookup = LookupSrv);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_DISCOVERY_H_
