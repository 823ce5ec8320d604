// ClientConfig: everything needed to reach etcd, independent of how it was specified
// (flags, ETCDCTL_* variables, or a test). Plain data; cli::GlobalOptions fills it.
#ifndef ECTL_CLIENT_CONFIG_H_
#define ECTL_CLIENT_CONFIG_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ectl::client {

using Duration = std::chrono::nanoseconds;

struct TlsConfig {
  std::string cert_file;
  std::string key_file;
  std::string ca_file;
  bool insecure_skip_verify = false;
  std::string server_name;  // verify servers under this name instead of the endpoint's host
};

// --keepalive-time below this is raised to it: etcd's default --grpc-keepalive-min-time.
inline constexpr Duration kMinKeepaliveTime = std::chrono::seconds(5);

struct ClientConfig {
  std::vector<std::string> endpoints;
  Duration dial_timeout = std::chrono::seconds(2);
  Duration command_timeout = std::chrono::seconds(5);
  Duration keepalive_time = std::chrono::seconds(2);
  Duration keepalive_timeout = std::chrono::seconds(6);
  // Present when TLS is to be used for endpoints without an explicit scheme.
  std::optional<TlsConfig> tls;
  std::string user;
  std::string password;
  int64_t max_request_bytes = 2 * 1024 * 1024;
  int64_t max_recv_bytes = 0x7fffffff;
  // After a failed dial, ask each channel why (up to 1.5 s more) for the diagnostic lines.
  // Off for shell completion, which must fail at once and silently.
  bool diagnose_dial_failure = true;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_CONFIG_H_
