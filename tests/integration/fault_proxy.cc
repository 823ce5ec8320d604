#include "fault_proxy.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <list>
#include <optional>
#include <vector>

namespace ectl::integration {
namespace {

using Clock = std::chrono::steady_clock;

// Per direction, at most this much is queued before the proxy stops reading the source,
// so a slow or delayed side applies back-pressure as a real network would.
constexpr size_t kMaxQueued = 1 << 20;

sockaddr_in Loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  return addr;
}

void CloseFd(int& fd, bool rst) {
  if (fd < 0) return;
  if (rst) {
    linger l{1, 0};  // close() sends RST and discards unsent data
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  }
  close(fd);
  fd = -1;
}

struct Chunk {
  Clock::time_point due;
  std::string data;
  size_t sent = 0;
};

struct Queue {
  std::deque<Chunk> chunks;
  size_t bytes = 0;
  void Push(Clock::time_point due, std::string data) {
    bytes += data.size();
    chunks.push_back({due, std::move(data)});
  }
  void Clear() {
    chunks.clear();
    bytes = 0;
  }
  bool Due(Clock::time_point now) const { return !chunks.empty() && chunks.front().due <= now; }
};

struct Conn {
  int client = -1;
  int upstream = -1;  // -1 for a connection accepted while blackholed
  bool connecting = false;
  bool answers_dropped = false;  // fired by the armed marker
  Queue to_server, to_client;
  std::string tail;  // last bytes sent to the server, to find a marker split across reads
  bool closed = false;
};

}  // namespace

class FaultProxy::Loop {
 public:
  explicit Loop(FaultProxy& proxy) : p_(proxy) {}

  void Run() {
    for (;;) {
      if (!Sync()) break;
      Poll();
    }
    for (auto& c : conns_) Close(c, false);
  }

 private:
  // Takes new settings; false when the proxy is stopping.
  bool Sync() {
    std::lock_guard<std::mutex> lock(p_.mu_);
    if (p_.stop_) return false;
    if (p_.applied_ == p_.generation_) return true;
    s_ = p_.settings_;
    if (!s_.marker.empty()) armed_ = s_.marker;
    p_.settings_.marker.clear();  // armed once, until fired
    using Mode = Settings::Mode;
    for (auto& c : conns_) {
      if (s_.mode == Mode::kReset) Close(c, true);
      if (DropsToServer(c)) c.to_server.Clear();
      if (DropsToClient(c)) c.to_client.Clear();
    }
    Reap();
    p_.applied_ = p_.generation_;
    p_.cv_.notify_all();
    return true;
  }

  bool DropsToServer(const Conn& c) const {
    using Mode = Settings::Mode;
    return c.upstream < 0 || s_.mode == Mode::kBlackhole ||
           (s_.mode == Mode::kHalfOpen && s_.dropped == Direction::kToServer);
  }
  bool DropsToClient(const Conn& c) const {
    using Mode = Settings::Mode;
    return c.answers_dropped || c.upstream < 0 || s_.mode == Mode::kBlackhole ||
           (s_.mode == Mode::kHalfOpen && s_.dropped == Direction::kToClient);
  }
  Clock::time_point Due(Clock::time_point now) const {
    return s_.mode == Settings::Mode::kDelay ? now + s_.delay : now;
  }

  void Close(Conn& c, bool rst) {
    CloseFd(c.client, rst);
    CloseFd(c.upstream, rst);
    c.closed = true;
  }
  void Reap() {
    conns_.remove_if([](const Conn& c) { return c.closed; });
  }

