// The Lease service: grant, revoke, time-to-live, list, and keeping a lease alive.
//
// The unary calls go through Call() (deadline, token, token refresh). KeepAlive is the
// long-running part: one bidirectional LeaseKeepAlive stream that survives the loss of
// the member serving it (the stream is reopened and the channel's round_robin policy
// picks another endpoint) and reports when the lease is gone. Nothing here prints or
// chooses exit codes.
#ifndef ECTL_CLIENT_LEASE_H_
#define ECTL_CLIENT_LEASE_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "client/config.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

// Throw RpcError with etcd's message on failure.
etcdserverpb::LeaseGrantResponse LeaseGrant(const Client& client, int64_t ttl,
                                            std::optional<Duration> timeout);
etcdserverpb::LeaseRevokeResponse LeaseRevoke(const Client& client, int64_t id,
                                              std::optional<Duration> timeout);
etcdserverpb::LeaseTimeToLiveResponse LeaseTimeToLive(const Client& client, int64_t id,
                                                      bool keys,
                                                      std::optional<Duration> timeout);
etcdserverpb::LeaseLeasesResponse LeaseLeases(const Client& client,
                                              std::optional<Duration> timeout);

// One keep-alive round trip on a stream of its own. A response with TTL <= 0 (the
// lease does not exist) throws RpcError "etcdserver: requested lease not found", as
// etcd's client reports it.
etcdserverpb::LeaseKeepAliveResponse LeaseKeepAliveOnce(const Client& client, int64_t id,
                                                        std::optional<Duration> timeout);

struct KeepAliveOptions {
  // How long the first response may take; afterwards each response allows the next
  // TTL seconds. etcdctl uses its dial timeout plus one second.
  Duration first_response_timeout = std::chrono::seconds(3);
  // Pause before a broken stream is reopened (etcd's client waits 500 ms).
  Duration retry_wait = std::chrono::milliseconds(500);
  // While no response answers a request, the request is repeated this often.
  Duration resend_interval = std::chrono::milliseconds(500);
  // When set (by another thread or a signal handler), KeepAlive returns kStopped within
  // about 100 ms.
  const std::atomic<bool>* stop = nullptr;
};

enum class KeepAliveEnd {
  kStopped,   // *options.stop was set
  kGone,      // the server answered TTL <= 0: the lease expired or was revoked
  kTimedOut,  // no successful response within the TTL: the lease must be taken as lost
};

using KeepAliveCallback = std::function<void(const etcdserverpb::LeaseKeepAliveResponse&)>;

// Keeps lease `id` alive until it is gone or *options.stop is set. The first request is
// sent at once on every (re)opened stream, then one every TTL/3 after each response.
// on_response is called on the calling thread for each response with TTL > 0; an
// exception it throws ends the loop (the stream is cancelled) and propagates.
//
// A broken stream (member stopped, leader change, "etcdserver: no leader") is reopened
// after retry_wait; if the server said the auth token is invalid, a new token is fetched
// first. The stream carries `hasleader: true`, so a member without a leader fails it
// rather than holding it.
KeepAliveEnd KeepAlive(const Client& client, int64_t id, const KeepAliveOptions& options,
                       const KeepAliveCallback& on_response);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_LEASE_H_
