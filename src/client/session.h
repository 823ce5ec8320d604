// Session: a lease kept alive in the background for as long as a lock or an election
// needs it, as etcd's concurrency recipes use one.
//
// The constructor grants a lease of the given TTL; a thread then keeps it alive with
// client::KeepAlive (the same loop as `lease keep-alive`: renewal every TTL/3 on one
// stream, reopened when it breaks, token refreshed when the server rejects it). When the
// server says the lease is gone, or no renewal arrives within the TTL, the session is
// lost: lost() turns true and the Canceller given is cancelled with kSessionLost, so
// whatever waits on the lease stops. Close() stops the keep-alive and revokes the lease,
// so keys attached to it vanish at once rather than after the TTL.
#ifndef ECTL_CLIENT_SESSION_H_
#define ECTL_CLIENT_SESSION_H_

#include <atomic>
#include <cstdint>
#include <thread>

#include "client/canceller.h"

namespace ectl::client {

class Client;

class Session {
 public:
  // Grants the lease (command timeout) and starts keeping it alive. Throws RpcError.
  Session(const Client& client, int64_t ttl_seconds, Canceller& on_lost);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[nodiscard]] int64_t lease() const { return lease_; }
  [[nodiscard]] bool lost() const { return lost_; }

  // Stops the keep-alive and revokes the lease unless it is already lost. Errors of the
  // revoke are ignored: the lease then ends with its TTL. Idempotent.
  void Close();

 private:
  const Client& client_;
  Canceller& on_lost_;
  int64_t lease_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<bool> lost_{false};
  bool closed_ = false;
  std::thread keeper_;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_SESSION_H_
