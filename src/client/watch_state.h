// WatchState: the bookkeeping of several watchers that share one Watch stream, without
// the stream itself.
//
// It decides which create requests a (re)opened stream sends, matches the server's
// answers to the watchers, reassembles fragmented responses, and remembers for every
// watcher the revision it resumes from after a broken stream (one past the last event
// or progress notification it delivered), so that a watch that survives any number of
// reconnections delivers every event exactly once and in order. Events of one revision
// always arrive in one response (etcd never splits a revision across responses other
// than by `fragment`), so a revision is delivered whole.
//
// Pure and single-threaded: WatchSession (watch.h) drives it under its lock, the unit
// tests drive it directly.
#ifndef ECTL_CLIENT_WATCH_STATE_H_
#define ECTL_CLIENT_WATCH_STATE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

// What one watcher asks for (WatchCreateRequest's fields that etcdctl sets).
struct WatchSpec {
  std::string key;
  std::string range_end;
  int64_t start_revision = 0;  // 0: from now on
  bool prev_kv = false;
  bool progress_notify = false;
};

// Something for the owner of the watchers to show.
struct WatchDelivery {
  enum class Kind {
    // A server response: events, a progress notification, or the cancellation of a
    // watch whose start revision was compacted (response.canceled() with
    // compact_revision set; `error` holds the text etcdctl prints for it).
    kResponse,
    // The watch ended on an error the server or the transport reported (`error`);
    // `response` is the bare {canceled} response etcdctl's client hands out then.
    kClosed,
    // The server ended the watch without a compaction; `error` is its reason, if any.
    kEnded,
  };
  Kind kind = Kind::kResponse;
  size_t watcher = 0;
  etcdserverpb::WatchResponse response;  // watch_id, fragment, cancel_reason cleared
  std::string error;
};

// True for etcdctl's notion of a progress notification: no events, not a create or
// cancel response, and a revision.
bool IsProgressNotify(const etcdserverpb::WatchResponse& r);

class WatchState {
 public:
  // Registers a watcher; returns its index (0, 1, ...). It is active until it ends.
  size_t Add(WatchSpec spec);
  [[nodiscard]] bool HasActive() const;

  // A new stream opened: the create requests for every active watcher, in the order
  // they must be sent (answers are matched in that order).
  std::vector<etcdserverpb::WatchRequest> OnStreamOpen();
  // The create request for a watcher added while the stream is open; expects its
  // answer after those already pending.
  etcdserverpb::WatchRequest CreateRequest(size_t watcher);
  // Handles one response from the stream, appending what is to be shown to out.
  void OnResponse(etcdserverpb::WatchResponse&& r, std::deque<WatchDelivery>& out);
  // The stream broke: pending creates and server-side IDs are forgotten; every active
  // watcher will be re-created from its resume revision.
  void OnStreamLost();
  // A failure after which reconnecting is pointless: ends every active watcher.
  void CloseAll(const std::string& error, std::deque<WatchDelivery>& out);

  // Re-activates a watcher whose creation was refused, once until it is next created
  // successfully (a refreshed auth token may let it through). False if already retried.
  bool Retry(size_t watcher);

  // Where the watcher resumes (0: "now", before its first create was answered).
  [[nodiscard]] int64_t resume_revision(size_t watcher) const {
    return watchers_.at(watcher).next_rev;
  }

 private:
  struct Watcher {
    WatchSpec spec;
    int64_t next_rev = 0;
    bool active = true;
    bool retried = false;
  };

  etcdserverpb::WatchRequest BuildCreate(size_t watcher);
  void Deliver(size_t watcher, etcdserverpb::WatchResponse&& r, std::deque<WatchDelivery>& out);
  void OnCreated(etcdserverpb::WatchResponse&& r, std::deque<WatchDelivery>& out);
  void OnProgressBroadcast(const etcdserverpb::WatchResponse& r, std::deque<WatchDelivery>& out);

  std::vector<Watcher> watchers_;
  std::deque<size_t> pending_;                                // creates sent, not yet answered
  std::map<int64_t, size_t> ids_;                             // server watch ID -> watcher
  std::map<int64_t, etcdserverpb::WatchResponse> fragments_;  // by server watch ID
};

}  // namespace ectl::client

#endif  // ECTL_CLIENT_WATCH_STATE_H_
