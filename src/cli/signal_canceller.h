// SignalCanceller: the glue between sys::SignalWatcher and client::Canceller for the
// commands that end cleanly on Ctrl-C or SIGTERM (lock, elect, make-mirror, check): the
// first signal is a Cancel(kInterrupted), so blocked calls return and the command can
// release what it holds before exiting; a second one ends the process.
//
// Construct it in the main thread before the client (see sys/signal_watcher.h); it lives
// in cli/ because sys/ knows nothing of the client.
#ifndef ECTL_CLI_SIGNAL_CANCELLER_H_
#define ECTL_CLI_SIGNAL_CANCELLER_H_

#include "client/canceller.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {

class SignalCanceller {
 public:
  explicit SignalCanceller(client::Canceller& canceller)
      : watcher_([&canceller](int) { canceller.Cancel(client::CancelReason::kInterrupted); }) {}

 private:
  sys::SignalWatcher watcher_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_SIGNAL_CANCELLER_H_
