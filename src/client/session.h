// Session: a lease kept alive in the background for as long as a lock or an election
// needs it, as etcd's concurrency recipes use one.
//
// Start() grants a lease of the given TTL; two threads then keep it: one sends a
// LeaseKeepAlive request on a long-lived stream every TTL/3 (reopening the stream after
// 500 ms when it breaks), the other notices when the lease's TTL has run out without a
// renewal. When the server says the lease is gone, or it expires unrenewed, the session
// is lost: lost() turns true and the Canceller given is cancelled with kSessionLost, so
// whatever waits on the lease stops. Close() stops the keep-alive and revokes the lease,
// so keys attached to it vanish at once rather than after the TTL.
//
// Deliberately small and self-contained: it is not the `lease keep-alive` command.
#ifndef ECTL_CLIENT_SESSION_H_
#define ECTL_CLIENT_SESSION_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "client/canceller.h"

namespace grpc {
class ClientContext;
}

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
  [[nodiscard]] bool lost() const;

  // Stops the keep-alive and revokes the lease unless it is already lost. Errors of the
  // revoke are ignored: the lease then ends with its TTL. Idempotent.
  void Close();

 private:
  using Clock = std::chrono::steady_clock;

  void KeepAliveLoop();
  void WatchdogLoop();
  // Marks the session lost (once) and cancels the canceller.
  void Lose();

  const Client& client_;
  Canceller& on_lost_;
  int64_t lease_ = 0;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  bool lost_ = false;
  bool closed_ = false;
  Clock::time_point expiry_;
  Clock::duration interval_;
  grpc::ClientContext* stream_ctx_ = nullptr;  // the open keep-alive stream, if any
  std::thread keeper_;
  std::thread watchdog_;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_SESSION_H_
