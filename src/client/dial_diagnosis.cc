#include "client/dial_diagnosis.h"

#include <string_view>

namespace ectl::client {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// gRPC's message after its "...; last error: CODE: address: " preamble.
std::string Essence(const std::string& raw) {
  std::string text = raw;
  constexpr std::string_view kLast = "last error: ";
  if (auto at = text.find(kLast); at != std::string::npos) text = text.substr(at + kLast.size());
  // "UNKNOWN: ipv4:127.0.0.1:2379: Peer name ..." -> "Peer name ..."
  for (std::string_view code : {"UNKNOWN: ", "UNAVAILABLE: "}) {
    if (text.rfind(code, 0) == 0) text = text.substr(code.size());
  }
  for (std::string_view scheme : {"ipv4:", "ipv6:", "unix:"}) {
    if (text.rfind(scheme, 0) != 0) continue;
    // The address ends at the first ": " after the scheme.
    if (auto end = text.find(": "); end != std::string::npos) text = text.substr(end + 2);
  }
  return text;
}

std::string CaSource(const ClientConfig& config) {
  if (config.tls && !config.tls->ca_file.empty()) return "--cacert " + config.tls->ca_file;
  return "the system's CAs; give the cluster's CA with --cacert";
}

}  // namespace

std::string DescribeDialFailure(const std::string& endpoint, const std::string& raw, bool tls,
                                const ClientConfig& config) {
  std::string why = Essence(raw);
  std::string out = endpoint + ": ";
  const std::string prefix = "Peer name ";
  if (Contains(why, "Connection refused")) {
    return out + "connection refused (is etcd listening on this address?)";
  }
  if (Contains(why, "certificate verify failed")) {
    return out + "certificate verify failed: the server's certificate is not signed by a "
                 "trusted CA (" + CaSource(config) + ")";
  }
  if (why.rfind(prefix, 0) == 0 && Contains(why, " is not in peer certificate")) {
    std::string name = why.substr(prefix.size(), why.find(" is not in") - prefix.size());
    return out + "certificate name mismatch: the server's certificate is not valid for \"" +
           name + "\" (use an endpoint named in its subject alternative names)";
  }
  if (tls && Contains(why, "Endpoint read failed")) {
    return out + "the server closed the TLS handshake: client certificate missing or not "
                 "accepted (--cert/--key)";
  }
  if (Contains(why, "Socket closed") || Contains(why, "Connection reset")) {
    if (tls) {
      return out + "connection closed during the TLS handshake (does the server speak TLS "
                   "on this port? use http:// if not)";
    }
    return out + "connection closed by the server (does it require TLS? use https:// or "
                 "--cacert)";
  }
  return out + why;
}

}  // namespace ectl::client
