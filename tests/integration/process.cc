#include "process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <mutex>
#include <thread>

extern char** environ;

namespace ectl::integration {
namespace {

using Clock = std::chrono::steady_clock;

// Owns the strings execve() points into, built before fork() because the
// child may only call async-signal-safe functions.
struct ExecArgs {
  std::vector<std::string> argv_storage;
  std::vector<std::string> env_storage;
  std::vector<char*> argv;
  std::vector<char*> envp;
};

bool HasPrefix(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::vector<std::string> BuildEnvironment(const EnvChanges& changes) {
  std::vector<std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string entry(*e);
    std::string name = entry.substr(0, entry.find('='));
    bool drop = false;
    for (const auto& u : changes.unset) drop = drop || name == u;
    for (const auto& p : changes.unset_prefixes) {
      drop = drop || HasPrefix(name, p);
    }
    for (const auto& [k, v] : changes.set) drop = drop || name == k;
    if (!drop) env.push_back(std::move(entry));
  }
  for (const auto& [k, v] : changes.set) {
    // A repeated name: the later value wins, as documented.
    // (clang 14 cannot capture a structured binding, hence the named prefix.)
    const std::string prefix = k + "=";
    std::erase_if(env, [&](const std::string& s) { return HasPrefix(s, prefix); });
    env.push_back(k + "=" + v);
  }
  return env;
}

ExecArgs PrepareExec(const std::vector<std::string>& argv,
                     const EnvChanges& changes) {
  ExecArgs a;
  a.argv_storage = argv;
  a.env_storage = BuildEnvironment(changes);
  for (auto& s : a.argv_storage) a.argv.push_back(s.data());
  a.argv.push_back(nullptr);
  for (auto& s : a.env_storage) a.envp.push_back(s.data());
  a.envp.push_back(nullptr);
  return a;
}

// Writing to a pipe whose reader exited (a child that ignores its stdin)
// must give EPIPE, not kill the test binary.
void IgnoreSigpipeOnce() {
  static std::once_flag once;
  std::call_once(once, [] { signal(SIGPIPE, SIG_IGN); });
}

// Runs in the forked child: undo what the parent changed, then exec. Only
// async-signal-safe calls from here on.
[[noreturn]] void ExecChild(const ExecArgs& a, int in_fd, int out_fd,
                            int err_fd) {
  setpgid(0, 0);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  // SIG_IGN would survive execve: the test runner ignores SIGPIPE, and a runner started
  // in the background by a shell without job control inherits SIGINT and SIGQUIT
  // ignored. Children start as a foreground command would, whatever the runner's state.
  for (int sig : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM}) sigaction(sig, &dfl, nullptr);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0) {
    _exit(127);
  }
  execve(a.argv[0], a.argv.data(), a.envp.data());
  const char* msg = "exec failed: ";
  (void)!write(2, msg, strlen(msg));
  (void)!write(2, a.argv[0], strlen(a.argv[0]));
  (void)!write(2, "\n", 1);
  _exit(127);
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

int WaitForPid(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return DecodeStatus(status);
}

void SetNonBlocking(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// Reads what is available; returns false at EOF or on a hard error.
bool Drain(int fd, std::string* sink) {
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      sink->append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    return false;
  }
}

// Pumps stdin/stdout/stderr until both outputs hit EOF or the deadline passes.
// Returns false on timeout.
bool Pump(int in_fd, int out_fd, int err_fd, const std::string& input,
          Clock::time_point deadline, RunResult* r) {
  size_t written = 0;
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  while (out_fd >= 0 || err_fd >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (left.count() <= 0) {
      if (in_fd >= 0) close(in_fd);
      if (out_fd >= 0) close(out_fd);
      if (err_fd >= 0) close(err_fd);
      return false;
    }
    pollfd fds[3] = {
        {in_fd, POLLOUT, 0}, {out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
    int ready =
        poll(fds, 3, static_cast<int>(std::min<long long>(left.count(), 100)));
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;  // poll itself failed: give up on the pipes, the caller reaps
    }
    if (in_fd >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) ||
          written == input.size()) {
        close(in_fd);  // EOF for the child, or it stopped reading (EPIPE)
        in_fd = -1;
      }
    }
    if (out_fd >= 0 && fds[1].revents && !Drain(out_fd, &r->out)) {
      close(out_fd);
      out_fd = -1;
    }
    if (err_fd >= 0 && fds[2].revents && !Drain(err_fd, &r->err)) {
      close(err_fd);
      err_fd = -1;
    }
  }
  for (int fd : {in_fd, out_fd, err_fd}) {
    if (fd >= 0) close(fd);
  }
  return true;
}

}  // namespace

RunResult RunProcess(const RunOptions& options) {
  IgnoreSigpipeOnce();
  RunResult r;
  const auto start = Clock::now();
  if (options.argv.empty()) {
    r.err = "RunProcess: empty argv\n";
    return r;
  }
  ExecArgs args = PrepareExec(options.argv, options.env);
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 ||
      pipe2(err, O_CLOEXEC) != 0) {
    r.err = std::string("pipe2: ") + strerror(errno) + "\n";
    return r;
  }
  pid_t pid = fork();
  if (pid == 0) ExecChild(args, in[0], out[1], err[1]);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (pid < 0) {
    r.err = std::string("fork: ") + strerror(errno) + "\n";
    close(in[1]);
    close(out[0]);
    close(err[0]);
    return r;
  }
  setpgid(pid, pid);  // also here, so a kill right after fork hits the group
  for (int fd : {in[1], out[0], err[0]}) SetNonBlocking(fd);
  if (!Pump(in[1], out[0], err[0], options.stdin_data, start + options.timeout,
            &r)) {
    r.timed_out = true;
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  }
  r.exit_code = WaitForPid(pid);
  r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      Clock::now() - start);
  return r;
}

std::unique_ptr<BackgroundProcess> BackgroundProcess::Start(
    const std::vector<std::string>& argv, const EnvChanges& env,
    const std::string& log_path, std::string* error) {
  if (argv.empty()) {
    *error = "empty argv";
    return nullptr;
  }
  ExecArgs args = PrepareExec(argv, env);
  int log_fd =
      open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (log_fd < 0 || null_fd < 0) {
    *error = "open " + log_path + ": " + strerror(errno);
    if (log_fd >= 0) close(log_fd);
    if (null_fd >= 0) close(null_fd);
    return nullptr;
  }
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    // Die with the test process rather than outlive it as an orphan server.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    ExecChild(args, null_fd, log_fd, log_fd);
  }
  close(log_fd);
  close(null_fd);
  if (pid < 0) {
    *error = std::string("fork: ") + strerror(errno);
    return nullptr;
  }
  setpgid(pid, pid);
  return std::unique_ptr<BackgroundProcess>(new BackgroundProcess(pid));
}

BackgroundProcess::~BackgroundProcess() { Stop(); }

bool BackgroundProcess::Running() {
  if (reaped_) return false;
  int status = 0;
  pid_t got = waitpid(pid_, &status, WNOHANG);
  if (got == pid_ || (got < 0 && errno == ECHILD)) reaped_ = true;
  return !reaped_;
}

void BackgroundProcess::Stop(std::chrono::milliseconds grace) {
  if (!Running()) return;
  kill(pid_, SIGTERM);
  const auto deadline = Clock::now() + grace;
  while (Clock::now() < deadline) {
    if (!Running()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  WaitForPid(pid_);
  reaped_ = true;
}

}  // namespace ectl::integration
