// Endpoint parsing: etcdctl accepts "host:port", "http(s)://host:port", "unix://path",
// "unix:path" and "unixs://path". Pure functions, unit-tested.
#ifndef ECTL_CLIENT_ENDPOINT_H_
#define ECTL_CLIENT_ENDPOINT_H_

#include <string>
#include <string_view>
#include <vector>

namespace ectl::client {

struct Endpoint {
  enum class Scheme { kNone, kHttp, kHttps, kUnix, kUnixs };
  Scheme scheme = Scheme::kNone;
  std::string host;  // host name or IP literal (no brackets); socket path for unix
  std::string port;  // empty for unix
  bool is_unix() const { return scheme == Scheme::kUnix || scheme == Scheme::kUnixs; }
};

Endpoint ParseEndpoint(std::string_view text);

// Whether a host (as ParseEndpoint leaves it) is this machine without a name lookup:
// "localhost", an IPv4 literal in 127.0.0.0/8, or "::1".
bool IsLoopbackHost(std::string_view host);

// The gRPC target for a set of endpoints: one endpoint maps to its own resolver
// ("dns:///host:port", "ipv4:1.2.3.4:5", "unix:/path"); several TCP endpoints with IP
// literals map to one "ipv4:a,b" / "ipv6:..." list, which gRPC's round_robin policy
// balances and fails over across. Host names among several endpoints are resolved
// here (getaddrinfo) so that they can join such a list.
std::string GrpcTarget(const std::vector<Endpoint>& endpoints);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_ENDPOINT_H_
