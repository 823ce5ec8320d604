// SignalCanceller: the glue between sys::SignalWatcher and client::Canceller for the
// commands that end cleanly on Ctrl-C or SIGTERM (lock, elect, make-mirror, check): the
// first signal is a Cancel(kInterrupted), so blocked calls return and the command can
// release what it holds before exiting; a second one ends the process.
// RunStoppable does the same for work that checks a flag between steps: the offline tools
// (offline/stop.h), export and import.
//
// Construct it in the main thread before the client (see sys/signal_watcher.h); it lives
// in cli/ because sys/ knows nothing of the client.
#ifndef ECTL_CLI_SIGNAL_CANCELLER_H_
#define ECTL_CLI_SIGNAL_CANCELLER_H_

#include <utility>

#include "client/canceller.h"
#include "common/error.h"
#include "offline/stop.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {

class SignalCanceller {
 public:
  explicit SignalCanceller(client::Canceller& canceller)
      : watcher_([&canceller](int) { canceller.Cancel(client::CancelReason::kInterrupted); }) {}

 private:
  sys::SignalWatcher watcher_;
};

// Runs job(stop) with SIGINT/SIGTERM turned into stop() == true, so that the job unwinds
// through its clean-up (offline::CheckStop throws offline::Interrupted); then, the watcher
// gone, the process dies of the signal (130/143 in a shell), as it would have without
// ectl's handling. Inside batch or shell, whose watcher now has the signal, the command
// ends with the status 128 + signal instead and the caller decides.
template <class Job>
void RunStoppable(Job&& job) {
  int sig = 0;
  {
    sys::SignalWatcher watcher([](int) {});
    try {
      std::forward<Job>(job)(offline::StopRequested([&watcher] { return watcher.received() != 0; }));
    } catch (const offline::Interrupted&) {
      sig = watcher.received();
      if (sig == 0) throw;
    }
    if (sig == 0) sig = watcher.received();
  }
  if (sig == 0) return;
  if (sys::SignalWatcher::Active()) throw Error::Reported(static_cast<ExitCode>(128 + sig));
  sys::SignalWatcher::DieOf(sig);
}

}  // namespace ectl::cli

#endif  // ECTL_CLI_SIGNAL_CANCELLER_H_
