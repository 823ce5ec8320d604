// FaultProxy: a TCP proxy between a client under test and one etcd member, which the test
// switches between faults while connections are open.
//
// One thread polls the listening socket and every connection pair (client side, upstream
// side). Modes apply to open connections and to new ones:
//   pass       forward both ways;
//   delay      forward each chunk read after an added latency;
//   blackhole  accept, read and drop both ways, never answer (new connections are accepted
//              but not connected upstream): a member that stopped answering;
//   reset      close every connection with RST (SO_LINGER 0), new ones as soon as accepted;
//   half-open  stop forwarding one direction (its bytes are read and dropped).
// Besides the modes, ArmHalfOpen() makes a connection go half-open right after it forwarded
// a client chunk holding a marker: the request reaches the server, its answer never
// reaches the client (a member that dies between applying a request and answering it).
//
// Every setter returns once the proxy thread has applied it to the open connections.
// Deliberately nothing about etcd or gtest here.
#ifndef ECTL_TESTS_INTEGRATION_FAULT_PROXY_H_
#define ECTL_TESTS_INTEGRATION_FAULT_PROXY_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace ectl::integration {

class FaultProxy {
 public:
  enum class Direction { kToServer, kToClient };

  // Listens on a free loopback port and forwards to 127.0.0.1:upstream_port. nullptr and
  // *error on failure.
  static std::unique_ptr<FaultProxy> Start(int upstream_port, std::string* error);
  ~FaultProxy();  // closes every connection and stops the thread
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return port_; }
  // "127.0.0.1:<port>", for --endpoints.
  std::string Endpoint() const;

  // New connections go to 127.0.0.1:port from now on; open ones stay where they are.
  void SetUpstream(int port) { upstream_port_.store(port); }

  void Pass();
  void Delay(std::chrono::milliseconds per_chunk);
  void Blackhole();
  void Reset();
  void HalfOpen(Direction dropped);
  // The next connection whose client sends `marker` goes half-open (answers dropped) right
  // after that chunk was forwarded. Once only; ArmedFired() tells whether it happened.
  void ArmHalfOpen(const std::string& marker);
  bool ArmedFired() const { return armed_fired_.load(); }

  // Connections accepted so far; bytes forwarded to clients so far.
  uint64_t accepted() const { return accepted_.load(); }
  uint64_t bytes_to_client() const { return bytes_to_client_.load(); }

 private:
  struct Settings {
    enum class Mode { kPass, kDelay, kBlackhole, kReset, kHalfOpen } mode = Mode::kPass;
    std::chrono::milliseconds delay{0};
    Direction dropped = Direction::kToClient;
    std::string marker;  // armed when not empty
  };
  class Loop;

  FaultProxy() = default;
  // Stores the settings, wakes the thread and waits until it has applied them.
  void Apply(const Settings& settings);

  int port_ = 0;
  std::atomic<int> upstream_port_{0};
  int listen_fd_ = -1;
  int wake_fd_ = -1;  // eventfd
  std::mutex mu_;
  std::condition_variable cv_;
  Settings settings_;
  uint64_t generation_ = 0;  // settings version requested
  uint64_t applied_ = 0;     // settings version the thread has applied
  bool stop_ = false;
  std::atomic<uint64_t> accepted_{0};
  std::atomic<uint64_t> bytes_to_client_{0};
  std::atomic<bool> armed_fired_{false};
  std::thread thread_;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_FAULT_PROXY_H_
