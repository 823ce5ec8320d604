// SignalWatcher (see signal_watcher.h) and the process-wide hub behind it: the signalfd,
// the eventfd that wakes the thread, and the stack of live watchers.
#include "sys/signal_watcher.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ectl::sys {

class SignalHub {
 public:
  static void Push(SignalWatcher* w) {
    std::lock_guard<std::mutex> l(mu_);
    if (stack_.empty()) Start();
    stack_.push_back(w);
  }

  static bool Active() {
    std::lock_guard<std::mutex> l(mu_);
    return !stack_.empty();
  }

  static void Pop(SignalWatcher* w) {
    std::unique_lock<std::mutex> l(mu_);
    const int sig = w->received_.load();
    std::erase(stack_, w);
    if (!stack_.empty()) {
      // The signal this one took was for the process: the next older watcher has it too
      // (its callback is not run: the stop is done), and the next signal starts a new one.
      if (sig != 0) {
        stack_.back()->received_.store(sig);
        signals_seen_ = 0;
      }
      return;
    }
    // The thread may be waiting for mu_ with a signal in hand: let it go before joining.
    const int signal_fd = std::exchange(signal_fd_, -1);
    const int wake_fd = std::exchange(wake_fd_, -1);
    const sigset_t old_mask = old_mask_;
    std::thread t = std::move(thread_);
    l.unlock();
    uint64_t one = 1;
    (void)!write(wake_fd, &one, sizeof one);
    t.join();
    close(signal_fd);
    close(wake_fd);
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  }

 private:
  // SIGINT and SIGTERM, except one the process inherited as ignored.
  static sigset_t Watched() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM}) {
      struct sigaction current {};
      if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
      sigaddset(&set, sig);
    }
    return set;
  }

  // Under mu_.
  static void Start() {
    sigset_t set = Watched();
    pthread_sigmask(SIG_BLOCK, &set, &old_mask_);
    signal_fd_ = signalfd(-1, &set, SFD_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_CLOEXEC);
    signals_seen_ = 0;
    thread_ = std::thread(Loop, signal_fd_, wake_fd_);
  }

  static void Loop(int signal_fd, int wake_fd) {
    pollfd fds[2] = {{signal_fd, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    for (;;) {
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      signalfd_siginfo info{};
      if (read(signal_fd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
      int sig = static_cast<int>(info.ssi_signo);
      std::lock_guard<std::mutex> l(mu_);
      if (++signals_seen_ > 1 || stack_.empty()) SignalWatcher::DieOf(sig);
      SignalWatcher* top = stack_.back();
      top->received_.store(sig);
      top->on_first_signal_(sig);
    }
  }

  static inline std::mutex mu_;
  static inline std::vector<SignalWatcher*> stack_;
  static inline sigset_t old_mask_;
  static inline int signal_fd_ = -1;
  static inline int wake_fd_ = -1;
  static inline int signals_seen_ = 0;
  static inline std::thread thread_;
};

SignalWatcher::SignalWatcher(std::function<void(int)> on_first_signal)
    : on_first_signal_(std::move(on_first_signal)) {
  SignalHub::Push(this);
}

SignalWatcher::~SignalWatcher() { SignalHub::Pop(this); }

bool SignalWatcher::Active() { return SignalHub::Active(); }

void SignalWatcher::DieOf(int sig) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction(sig, &dfl, nullptr);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, sig);
  pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
  raise(sig);
  _exit(128 + sig);
}

}  // namespace ectl::sys
