#include "client/put_load.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "client/client.h"
#include "client/rpc_error.h"
#include "client/unary.h"
#include "etcdserverpb/rpc.grpc.pb.h"

namespace ectl::client {
namespace {

using Clock = std::chrono::steady_clock;

struct PendingPut {
  std::unique_ptr<grpc::ClientContext> ctx;
  etcdserverpb::PutResponse response;
  grpc::Status status;
  std::unique_ptr<grpc::ClientAsyncResponseReader<etcdserverpb::PutResponse>> reader;
  Clock::time_point start;
};

}  // namespace

PutLoadResult RunPutLoad(const Client& client, const PutLoad& load, Canceller& canceller) {
  auto stub = etcdserverpb::KV::NewStub(client.channel());
  grpc::CompletionQueue cq;
  PutLoadResult result;
  std::mutex mu;
  std::condition_variable cv;
  int64_t in_flight = 0;
  Clock::time_point last_answer = Clock::now();

  // Collects answers: one timing (or error) per put.
  std::thread collector([&] {
    void* tag = nullptr;
    bool ok = false;
    while (cq.Next(&tag, &ok)) {
      std::unique_ptr<PendingPut> put(static_cast<PendingPut*>(tag));
      auto now = Clock::now();
      std::lock_guard<std::mutex> lock(mu);
      if (put->status.ok()) {
        result.latencies.push_back(std::chrono::duration<double>(now - put->start).count());
      } else {
        ++result.errors[StatusText(put->status)];
      }
      last_answer = now;
      --in_flight;
      cv.notify_all();
      if (load.on_answer) load.on_answer();
    }
  });

  const auto start = Clock::now();
  const auto end = start + load.duration;
  const auto step = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
      1.0 / static_cast<double>(std::max<int64_t>(load.rate, 1))));
  auto next = start;
  etcdserverpb::PutRequest request;
  request.set_value(load.value);
  for (int64_t started = 0; !canceller.cancelled(); ++started) {
    if (load.count > 0 && started >= load.count) break;
    if (load.rate > 0) {
      // Starts are spaced by 1/rate, never bunched, as a token bucket of depth one.
      auto now = Clock::now();
      if (next > now && canceller.SleepFor(next - now)) break;
      // Starts keep their schedule through small wake-up delays (a loaded machine must
      // not lower the rate); after a stall of more than a step the schedule restarts.
      now = Clock::now();
      next = now - next > step ? now + step : next + step;
    }
    if (load.duration.count() > 0 && Clock::now() >= end) break;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return in_flight < load.max_in_flight; });
      ++in_flight;
    }
    request.set_key(load.next_key());
    auto* put = new PendingPut;
    put->ctx = client.NewContext(client.command_timeout());
    put->start = Clock::now();
    put->reader = stub->AsyncPut(put->ctx.get(), request, &cq);
    put->reader->Finish(&put->response, &put->status, put);
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return in_flight == 0; });
  }
  cq.Shutdown();
  collector.join();
  result.total_seconds = std::chrono::duration<double>(last_answer - start).count();
  return result;
}

void Defragment(const Client& client, Duration timeout) {
  auto stub = etcdserverpb::Maintenance::NewStub(client.channel());
  (void)Call<etcdserverpb::DefragmentResponse>(client, *stub,
                                               &etcdserverpb::Maintenance::Stub::Defragment,
                                               etcdserverpb::DefragmentRequest(), timeout);
}

}  // namespace ectl::client
