// The operating-system layer: the signal watcher (in forked children, so that signals
// never reach the test runner), the child-process runner, ErrnoText and the terminal's
// line reading.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <algorithm>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include "common/errno_text.h"
#include "sys/child_process.h"
#include "sys/signal_watcher.h"
#include "sys/terminal.h"

namespace ectl::sys {
namespace {

using namespace std::chrono_literals;

// Runs body in a forked child and returns its wait status; body's return value is the
// child's exit status.
int InChild(const std::function<int()>& body) {
  pid_t pid = fork();
  if (pid == 0) {
    // Default dispositions, as a foreground command has them: a test binary started in
    // the background by a shell without job control inherits SIGINT ignored, which the
    // watcher rightly leaves alone. A test that wants it ignored sets that itself.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    _exit(body());
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Waits up to a second for flag.
bool Eventually(const std::atomic<bool>& flag) {
  for (int i = 0; i < 100 && !flag.load(); ++i) std::this_thread::sleep_for(10ms);
  return flag.load();
}

TEST(SignalWatcher, FirstSignalRunsTheCallback) {
  int status = InChild([] {
    std::atomic<bool> called{false};
    SignalWatcher w([&](int sig) { called.store(sig == SIGTERM); });
    kill(getpid(), SIGTERM);
    if (!Eventually(called)) return 1;
    return w.received() == SIGTERM ? 0 : 2;
  });
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SignalWatcher, SecondSignalEndsTheProcess) {
  int status = InChild([] {
    std::atomic<bool> called{false};
    SignalWatcher w([&](int) { called.store(true); });
    kill(getpid(), SIGINT);
    if (!Eventually(called)) return 1;
    kill(getpid(), SIGINT);
    std::this_thread::sleep_for(2s);
    return 3;  // still alive: wrong
  });
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  EXPECT_EQ(WTERMSIG(status), SIGINT);
}

TEST(SignalWatcher, InheritedIgnoredSigintStaysIgnored) {
  int status = InChild([] {
    signal(SIGINT, SIG_IGN);
    std::atomic<bool> called{false};
    {
      SignalWatcher w([&](int) { called.store(true); });
      raise(SIGINT);
      kill(getpid(), SIGINT);
      std::this_thread::sleep_for(200ms);
    }
    raise(SIGINT);  // still ignored once the watcher is gone
    return called.load() ? 1 : 0;
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SignalWatcher, NewestWatcherTakesTheSignal) {
  int status = InChild([] {
    std::atomic<bool> outer{false}, inner{false};
    SignalWatcher a([&](int) { outer.store(true); });
    {
      SignalWatcher b([&](int) { inner.store(true); });
      kill(getpid(), SIGTERM);
      if (!Eventually(inner)) return 1;
    }
    return outer.load() ? 2 : 0;
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A command inside shell took Ctrl-C: the shell's watcher learns of it, and the next
// Ctrl-C (in a later command) is a first signal again rather than the end of the process.
TEST(SignalWatcher, NestedWatcherHandsItsSignalDown) {
  int status = InChild([] {
    std::atomic<bool> outer{false}, inner{false}, later{false};
    SignalWatcher a([&](int) { outer.store(true); });
    {
      SignalWatcher b([&](int) { inner.store(true); });
      kill(getpid(), SIGINT);
      if (!Eventually(inner)) return 1;
    }
    if (a.received() != SIGINT || outer.load()) return 2;
    {
      SignalWatcher c([&](int) { later.store(true); });
      kill(getpid(), SIGINT);  // would end the process if it counted as a second signal
      if (!Eventually(later)) return 3;
    }
    return SignalWatcher::Active() ? 0 : 4;
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(SignalWatcher, DestructionIsImmediateAndRestoresTheMask) {
  int status = InChild([] {
    sigset_t before, after;
    pthread_sigmask(SIG_SETMASK, nullptr, &before);
    // The thread is asleep in its wait when the watcher goes; a polling design would take
    // up to its tick. The best of three tries, as the machine may be busy.
    auto best = std::chrono::steady_clock::duration::max();
    for (int i = 0; i < 3; ++i) {
      std::optional<SignalWatcher> w;
      w.emplace([](int) {});
      std::this_thread::sleep_for(30ms);
      auto start = std::chrono::steady_clock::now();
      w.reset();
      best = std::min(best, std::chrono::steady_clock::now() - start);
    }
    pthread_sigmask(SIG_SETMASK, nullptr, &after);
    if (best > 20ms) return 1;
    return sigismember(&after, SIGINT) == sigismember(&before, SIGINT) ? 0 : 2;
  });
  ASSERT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ChildProcess, LookPath) {
  EXPECT_EQ(LookPath("/nonexistent/bin", "/bin"), "/nonexistent/bin");
  EXPECT_EQ(LookPath("sh", "/nonexistent:/bin"), "/bin/sh");
  EXPECT_EQ(LookPath("no-such-command-here", "/bin:/usr/bin"), std::nullopt);
  EXPECT_EQ(LookPath("sh", ""), std::nullopt);  // "" is ".", where there is no sh
}

TEST(ChildProcess, VariablesGivenFirstWin) {
  auto env = ChildEnvironment({"ETCD_LOCK_KEY=l/1", "ETCD_LOCK_REV=5"},
                              {"HOME=/root", "ETCD_LOCK_KEY=outer/2", "PATH=/bin"});
  EXPECT_EQ(env, (std::vector<std::string>{"ETCD_LOCK_KEY=l/1", "ETCD_LOCK_REV=5", "HOME=/root",
                                           "PATH=/bin"}));
}

TEST(ChildProcess, ExitStatusAndErrors) {
  auto ok = RunChild({"/bin/sh", "-c", "exit 0"}, {});
  EXPECT_TRUE(ok.started);
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_EQ(ok.error, "");
  auto seven = RunChild({"sh", "-c", "exit 7"}, {});
  EXPECT_EQ(seven.exit_code, 7);
  EXPECT_EQ(seven.error, "exit status 7");
  auto killed = RunChild({"sh", "-c", "kill -9 $$"}, {});
  EXPECT_EQ(killed.exit_code, 137);
  EXPECT_EQ(killed.error, "signal: killed");
  auto missing = RunChild({"/nonexistent/bin"}, {});
  EXPECT_FALSE(missing.started);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.error, "fork/exec /nonexistent/bin: no such file or directory");
  auto unknown = RunChild({"no-such-command-here"}, {});
  EXPECT_EQ(unknown.error, "exec: \"no-such-command-here\": executable file not found in $PATH");
  auto directory = RunChild({"/tmp"}, {});
  EXPECT_EQ(directory.error, "fork/exec /tmp: permission denied");
}

TEST(ChildProcess, GivenEnvironmentPathAndRunningPid) {
  std::atomic<pid_t> running{0};
  auto out = RunChild(ChildSpec{{"sh", "-c", "test \"$X\" = 1 && test -z \"$HOME\""},
                                {"X=1"},
                                "/nonexistent:/bin:/usr/bin",
                                &running});
  EXPECT_EQ(out.error, "");
  EXPECT_EQ(running.load(), 0);
  auto not_in_path = RunChild(ChildSpec{{"sh"}, {}, "/nonexistent", nullptr});
  EXPECT_EQ(not_in_path.error, "exec: \"sh\": executable file not found in $PATH");
}

TEST(ErrnoText, GoSpelling) {
  EXPECT_EQ(ErrnoText(ENOENT), "no such file or directory");
  EXPECT_EQ(ErrnoText(EACCES), "permission denied");
  EXPECT_EQ(ErrnoText(EPERM), "operation not permitted");
  EXPECT_EQ(ErrnoText(EISDIR), "is a directory");
}

TEST(Terminal, ReadLineDropsTheLineEnding) {
  std::istringstream in("secret\r\nnext\n");
  EXPECT_EQ(ReadLine(in), "secret");
  EXPECT_EQ(ReadLine(in), "next");
  EXPECT_EQ(ReadLine(in), "");
}

}  // namespace
}  // namespace ectl::sys