  void Accept() {
    int fd = accept4(p_.listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;
    p_.accepted_.fetch_add(1);
    if (s_.mode == Settings::Mode::kReset) {
      CloseFd(fd, true);
      return;
    }
    Conn c;
    c.client = fd;
    if (s_.mode != Settings::Mode::kBlackhole) {
      int up = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      sockaddr_in addr = Loopback(p_.upstream_port_.load());
      int rc = connect(up, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
      if (rc != 0 && errno != EINPROGRESS) {
        CloseFd(up, false);
        CloseFd(fd, true);  // as a refused connection: the client sees a reset
        return;
      }
      c.upstream = up;
      c.connecting = rc != 0;
    }
    conns_.push_back(std::move(c));
  }

  // Reads what fd has; false on end of stream or error.
  static bool ReadSome(int fd, std::string* out) {
    char buf[65536];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0) {
      out->assign(buf, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
      out->clear();
      return true;
    }
    return false;
  }

  // Writes the due chunks; false on error. Counts what it wrote into *counter if given.
  static bool Flush(int fd, Queue& q, Clock::time_point now, std::atomic<uint64_t>* counter) {
    while (q.Due(now)) {
      Chunk& ch = q.chunks.front();
      ssize_t n = send(fd, ch.data.data() + ch.sent, ch.data.size() - ch.sent, MSG_NOSIGNAL);
      if (n < 0) return errno == EAGAIN || errno == EINTR;
      if (counter != nullptr) counter->fetch_add(static_cast<uint64_t>(n));
      ch.sent += static_cast<size_t>(n);
      if (ch.sent < ch.data.size()) return true;
      q.bytes -= ch.data.size();
      q.chunks.pop_front();
    }
    return true;
  }

  void FromClient(Conn& c, Clock::time_point now) {
    std::string data;
    if (!ReadSome(c.client, &data)) return Close(c, false);
    if (data.empty() || DropsToServer(c)) return;
    bool fire = false;
    if (!armed_.empty()) {
      std::string window = c.tail + data;
      fire = window.find(armed_) != std::string::npos;
      c.tail = window.substr(window.size() - std::min(window.size(), armed_.size()));
    }
    c.to_server.Push(Due(now), std::move(data));
    if (fire) {
      c.answers_dropped = true;
      c.to_client.Clear();
      armed_.clear();
      p_.armed_fired_.store(true);
    }
  }

  void FromUpstream(Conn& c, Clock::time_point now) {
    std::string data;
    if (!ReadSome(c.upstream, &data)) return Close(c, false);
    if (data.empty() || DropsToClient(c)) return;
    c.to_client.Push(Due(now), std::move(data));
  }

  void Poll() {
    std::vector<pollfd> fds;
    fds.push_back({p_.wake_fd_, POLLIN, 0});
    fds.push_back({p_.listen_fd_, POLLIN, 0});
    auto now = Clock::now();
    std::optional<Clock::time_point> next_due;
    auto note = [&](const Queue& q) {
      if (!q.chunks.empty() && q.chunks.front().due > now) {
        next_due = std::min(next_due.value_or(q.chunks.front().due), q.chunks.front().due);
      }
    };
    for (auto& c : conns_) {
      short cev = c.to_server.bytes < kMaxQueued ? POLLIN : 0;
      if (c.to_client.Due(now)) cev |= POLLOUT;
      fds.push_back({c.client, cev, 0});
      short uev = 0;
      if (c.connecting) {
        uev = POLLOUT;
      } else if (c.upstream >= 0) {
        if (c.to_client.bytes < kMaxQueued) uev |= POLLIN;
        if (c.to_server.Due(now)) uev |= POLLOUT;
      }
      fds.push_back({c.upstream, uev, 0});
      note(c.to_server);
      note(c.to_client);
    }
    int timeout = -1;
    if (next_due) {
      auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*next_due - now).count();
      timeout = static_cast<int>(std::clamp<int64_t>(wait + 1, 0, 1000));
    }
    if (poll(fds.data(), fds.size(), timeout) < 0) return;
    if (fds[0].revents & POLLIN) {
      uint64_t v;
      (void)read(p_.wake_fd_, &v, sizeof v);
    }
    now = Clock::now();
    size_t i = 2;
    for (auto& c : conns_) {
      const pollfd& cp = fds[i++];
      const pollfd& up = fds[i++];
      if (c.closed) continue;
      if (c.connecting && up.revents != 0) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.upstream, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
          Close(c, true);
          continue;
        }
        c.connecting = false;
      } else if (c.upstream >= 0 && !c.connecting) {
        if (up.revents & (POLLIN | POLLHUP | POLLERR)) FromUpstream(c, now);
        if (!c.closed && !Flush(c.upstream, c.to_server, now, nullptr)) Close(c, false);
      }
      if (c.closed) continue;
      if (cp.revents & (POLLIN | POLLHUP | POLLERR)) FromClient(c, now);
      if (!c.closed && !Flush(c.client, c.to_client, now, &p_.bytes_to_client_)) Close(c, false);
    }
    Reap();
    if (fds[1].revents & POLLIN) Accept();
  }

  FaultProxy& p_;
  Settings s_;
  std::string armed_;  // the marker of ArmHalfOpen until it fires
  std::list<Conn> conns_;
};

std::unique_ptr<FaultProxy> FaultProxy::Start(int upstream_port, std::string* error) {
  std::unique_ptr<FaultProxy> p(new FaultProxy());
  p->upstream_port_.store(upstream_port);
  p->listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  sockaddr_in addr = Loopback(0);
  socklen_t len = sizeof addr;
  if (p->listen_fd_ < 0 || bind(p->listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(p->listen_fd_, 64) != 0 ||
      getsockname(p->listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    *error = std::string("fault proxy: ") + std::strerror(errno);
    return nullptr;
  }
  p->port_ = ntohs(addr.sin_port);
  p->wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (p->wake_fd_ < 0) {
    *error = std::string("fault proxy: eventfd: ") + std::strerror(errno);
    return nullptr;
  }
  FaultProxy* raw = p.get();
  p->thread_ = std::thread([raw] { Loop(*raw).Run(); });
  return p;
}

FaultProxy::~FaultProxy() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  if (thread_.joinable()) {
    uint64_t one = 1;
    (void)write(wake_fd_, &one, sizeof one);
    thread_.join();
  }
  if (listen_fd_ >= 0) close(listen_fd_);
  if (wake_fd_ >= 0) close(wake_fd_);
}

std::string FaultProxy::Endpoint() const { return "127.0.0.1:" + std::to_string(port_); }

void FaultProxy::Apply(const Settings& settings) {
  std::unique_lock<std::mutex> lock(mu_);
  settings_ = settings;
  uint64_t want = ++generation_;
  uint64_t one = 1;
  (void)write(wake_fd_, &one, sizeof one);
  cv_.wait(lock, [&] { return applied_ >= want || stop_; });
}

void FaultProxy::Pass() { Apply({}); }

void FaultProxy::Delay(std::chrono::milliseconds per_chunk) {
  Settings s;
  s.mode = Settings::Mode::kDelay;
  s.delay = per_chunk;
  Apply(s);
}

void FaultProxy::Blackhole() {
  Settings s;
  s.mode = Settings::Mode::kBlackhole;
  Apply(s);
}

void FaultProxy::Reset() {
  Settings s;
  s.mode = Settings::Mode::kReset;
  Apply(s);
}

void FaultProxy::HalfOpen(Direction dropped) {
  Settings s;
  s.mode = Settings::Mode::kHalfOpen;
  s.dropped = dropped;
  Apply(s);
}

void FaultProxy::ArmHalfOpen(const std::string& marker) {
  Settings s;
  {
    std::lock_guard<std::mutex> lock(mu_);
    s = settings_;  // the mode stays
  }
  s.marker = marker;
  armed_fired_.store(false);
  Apply(s);
}

}  // namespace ectl::integration
