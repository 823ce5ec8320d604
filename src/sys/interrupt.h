// InterruptGuard: SIGINT and SIGTERM as a callback, so that a streaming command can
// cancel its stream, flush what it printed and exit with a status of its choosing
// instead of dying in the middle of a write.
//
// The constructor blocks both signals in the calling thread; threads started later
// (gRPC's, once the client is built) inherit that, and a thread of the guard's own
// waits for them and runs the callback there. Construct it before the client.
#ifndef ECTL_SYS_INTERRUPT_H_
#define ECTL_SYS_INTERRUPT_H_

#include <signal.h>

#include <atomic>
#include <functional>
#include <thread>

namespace ectl::sys {

class InterruptGuard {
 public:
  explicit InterruptGuard(std::function<void(int)> on_signal);
  ~InterruptGuard();  // stops waiting and restores the signal mask
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // The signal received, 0 if none.
  [[nodiscard]] int received() const { return received_.load(); }

 private:
  std::function<void(int)> on_signal_;
  sigset_t old_mask_;
  std::atomic<bool> done_{false};
  std::atomic<int> received_{0};
  std::thread thread_;
};

}  // namespace ectl::sys

#endif  // ECTL_SYS_INTERRUPT_H_
