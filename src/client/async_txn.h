// Several transactions in flight at once over the client's channel (import's writer):
// Start() sends one asynchronously and returns; Next() waits for any started one to
// finish. Single-threaded: the caller's thread drives both, as check perf's put load
// drives its asynchronous puts (put_load.cc), but without a collector thread.
#ifndef ECTL_CLIENT_ASYNC_TXN_H_
#define ECTL_CLIENT_ASYNC_TXN_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "client/config.h"

namespace etcdserverpb {
class TxnRequest;
class TxnResponse;
}  // namespace etcdserverpb

namespace ectl::client {

class Client;

struct TxnOutcome {
  uint64_t tag = 0;
  bool ok = false;
  int grpc_code = 0;
  std::string error;  // etcdctl's text for the failure (StatusText)
  std::unique_ptr<etcdserverpb::TxnResponse> response;  // set when ok
};

class AsyncTxns {
 public:
  explicit AsyncTxns(const Client& client);
  ~AsyncTxns();  // waits for the transactions still in flight
  AsyncTxns(const AsyncTxns&) = delete;
  AsyncTxns& operator=(const AsyncTxns&) = delete;

  // Sends request (copied) with its own deadline; tag comes back in its outcome. A
  // request above the client's send limit fails at once (its outcome says so).
  void Start(uint64_t tag, const etcdserverpb::TxnRequest& request,
             std::optional<Duration> timeout);
  // Waits for one started transaction to finish. Only when in_flight() > 0.
  TxnOutcome Next();
  [[nodiscard]] int in_flight() const { return in_flight_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int in_flight_ = 0;
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_ASYNC_TXN_H_
