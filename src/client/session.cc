#include "client/session.h"

#include <grpcpp/grpcpp.h>

#include "client/client.h"
#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

constexpr auto kReopenDelay = std::chrono::milliseconds(500);

std::chrono::steady_clock::duration RenewInterval(int64_t ttl_seconds) {
  // A third of the TTL, as etcd's client renews; never a busy loop for tiny TTLs.
  auto third = std::chrono::milliseconds(ttl_seconds * 1000 / 3);
  return std::max<std::chrono::steady_clock::duration>(third, std::chrono::milliseconds(100));
}

}  // namespace

Session::Session(const Client& client, int64_t ttl_seconds, Canceller& on_lost)
    : client_(client), on_lost_(on_lost) {
  auto stub = etcdserverpb::Lease::NewStub(client.channel());
  etcdserverpb::LeaseGrantRequest request;
  request.set_ttl(ttl_seconds);
  auto response = Call<etcdserverpb::LeaseGrantResponse>(
      client, *stub, &etcdserverpb::Lease::Stub::LeaseGrant, request, client.command_timeout());
  if (!response.error().empty()) throw RpcError(0, response.error());
  lease_ = response.id();
  expiry_ = Clock::now() + std::chrono::seconds(response.ttl());
  interval_ = RenewInterval(response.ttl());
  keeper_ = std::thread([this] { KeepAliveLoop(); });
  watchdog_ = std::thread([this] { WatchdogLoop(); });
}

Session::~Session() { Close(); }

bool Session::lost() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lost_;
}

void Session::Lose() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (lost_ || stop_) return;
    lost_ = true;
    if (stream_ctx_ != nullptr) stream_ctx_->TryCancel();
    cv_.notify_all();
  }
  on_lost_.Cancel(CancelReason::kSessionLost);
}

void Session::KeepAliveLoop() {
  auto stub = etcdserverpb::Lease::NewStub(client_.channel());
  etcdserverpb::LeaseKeepAliveRequest request;
  request.set_id(lease_);
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_ && !lost_) {
    auto ctx = client_.NewContext(std::nullopt);
    // Without a leader the server fails the stream instead of holding it open.
    ctx->AddMetadata("hasleader", "true");
    stream_ctx_ = ctx.get();
    lock.unlock();
    auto stream = stub->LeaseKeepAlive(ctx.get());
    bool gone = false;
    for (;;) {
      etcdserverpb::LeaseKeepAliveResponse response;
      if (!stream->Write(request) || !stream->Read(&response)) break;
      if (response.ttl() <= 0) {
        gone = true;  // expired or revoked on the server
        break;
      }
      lock.lock();
      expiry_ = Clock::now() + std::chrono::seconds(response.ttl());
      interval_ = RenewInterval(response.ttl());
      bool stopping = cv_.wait_for(lock, interval_, [this] { return stop_ || lost_; });
      lock.unlock();
      if (stopping) break;
    }
    ctx->TryCancel();
    (void)stream->Finish();
    lock.lock();
    stream_ctx_ = nullptr;
    if (gone) {
      lock.unlock();
      Lose();
      return;
    }
    // A broken stream is reopened; the watchdog decides when the lease is past saving.
    cv_.wait_for(lock, kReopenDelay, [this] { return stop_ || lost_; });
  }
}

void Session::WatchdogLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_ && !lost_) {
    if (Clock::now() >= expiry_) {
      lock.unlock();
      Lose();
      return;
    }
    cv_.wait_until(lock, expiry_);
  }
}

void Session::Close() {
  bool revoke;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return;
    closed_ = true;
    revoke = !lost_;
    stop_ = true;
    if (stream_ctx_ != nullptr) stream_ctx_->TryCancel();
    cv_.notify_all();
  }
  if (keeper_.joinable()) keeper_.join();
  if (watchdog_.joinable()) watchdog_.join();
  if (!revoke) return;
  try {
    auto stub = etcdserverpb::Lease::NewStub(client_.channel());
    etcdserverpb::LeaseRevokeRequest request;
    request.set_id(lease_);
    (void)Call<etcdserverpb::LeaseRevokeResponse>(client_, *stub,
                                                  &etcdserverpb::Lease::Stub::LeaseRevoke,
                                                  request, client_.command_timeout());
  } catch (const std::exception&) {
    // The lease then ends with its TTL, as it would for etcdctl.
  }
}

}  // namespace ectl::client
