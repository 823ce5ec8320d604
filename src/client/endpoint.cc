#include "client/endpoint.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include "common/error.h"

namespace ectl::client {
namespace {

bool IsIpv4(const std::string& host) {
  in_addr a;
  return inet_pton(AF_INET, host.c_str(), &a) == 1;
}

bool IsIpv6(const std::string& host) {
  in6_addr a;
  return inet_pton(AF_INET6, host.c_str(), &a) == 1;
}

void SplitHostPort(std::string_view hp, Endpoint& ep) {
  if (!hp.empty() && hp.front() == '[') {
    auto close = hp.find(']');
    if (close != std::string_view::npos) {
      ep.host = std::string(hp.substr(1, close - 1));
      if (close + 1 < hp.size() && hp[close + 1] == ':') ep.port = std::string(hp.substr(close + 2));
      return;
    }
  }
  auto colon = hp.rfind(':');
  if (colon == std::string_view::npos) {
    ep.host = std::string(hp);
  } else {
    ep.host = std::string(hp.substr(0, colon));
    ep.port = std::string(hp.substr(colon + 1));
  }
}

std::string HostPort(const std::string& host, const std::string& port) {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return port.empty() ? h : h + ":" + port;
}

// Resolves a host name to its first address, for joining a multi-endpoint list.
std::string ResolveOne(const Endpoint& ep, bool& v6) {
  if (IsIpv4(ep.host)) return ep.host;
  if (IsIpv6(ep.host)) return v6 = true, ep.host;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(ep.host.c_str(), nullptr, &hints, &res) != 0 || res == nullptr) {
    return ep.host;  // left to gRPC, which reports it as unavailable
  }
  char buf[INET6_ADDRSTRLEN] = {};
  if (res->ai_family == AF_INET6) {
    v6 = true;
    inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(res->ai_addr)->sin6_addr, buf, sizeof buf);
  } else {
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr, buf, sizeof buf);
  }
  freeaddrinfo(res);
  return buf;
}

}  // namespace

Endpoint ParseEndpoint(std::string_view text) {
  Endpoint ep;
  auto sep = text.find("://");
  std::string_view rest = text;
  if (sep != std::string_view::npos) {
    std::string_view scheme = text.substr(0, sep);
    rest = text.substr(sep + 3);
    if (scheme == "http") ep.scheme = Endpoint::Scheme::kHttp;
    else if (scheme == "https") ep.scheme = Endpoint::Scheme::kHttps;
    else if (scheme == "unix") ep.scheme = Endpoint::Scheme::kUnix;
    else if (scheme == "unixs") ep.scheme = Endpoint::Scheme::kUnixs;
    else rest = text;
  } else if (text.rfind("unix:", 0) == 0) {
    ep.scheme = Endpoint::Scheme::kUnix;
    rest = text.substr(5);
  } else if (text.rfind("unixs:", 0) == 0) {
    ep.scheme = Endpoint::Scheme::kUnixs;
    rest = text.substr(6);
  }
  if (ep.is_unix()) {
    ep.host = std::string(rest);
    return ep;
  }
  // A URL may carry a path ("http://h:p/"); only the authority matters.
  auto slash = rest.find('/');
  if (sep != std::string_view::npos && slash != std::string_view::npos) rest = rest.substr(0, slash);
  SplitHostPort(rest, ep);
  return ep;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, std::string(host).c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, std::string(host).c_str(), &v6) == 1) {
    return IN6_IS_ADDR_LOOPBACK(&v6);
  }
  return false;
}

std::string GrpcTarget(const std::vector<Endpoint>& endpoints) {
  const Endpoint& first = endpoints.front();
  if (first.is_unix()) return "unix:" + first.host;
  if (endpoints.size() == 1) {
    if (IsIpv4(first.host)) return "ipv4:" + HostPort(first.host, first.port);
    if (IsIpv6(first.host)) return "ipv6:" + HostPort(first.host, first.port);
    return "dns:///" + HostPort(first.host, first.port);
  }
  std::string v4, v6list;
  for (const auto& ep : endpoints) {
    if (ep.is_unix()) continue;
    bool is_v6 = false;
    std::string addr = ResolveOne(ep, is_v6);
    std::string& list = is_v6 ? v6list : v4;
    if (!list.empty()) list += ',';
    list += HostPort(addr, ep.port);
  }
  // gRPC's literal resolvers take one address family per target; IPv4 wins when mixed.
  if (!v4.empty()) return "ipv4:" + v4;
  return "ipv6:" + v6list;
}

}  // namespace ectl::client
