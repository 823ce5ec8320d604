// SignalWatcher: the one way ectl reacts to SIGINT and SIGTERM. The first signal runs a
// callback that starts a clean stop (cancel a stream, release a lock, remove a partial
// file); a second one ends the process at once, dying of that signal as a program without
// handlers would (a shell reports 128 + the signal number). A signal the process inherited
// as ignored (`trap '' INT`, nohup) stays ignored.
//
// How: the constructor blocks both signals in the calling thread and a thread of the
// watcher reads them from a signalfd; destruction wakes that thread through an eventfd,
// without delay, and restores the mask. Because a signal is only turned into a read where
// it is blocked in every thread, construct the watcher in the main thread BEFORE the
// client (gRPC starts its threads then, and they inherit the blocked mask), and destroy it
// in the thread that made it.
//
// Watchers nest: while one exists, a newer one (the password prompt inside a command's
// connection set-up, a command inside batch or shell) takes the signals until it is
// destroyed; one thread serves both. A nested watcher that took a signal hands it down when
// destroyed: the next older one reports it as received (without its callback running),
// and a further signal counts as a first one again (so a shell survives a second Ctrl-C
// in a later command).
// Callbacks run on the watcher's thread, one at a time; they must not create or destroy
// watchers. Not here: child processes (child_process.h) and the terminal (terminal.h).
#ifndef ECTL_SYS_SIGNAL_WATCHER_H_
#define ECTL_SYS_SIGNAL_WATCHER_H_

#include <atomic>
#include <functional>

namespace ectl::sys {

class SignalWatcher {
 public:
  explicit SignalWatcher(std::function<void(int)> on_first_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  // The signal that reached this watcher, 0 if none.
  [[nodiscard]] int received() const { return received_.load(); }

  // Whether any watcher exists: a command that stopped on a signal inside batch or shell
  // ends with the signal's status instead of ending the process.
  [[nodiscard]] static bool Active();

  // Ends the process by sig with its default action (for a callback that cannot stop
  // cleanly, such as the password prompt's); exits 128 + sig if that fails.
  [[noreturn]] static void DieOf(int sig);

 private:
  friend class SignalHub;
  std::function<void(int)> on_first_signal_;
  std::atomic<int> received_{0};
};

}  // namespace ectl::sys

#endif  // ECTL_SYS_SIGNAL_WATCHER_H_
