// Defers SIGINT and SIGTERM while an offline tool writes, so that Ctrl-C unwinds through
// the tool's cleanup (temporary directory or file removed) before the process dies of the
// signal, as it would have without the guard.
//
// The signals are blocked for the guard's lifetime; Check() throws Interrupted when one is
// pending. When the guard goes out of scope, after the cleanup that the exception ran, the
// previous mask is restored and the pending signal is delivered. The offline tools run
// without other threads, so blocking in the calling thread is enough.
#ifndef ECTL_OFFLINE_INTERRUPT_GUARD_H_
#define ECTL_OFFLINE_INTERRUPT_GUARD_H_

#include <signal.h>

#include "common/error.h"

namespace ectl::offline {

// Normally never seen: the signal ends the process first. Should SIGINT be handled
// rather than fatal, it reaches the command as an ordinary error (exit 5).
class Interrupted : public Error {
 public:
  Interrupted() : Error(ExitCode::kInterrupted, "interrupted") {}
};

class InterruptGuard {
 public:
  InterruptGuard() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, &old_);
  }
  ~InterruptGuard() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Throws Interrupted if SIGINT or SIGTERM arrived meanwhile.
  static void Check() {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1) {
      throw Interrupted();
    }
  }

 private:
  sigset_t old_;
};

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_INTERRUPT_GUARD_H_
