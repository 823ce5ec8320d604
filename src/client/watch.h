// WatchSession: etcd's Watch service as a resilient source of watch responses.
//
// One bidirectional Watch stream carries every watcher of the session (etcdctl's
// `watch -i` adds several), with the metadata `hasleader: true` so that a member cut off
// from the cluster ends the stream instead of going silent. When the stream breaks
// (member stopped, no leader, network), the session reopens one after a short backoff
// (the channel's round_robin policy picks another endpoint) and re-creates every watcher
// from the revision after the last one it delivered: no event is lost or repeated. A
// rejected auth token is refreshed before reopening. Errors after which a retry cannot
// help end the watchers with that error. There is no deadline: a watch runs until the
// server cancels it or Stop() is called.
//
// Threads: one thread calls Next() (it reads the stream); Add(), RequestProgress() and
// Stop() may be called from any thread.
#ifndef ECTL_CLIENT_WATCH_H_
#define ECTL_CLIENT_WATCH_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

#include "client/watch_state.h"

namespace grpc {
class ClientContext;
template <class W, class R>
class ClientReaderWriter;
}  // namespace grpc

namespace ectl::client {

class Client;

class WatchSession {
 public:
  // The client must outlive the session.
  explicit WatchSession(const Client& client);
  ~WatchSession();  // Stop()s and closes the stream
  WatchSession(const WatchSession&) = delete;
  WatchSession& operator=(const WatchSession&) = delete;

  // Starts a watcher (its create request goes out now if the stream is open, else when
  // it opens). Returns its index, which WatchDelivery::watcher refers to.
  size_t Add(const WatchSpec& spec);
  // Asks the server for a progress notification for every watcher (etcdctl's
  // `progress`); sent once the stream is open.
  void RequestProgress();
  // Blocks until something is to be shown; nullopt once Stop() has been called.
  std::optional<WatchDelivery> Next();
  // Ends Next() and the stream; safe from any thread, idempotent.
  void Stop();
  [[nodiscard]] bool HasActive() const;

 private:
  using Stream = grpc::ClientReaderWriter<etcdserverpb::WatchRequest, etcdserverpb::WatchResponse>;

  void Open();
  // After Read() failed: finishes the stream and decides how to go on.
  void OnBroken();
  // Takes refused creates that a fresh auth token may let through out of queue_.
  bool RetryRefusedWithNewToken();
  WatchDelivery Pop();  // mu_ held, queue_ not empty

  const Client& client_;
  struct Stub;
  std::unique_ptr<Stub> stub_;

  mutable std::mutex mu_;  // everything below except the stream writes
  std::condition_variable cv_;
  WatchState state_;
  std::deque<WatchDelivery> queue_;
  std::unique_ptr<grpc::ClientContext> ctx_;
  bool stopped_ = false;
  bool refresh_token_ = false;  // before the next open
  std::chrono::milliseconds backoff_{0};

  std::mutex write_mu_;  // serialises writes; guards writable_
  bool writable_ = false;
  int progress_pending_ = 0;        // requested while no stream was open
  std::unique_ptr<Stream> stream_;  // set/reset by the Next() thread only
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_WATCH_H_
