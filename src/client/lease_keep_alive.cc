// KeepAlive: one LeaseKeepAlive stream at a time, reopened when it breaks.
//
// The synchronous gRPC stream blocks while it opens (wait-for-ready) and while it reads,
// so each stream is opened and read on a thread of its own (StreamSession) and the
// caller's thread only waits on a condition variable with a timeout. That keeps every
// decision (send the next request, give up at the lease deadline, stop on a signal) on
// one thread, and a blocked stream is always ended by cancelling its context.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "client/client.h"
#include "client/lease.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using Clock = std::chrono::steady_clock;
using etcdserverpb::LeaseKeepAliveRequest;
using etcdserverpb::LeaseKeepAliveResponse;

// How often a wait wakes up to look at the stop flag.
constexpr auto kStopPoll = std::chrono::milliseconds(100);

class StreamSession {
 public:
  enum class Event { kResponse, kEnded, kTimeout };

  StreamSession(const Client& client, etcdserverpb::Lease::Stub& stub)
      : ctx_(client.NewContext(std::nullopt)) {
    // As etcd's client does for its keep-alive loop: a member that has lost its leader
    // fails the stream instead of accepting requests it cannot forward.
    ctx_->AddMetadata("hasleader", "true");
    reader_ = std::thread([this, &stub] { ReadLoop(stub); });
  }

  ~StreamSession() {
    ctx_->TryCancel();
    reader_.join();
  }

  StreamSession(const StreamSession&) = delete;
  StreamSession& operator=(const StreamSession&) = delete;

  // Sends one request; false if the stream is not open (yet or any more).
  bool Send(int64_t id) {
    LeaseKeepAliveRequest request;
    request.set_id(id);
    std::lock_guard<std::mutex> lock(mu_);
    // Writes are serialised with Finish() by the mutex; a write may run alongside the
    // reader's Read(), which gRPC allows.
    if (stream_ == nullptr || ended_) return false;
    return stream_->Write(request);
  }

  // Waits until a response is queued, the stream has ended, or `until`.
  Event Wait(Clock::time_point until, LeaseKeepAliveResponse* response) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_until(lock, until, [this] { return !queue_.empty() || ended_; });
    if (!queue_.empty()) {
      *response = std::move(queue_.front());
      queue_.pop_front();
      return Event::kResponse;
    }
    return ended_ ? Event::kEnded : Event::kTimeout;
  }

  // The stream's final status; meaningful once Wait() has returned kEnded.
  grpc::Status status() {
    std::lock_guard<std::mutex> lock(mu_);
    return status_;
  }

 private:
  void ReadLoop(etcdserverpb::Lease::Stub& stub) {
    auto stream = stub.LeaseKeepAlive(ctx_.get());
    {
      std::lock_guard<std::mutex> lock(mu_);
      stream_ = std::move(stream);
    }
    LeaseKeepAliveResponse response;
    while (stream_->Read(&response)) {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(response);
      cv_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu_);
    ended_ = true;
    status_ = stream_->Finish();
    cv_.notify_all();
  }

  std::unique_ptr<grpc::ClientContext> ctx_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::unique_ptr<grpc::ClientReaderWriter<LeaseKeepAliveRequest, LeaseKeepAliveResponse>>
      stream_;
  std::deque<LeaseKeepAliveResponse> queue_;
  bool ended_ = false;
  grpc::Status status_;
  std::thread reader_;  // last: started once everything it uses exists
};

bool Stopped(const KeepAliveOptions& options) {
  return options.stop != nullptr && options.stop->load();
}

Clock::duration Since(Duration d) { return std::chrono::duration_cast<Clock::duration>(d); }

}  // namespace

KeepAliveEnd KeepAlive(const Client& client, int64_t id, const KeepAliveOptions& options,
                       const KeepAliveCallback& on_response) {
  auto stub = etcdserverpb::Lease::NewStub(client.channel());
  // No successful response by this time: the lease is taken as lost.
  Clock::time_point deadline = Clock::now() + Since(options.first_response_timeout);
  while (true) {
    if (Stopped(options)) return KeepAliveEnd::kStopped;
    StreamSession session(client, *stub);
    // Each stream starts with a request at once, so that a lease kept through a
    // failover is renewed as soon as another member answers.
    Clock::time_point next_send = Clock::now();
    while (true) {
      if (Stopped(options)) return KeepAliveEnd::kStopped;
      Clock::time_point now = Clock::now();
      if (now >= deadline) return KeepAliveEnd::kTimedOut;
      if (now >= next_send && session.Send(id)) {
        next_send = now + Since(options.resend_interval);  // until answered
      }
      LeaseKeepAliveResponse response;
      auto wake = std::min({next_send, deadline, now + kStopPoll});
      auto event = session.Wait(wake, &response);
      if (event == StreamSession::Event::kEnded) break;
      if (event != StreamSession::Event::kResponse || response.id() != id) continue;
      if (response.ttl() <= 0) return KeepAliveEnd::kGone;
      now = Clock::now();
      auto ttl = std::chrono::seconds(response.ttl());
      deadline = now + ttl;
      next_send = now + Since(ttl) / 3;
      on_response(response);
    }
    // The stream broke. A rejected token is renewed before the next stream; a failed
    // renewal is retried with that stream, within the lease deadline.
    if (Client::IsTokenError(session.status().error_message())) {
      try {
        client.RefreshToken();
      } catch (const RpcError&) {
      }
    }
    Clock::time_point resume = std::min(Clock::now() + Since(options.retry_wait), deadline);
    while (Clock::now() < resume) {
      if (Stopped(options)) return KeepAliveEnd::kStopped;
      std::this_thread::sleep_for(std::min<Clock::duration>(kStopPoll, resume - Clock::now()));
    }
  }
}

}  // namespace ectl::client
