// SignalCanceller: for the commands that end cleanly on Ctrl-C or SIGTERM (lock, elect,
// make-mirror, check perf), turns the first SIGINT or SIGTERM into a Cancel(kInterrupted)
// of a client::Canceller, so blocked calls return and the command can release what it
// holds before exiting.
//
// The handler only writes a byte to a pipe (all a signal handler may safely do); a
// thread reads it and cancels. The previous dispositions are restored on destruction.
// One instance at a time.
#ifndef ECTL_CLI_SIGNAL_CANCELLER_H_
#define ECTL_CLI_SIGNAL_CANCELLER_H_

#include <signal.h>

#include <thread>

#include "client/canceller.h"

namespace ectl::cli {

class SignalCanceller {
 public:
  explicit SignalCanceller(client::Canceller& canceller);
  ~SignalCanceller();
  SignalCanceller(const SignalCanceller&) = delete;
  SignalCanceller& operator=(const SignalCanceller&) = delete;

 private:
  client::Canceller& canceller_;
  int pipe_[2] = {-1, -1};
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
  std::thread reader_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_SIGNAL_CANCELLER_H_
