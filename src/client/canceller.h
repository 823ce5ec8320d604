// Canceller: how a long wait (a lock queue, an election, a mirror's watch) learns that it
// must stop, and why: the user interrupted it, or the session lease it depends on is gone.
//
// Blocking gRPC reads are registered with the canceller while they wait; Cancel() calls
// TryCancel() on each, so the blocked thread returns at once. The first reason given
// wins. Thread-safe; Cancel() may be called from any thread (never from a signal
// handler: see cli/signal_canceller.h, which calls it from sys::SignalWatcher's thread).
#ifndef ECTL_CLIENT_CANCELLER_H_
#define ECTL_CLIENT_CANCELLER_H_

#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>

#include "client/config.h"

namespace grpc {
class ClientContext;
}

namespace ectl::client {

enum class CancelReason { kNone, kInterrupted, kSessionLost };

// Thrown by a wait that was cancelled.
class Cancelled : public std::runtime_error {
 public:
  explicit Cancelled(CancelReason reason)
      : std::runtime_error("context canceled"), reason_(reason) {}
  [[nodiscard]] CancelReason reason() const { return reason_; }

 private:
  CancelReason reason_;
};

class Canceller {
 public:
  Canceller() = default;
  Canceller(const Canceller&) = delete;
  Canceller& operator=(const Canceller&) = delete;

  // Records the reason (unless one is already recorded) and cancels every registered call.
  void Cancel(CancelReason reason);
  [[nodiscard]] CancelReason reason() const;
  [[nodiscard]] bool cancelled() const { return reason() != CancelReason::kNone; }
  // Throws Cancelled when cancelled.
  void Check() const;
  // Blocks until cancelled.
  void Wait() const;
  // Sleeps for up to d; returns true (early) when cancelled.
  bool SleepFor(Duration d) const;

  // Keeps a call's context registered for its lifetime. A context registered after
  // Cancel() is cancelled immediately.
  class Scope {
   public:
    Scope(Canceller& canceller, grpc::ClientContext* ctx);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Canceller& canceller_;
    int id_;
  };

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  CancelReason reason_ = CancelReason::kNone;
  int next_id_ = 0;
  std::map<int, grpc::ClientContext*> calls_;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_CANCELLER_H_
