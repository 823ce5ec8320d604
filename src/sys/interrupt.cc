#include "sys/interrupt.h"

#include <pthread.h>

#include <ctime>

namespace ectl::sys {
namespace {

// SIGINT and SIGTERM, except one the process inherited as ignored (a background job of
// a non-interactive shell, nohup): that one stays ignored, as with etcdctl.
sigset_t Interrupts() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM}) {
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    sigaddset(&set, sig);
  }
  return set;
}

}  // namespace

InterruptGuard::InterruptGuard(std::function<void(int)> on_signal)
    : on_signal_(std::move(on_signal)) {
  sigset_t set = Interrupts();
  pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
  thread_ = std::thread([this, set] {
    const sigset_t wait_for = set;
    // A short timeout lets the destructor end the wait without a signal of its own.
    const timespec tick{0, 100 * 1000 * 1000};
    while (!done_.load()) {
      int sig = sigtimedwait(&wait_for, nullptr, &tick);
      if (sig > 0) {
        received_.store(sig);
        on_signal_(sig);
        return;
      }
    }
  });
}

InterruptGuard::~InterruptGuard() {
  done_.store(true);
  thread_.join();
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

}  // namespace ectl::sys
