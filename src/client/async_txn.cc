#include "client/async_txn.h"

#include <grpcpp/grpcpp.h>

#include <deque>

#include "client/client.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

struct Pending {
  uint64_t tag = 0;
  std::unique_ptr<grpc::ClientContext> ctx;
  std::unique_ptr<etcdserverpb::TxnResponse> response =
      std::make_unique<etcdserverpb::TxnResponse>();
  grpc::Status status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<etcdserverpb::TxnResponse>> reader;
};

}  // namespace

struct AsyncTxns::Impl {
  const Client& client;
  std::unique_ptr<etcdserverpb::KV::Stub> stub;
  grpc::CompletionQueue cq;
  std::deque<TxnOutcome> refused;  // failed before sending
};

AsyncTxns::AsyncTxns(const Client& client)
    : impl_(new Impl{client, etcdserverpb::KV::NewStub(client.channel()), {}, {}}) {}

AsyncTxns::~AsyncTxns() {
  while (in_flight_ > 0) (void)Next();
  impl_->cq.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (impl_->cq.Next(&tag, &ok)) {
  }
}

void AsyncTxns::Start(uint64_t tag, const etcdserverpb::TxnRequest& request,
                      std::optional<Duration> timeout) {
  ++in_flight_;
  try {
    impl_->client.CheckSendSize(request);
  } catch (const RpcError& e) {
    TxnOutcome outcome;
    outcome.tag = tag;
    outcome.grpc_code = e.grpc_code();
    outcome.error = e.what();
    impl_->refused.push_back(std::move(outcome));
    return;
  }
  auto* p = new Pending;
  p->tag = tag;
  p->ctx = impl_->client.NewContext(timeout);
  p->reader = impl_->stub->AsyncTxn(p->ctx.get(), request, &impl_->cq);
  p->reader->Finish(p->response.get(), &p->status, p);
}

TxnOutcome AsyncTxns::Next() {
  --in_flight_;
  if (!impl_->refused.empty()) {
    TxnOutcome outcome = std::move(impl_->refused.front());
    impl_->refused.pop_front();
    return outcome;
  }
  void* tag = nullptr;
  bool ok = false;
  if (!impl_->cq.Next(&tag, &ok)) {
    TxnOutcome outcome;
    outcome.error = "completion queue shut down";
    return outcome;
  }
  std::unique_ptr<Pending> p(static_cast<Pending*>(tag));
  TxnOutcome outcome;
  outcome.tag = p->tag;
  outcome.ok = p->status.ok();
  if (outcome.ok) {
    outcome.response = std::move(p->response);
  } else {
    outcome.grpc_code = p->status.error_code();
    outcome.error = StatusText(p->status);
  }
  return outcome;
}

}  // namespace ectl::client
