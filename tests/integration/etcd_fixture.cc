#include "etcd_fixture.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "binaries.h"

namespace ectl::integration {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kStartAttempts = 3;

sockaddr_in Loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

void SetSocketTimeout(int fd, std::chrono::milliseconds t) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(t.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((t.count() % 1000) * 1000);
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

std::string Tail(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  return s.size() > max_bytes ? "..." + s.substr(s.size() - max_bytes) : s;
}

}  // namespace

std::string EtcdMemberConfig::ClientUrl() const {
  return "http://127.0.0.1:" + std::to_string(client_port);
}

std::string EtcdMemberConfig::PeerUrl() const {
  return "http://127.0.0.1:" + std::to_string(peer_port);
}

std::vector<int> PickFreePorts(int count) {
  // All sockets stay bound until every port is known, so the kernel cannot
  // hand out the same port twice within one call.
  std::vector<int> fds, ports;
  for (int i = 0; i < count; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr = Loopback(0);
    socklen_t len = sizeof addr;
    if (fd < 0 ||
        bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      if (fd >= 0) close(fd);
      break;
    }
    fds.push_back(fd);
    ports.push_back(ntohs(addr.sin_port));
  }
  for (int fd : fds) close(fd);
  if (static_cast<int>(ports.size()) != count) ports.clear();
  return ports;
}

std::string MakeTempDir(const std::string& name_prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl =
      std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/" +
      name_prefix + "XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) return "";
  return tmpl;
}

bool EtcdHealthy(int client_port, std::chrono::milliseconds timeout) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  SetSocketTimeout(fd, timeout);
  sockaddr_in addr = Loopback(client_port);
  std::string response;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    // HTTP/1.0 so etcd closes the connection after the answer.
    const std::string request =
        "GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
        static_cast<ssize_t>(request.size())) {
      char buf[4096];
      ssize_t n;
      while ((n = recv(fd, buf, sizeof buf, 0)) > 0) response.append(buf, n);
    }
  }
  close(fd);
  if (response.find(" 200 ") == std::string::npos) return false;
  size_t body = response.find("\r\n\r\n");
  if (body == std::string::npos) return false;
  auto json = nlohmann::json::parse(response.substr(body + 4), nullptr, /*allow_exceptions=*/false);
  return json.is_object() && json.value("health", "") == "true";
}

std::unique_ptr<EtcdCluster> EtcdCluster::Start(
    const EtcdClusterOptions& options, std::string* error) {
  std::unique_ptr<EtcdCluster> cluster(new EtcdCluster());
  const auto deadline = Clock::now() + options.start_timeout;
  std::string errors;
  for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
    std::string why;
    if (cluster->Launch(options, deadline, &why)) return cluster;
    errors += "attempt " + std::to_string(attempt) + ": " + why + "\n";
    cluster->Stop();
    if (Clock::now() >= deadline) break;
  }
  *error = "etcd did not start:\n" + errors;
  return nullptr;
}

bool EtcdCluster::Launch(const EtcdClusterOptions& options,
                         Clock::time_point deadline, std::string* error) {
  root_dir_ = MakeTempDir("ectl-it-etcd-");
  std::vector<int> ports = PickFreePorts(2 * options.members);
  if (root_dir_.empty() || ports.empty()) {
    *error = "no temp dir or no free ports";
    return false;
  }
  configs_.clear();
  argvs_.clear();
  std::string initial_cluster;
  for (int i = 0; i < options.members; ++i) {
    EtcdMemberConfig c;
    c.name = "m" + std::to_string(i);
    c.client_port = ports[2 * i];
    c.peer_port = ports[2 * i + 1];
    c.data_dir = root_dir_ + "/" + c.name + ".etcd";
    c.log_path = root_dir_ + "/" + c.name + ".log";
    c.extra_args = options.extra_args;
    initial_cluster += (i > 0 ? "," : "") + c.name + "=" + c.PeerUrl();
    configs_.push_back(std::move(c));
  }
  // etcd reads ETCD_* variables as flags; a developer's shell must not
  // reconfigure the test server.
  EnvChanges env;
  env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
  for (const auto& c : configs_) {
    std::vector<std::string> argv = {
        kEtcdBinary,
        "--name=" + c.name,
        "--data-dir=" + c.data_dir,
        "--listen-client-urls=" + c.ClientUrl(),
        "--advertise-client-urls=" + c.ClientUrl(),
        "--listen-peer-urls=" + c.PeerUrl(),
        "--initial-advertise-peer-urls=" + c.PeerUrl(),
        "--initial-cluster=" + initial_cluster,
        "--initial-cluster-token=" + root_dir_,  // unique per cluster
        "--initial-cluster-state=new",
    };
    argv.insert(argv.end(), c.extra_args.begin(), c.extra_args.end());
    argvs_.push_back(argv);
    auto p = BackgroundProcess::Start(argv, env, c.log_path, error);
    if (p == nullptr) return false;
    processes_.push_back(std::move(p));
  }
  for (size_t i = 0; i < configs_.size(); ++i) {
    while (
        !EtcdHealthy(configs_[i].client_port, std::chrono::milliseconds(500))) {
      if (!processes_[i]->Running()) {
        *error = configs_[i].name + " exited during start-up\n" + LogTails();
        return false;
      }
      if (Clock::now() >= deadline) {
        *error = configs_[i].name + " not healthy before the deadline\n" +
                 LogTails();
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  return true;
}

std::string EtcdCluster::LogTails() const {
  std::string out;
  for (const auto& c : configs_) {
    out += "--- " + c.log_path + " ---\n" + Tail(c.log_path, 2000) + "\n";
  }
  return out;
}

EtcdCluster::~EtcdCluster() { Stop(); }

std::string EtcdCluster::ClientEndpoint(size_t i) const {
  return "127.0.0.1:" + std::to_string(configs_.at(i).client_port);
}

std::string EtcdCluster::ClientEndpoints() const {
  std::string out;
  for (size_t i = 0; i < configs_.size(); ++i) {
    out += (i > 0 ? "," : "") + ClientEndpoint(i);
  }
  return out;
}

void EtcdCluster::StopMember(size_t i) {
  if (i < processes_.size()) processes_[i]->Stop();
}

void EtcdCluster::SignalMember(size_t i, int sig) {
  if (i < processes_.size() && processes_[i]->Running()) kill(processes_[i]->pid(), sig);
}

bool EtcdCluster::RestartMember(size_t i, std::chrono::milliseconds timeout,
                                std::string* error) {
  if (i >= processes_.size()) return false;
  processes_[i]->Stop();
  EnvChanges env;
  env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
  // The log is kept: the restarted member writes to a second file.
  auto p = BackgroundProcess::Start(argvs_[i], env, configs_[i].log_path + ".restart", error);
  if (p == nullptr) return false;
  processes_[i] = std::move(p);
  const auto deadline = Clock::now() + timeout;
  while (!EtcdHealthy(configs_[i].client_port, std::chrono::milliseconds(500))) {
    if (!processes_[i]->Running() || Clock::now() >= deadline) {
      *error = configs_[i].name + " did not come back\n" +
               Tail(configs_[i].log_path + ".restart", 2000);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

void EtcdCluster::Stop() {
  for (auto& p : processes_) p->Stop();
  processes_.clear();
  if (!root_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(root_dir_, ignored);
    root_dir_.clear();
  }
}

}  // namespace ectl::integration
