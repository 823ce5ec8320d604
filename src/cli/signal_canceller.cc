#include "cli/signal_canceller.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace ectl::cli {
namespace {

std::atomic<int> g_write_fd{-1};

void OnSignal(int signo) {
  int fd = g_write_fd.load();
  if (fd < 0) return;
  int saved = errno;
  unsigned char byte = static_cast<unsigned char>(signo);
  (void)!write(fd, &byte, 1);
  errno = saved;
}

}  // namespace

SignalCanceller::SignalCanceller(client::Canceller& canceller) : canceller_(canceller) {
  if (pipe2(pipe_, O_CLOEXEC) != 0) return;  // no pipe: signals keep their default action
  g_write_fd.store(pipe_[1]);
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
  reader_ = std::thread([this] {
    unsigned char byte = 0;
    for (;;) {
      ssize_t n = read(pipe_[0], &byte, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0 || byte == 0) return;  // 0: the destructor asks the thread to end
      canceller_.Cancel(client::CancelReason::kInterrupted);
    }
  });
}

SignalCanceller::~SignalCanceller() {
  if (pipe_[0] < 0) return;
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  g_write_fd.store(-1);
  unsigned char stop = 0;
  (void)!write(pipe_[1], &stop, 1);
  reader_.join();
  close(pipe_[0]);
  close(pipe_[1]);
}

}  // namespace ectl::cli
