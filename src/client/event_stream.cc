#include "client/event_stream.h"

#include <grpcpp/grpcpp.h>

#include <chrono>

#include "client/client.h"
#include "client/rpc_error.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {

using etcdserverpb::WatchRequest;
using etcdserverpb::WatchResponse;

struct EventStream::Stream {
  std::unique_ptr<etcdserverpb::Watch::Stub> stub;
  std::unique_ptr<grpc::ClientContext> ctx;
  std::unique_ptr<Canceller::Scope> scope;
  std::unique_ptr<grpc::ClientReaderWriter<WatchRequest, WatchResponse>> rw;

  ~Stream() {
    if (rw) {
      ctx->TryCancel();
      (void)rw->Finish();
    }
  }
};

EventStream::EventStream(const Client& client, WatchSpec spec, Canceller& canceller)
    : client_(client), spec_(std::move(spec)), canceller_(canceller) {
  Open();
}

EventStream::~EventStream() = default;

void EventStream::Open() {
  stream_.reset();
  canceller_.Check();
  auto s = std::make_unique<Stream>();
  s->stub = etcdserverpb::Watch::NewStub(client_.channel());
  s->ctx = client_.NewContext(std::nullopt);
  s->ctx->AddMetadata("hasleader", "true");
  s->scope = std::make_unique<Canceller::Scope>(canceller_, s->ctx.get());
  s->rw = s->stub->Watch(s->ctx.get());
  WatchRequest request;
  auto* create = request.mutable_create_request();
  create->set_key(spec_.key);
  create->set_range_end(spec_.range_end);
  create->set_start_revision(spec_.start_revision);
  (void)s->rw->Write(request);  // a failure shows as a failed Read
  stream_ = std::move(s);
}

WatchResponse EventStream::Next() {
  for (;;) {
    WatchResponse response;
    if (!stream_->rw->Read(&response)) {
      canceller_.Check();
      // The stream broke (member restart, network): reopen after a pause.
      if (canceller_.SleepFor(std::chrono::milliseconds(500))) canceller_.Check();
      Open();
      continue;
    }
    if (response.canceled() || response.compact_revision() != 0) {
      if (response.compact_revision() != 0) {
        throw RpcError(static_cast<int>(grpc::StatusCode::OUT_OF_RANGE), kCompactedMessage);
      }
      std::string reason = response.cancel_reason();
      throw RpcError(static_cast<int>(grpc::StatusCode::CANCELLED),
                     reason.empty() ? "watch is canceled by the server" : reason);
    }
    if (response.events_size() == 0) continue;  // created, progress notifications
    spec_.start_revision =
        response.events(response.events_size() - 1).kv().mod_revision() + 1;
    return response;
  }
}

}  // namespace ectl::client
