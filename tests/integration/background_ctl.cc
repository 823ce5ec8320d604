#include "background_ctl.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "etcd_fixture.h"

extern char** environ;

namespace ectl::integration {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int Decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

size_t LineCount(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

std::unique_ptr<BackgroundCtl> BackgroundCtl::Start(const std::string& path,
                                                    const Invocation& inv, std::string* error) {
  std::unique_ptr<BackgroundCtl> p(new BackgroundCtl);
  p->dir_ = MakeTempDir("ectl-bg");
  if (p->dir_.empty()) {
    *error = "cannot create a temporary directory";
    return nullptr;
  }
  std::vector<std::string> argv{path};
  if (!inv.endpoints.empty()) argv.push_back("--endpoints=" + inv.endpoints);
  argv.insert(argv.end(), inv.args.begin(), inv.args.end());
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    std::string name = entry.substr(0, entry.find('='));
    bool drop = name.rfind("ETCDCTL_", 0) == 0;
    for (const auto& [k, v] : inv.env) drop = drop || name == k;
    if (!drop) env.push_back(entry);
  }
  for (const auto& [k, v] : inv.env) env.push_back(k + "=" + v);
  std::vector<char*> cargv, cenv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  for (auto& e : env) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  int out = open((p->dir_ + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err = open((p->dir_ + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  close(out);
  close(err);
  close(in);
  if (pid < 0) {
    *error = "fork failed";
    return nullptr;
  }
  p->pid_ = pid;
  return p;
}

BackgroundCtl::~BackgroundCtl() {
  if (Running()) {
    kill(-pid_, SIGKILL);
    kill(pid_, SIGKILL);
    (void)Wait(std::chrono::seconds(5));
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string BackgroundCtl::Out() const { return ReadFile(dir_ + "/out"); }
std::string BackgroundCtl::Err() const { return ReadFile(dir_ + "/err"); }

bool BackgroundCtl::WaitForOut(const std::function<bool(const std::string&)>& pred,
                               std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred(Out())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return pred(Out());
}

void BackgroundCtl::Signal(int sig) {
  if (!exit_code_) kill(pid_, sig);
}

bool BackgroundCtl::Running() {
  if (exit_code_ || pid_ < 0) return false;
  int status = 0;
  pid_t got = waitpid(pid_, &status, WNOHANG);
  if (got == pid_) exit_code_ = Decode(status);
  return !exit_code_;
}

std::optional<int> BackgroundCtl::Wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (Running()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid_, SIGKILL);
      kill(pid_, SIGKILL);
      int status = 0;
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      exit_code_ = -1;
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return exit_code_;
}

}  // namespace ectl::integration
