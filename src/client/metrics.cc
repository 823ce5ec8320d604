#include "client/metrics.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace ectl::client {
namespace {

using Clock = std::chrono::steady_clock;

// Reads the whole answer to an HTTP/1.0 GET; empty on failure or timeout.
std::string HttpGet(const std::string& host, const std::string& port, const std::string& path,
                    Duration timeout) {
  const auto deadline = Clock::now() + timeout;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), port.c_str(), &hints, &res) != 0) return "";
  int fd = socket(res->ai_family, res->ai_socktype | SOCK_CLOEXEC, res->ai_protocol);
  bool connected = fd >= 0 && connect(fd, res->ai_addr, res->ai_addrlen) == 0;
  freeaddrinfo(res);
  if (!connected) {
    if (fd >= 0) close(fd);
    return "";
  }
  std::string request = "GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n";
  std::string answer;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buf[65536];
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd p{fd, POLLIN, 0};
      if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
        answer.clear();
        break;
      }
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) break;
      answer.append(buf, static_cast<size_t>(n));
    }
  }
  close(fd);
  return answer;
}

}  // namespace

double ParseResidentMemory(const std::string& text) {
  const std::string name = "process_resident_memory_bytes ";
  size_t at = 0;
  while ((at = text.find(name, at)) != std::string::npos) {
    if (at == 0 || text[at - 1] == '\n') return std::strtod(text.c_str() + at + name.size(), nullptr);
    at += name.size();
  }
  return 0;
}

double ResidentMemoryBytes(const std::string& endpoint, Duration timeout) {
  std::string hostport = endpoint;
  if (hostport.rfind("http://", 0) == 0) {
    hostport = hostport.substr(7);
  } else if (hostport.find("://") != std::string::npos) {
    return 0;  // https, unix: not read
  }
  hostport = hostport.substr(0, hostport.find('/'));
  auto colon = hostport.rfind(':');
  if (colon == std::string::npos) return 0;
  std::string host = hostport.substr(0, colon), port = hostport.substr(colon + 1);
  if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
  return ParseResidentMemory(HttpGet(host, port, "/metrics", timeout));
}

}  // namespace ectl::client
