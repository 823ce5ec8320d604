#include "client/session.h"

#include <chrono>

#include "client/client.h"
#include "client/lease.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

Session::Session(const Client& client, int64_t ttl_seconds, Canceller& on_lost)
    : client_(client), on_lost_(on_lost) {
  auto response = LeaseGrant(client, ttl_seconds, client.command_timeout());
  if (!response.error().empty()) throw RpcError(0, response.error());
  lease_ = response.id();
  keeper_ = std::thread([this] {
    KeepAliveOptions options;
    // As etcd's client: the first renewal may take the dial timeout and a second more.
    options.first_response_timeout = client_.config().dial_timeout + std::chrono::seconds(1);
    options.stop = &stop_;
    KeepAliveEnd end;
    try {
      end = KeepAlive(client_, lease_, options, [](const etcdserverpb::LeaseKeepAliveResponse&) {});
    } catch (const std::exception&) {
      end = KeepAliveEnd::kTimedOut;
    }
    if (end != KeepAliveEnd::kStopped) {
      lost_ = true;
      on_lost_.Cancel(CancelReason::kSessionLost);
    }
  });
}

Session::~Session() { Close(); }

void Session::Close() {
  if (closed_) return;
  closed_ = true;
  stop_ = true;
  if (keeper_.joinable()) keeper_.join();
  if (lost_) return;
  try {
    (void)LeaseRevoke(client_, lease_, client_.command_timeout());
  } catch (const std::exception&) {
    // The lease then ends with its TTL, as it would for etcdctl.
  }
}

}  // namespace ectl::client
