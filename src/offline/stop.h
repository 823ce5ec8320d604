// How an offline tool learns that it should stop (Ctrl-C): a check it calls between
// writes, after which it throws Interrupted and unwinds through its clean-up (temporary
// files and directories removed). The tools handle no signals themselves; the command
// that runs one passes the state of its sys::SignalWatcher (cli/signal_canceller.h,
// RunStoppable), which then ends the process by the signal.
#ifndef ECTL_OFFLINE_STOP_H_
#define ECTL_OFFLINE_STOP_H_

#include <functional>

#include "common/error.h"

namespace ectl::offline {

// Reaches the command as an ordinary error (exit 5) only if nothing turns it into the
// signal's own exit.
class Interrupted : public Error {
 public:
  Interrupted() : Error(ExitCode::kInterrupted, "interrupted") {}
};

// True once the tool should stop. Empty: never.
using StopRequested = std::function<bool()>;

inline void CheckStop(const StopRequested& stop) {
  if (stop && stop()) throw Interrupted();
}

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_STOP_H_
