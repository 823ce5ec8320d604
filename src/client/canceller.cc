#include "client/canceller.h"

#include <grpcpp/client_context.h>

namespace ectl::client {

void Canceller::Cancel(CancelReason reason) {
  std::lock_guard<std::mutex> lock(mu_);
  if (reason_ == CancelReason::kNone) reason_ = reason;
  for (auto& [id, ctx] : calls_) ctx->TryCancel();
  cv_.notify_all();
}

CancelReason Canceller::reason() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reason_;
}

void Canceller::Check() const {
  CancelReason r = reason();
  if (r != CancelReason::kNone) throw Cancelled(r);
}

void Canceller::Wait() const {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return reason_ != CancelReason::kNone; });
}

bool Canceller::SleepFor(Duration d) const {
  std::unique_lock<std::mutex> lock(mu_);
  return cv_.wait_for(lock, d, [this] { return reason_ != CancelReason::kNone; });
}

Canceller::Scope::Scope(Canceller& canceller, grpc::ClientContext* ctx) : canceller_(canceller) {
  std::lock_guard<std::mutex> lock(canceller_.mu_);
  id_ = canceller_.next_id_++;
  canceller_.calls_[id_] = ctx;
  if (canceller_.reason_ != CancelReason::kNone) ctx->TryCancel();
}

Canceller::Scope::~Scope() {
  std::lock_guard<std::mutex> lock(canceller_.mu_);
  canceller_.calls_.erase(id_);
}

}  // namespace ectl::client
