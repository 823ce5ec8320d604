// EventStream: one watch on a key or range, read response by response, for the
// concurrency commands (lock and elect wait for a deletion; make-mirror follows every
// change). Not the `watch` command.
//
// The stream carries `hasleader: true`, so a member without a leader ends it instead of
// holding it silent. A stream that breaks is reopened after 500 ms from the revision after
// the last event seen, as etcd's client does, until the Canceller stops it. A watch the
// server cancels (its start revision was compacted) ends in RpcError with etcd's text.
#ifndef ECTL_CLIENT_EVENT_STREAM_H_
#define ECTL_CLIENT_EVENT_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>

#include "client/canceller.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

struct WatchSpec {
  std::string key;
  std::string range_end;  // empty: the key alone
  int64_t start_revision = 0;
};

class EventStream {
 public:
  EventStream(const Client& client, WatchSpec spec, Canceller& canceller);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // The next response with events. Throws Cancelled when the canceller fires, RpcError
  // when the server cancels the watch.
  etcdserverpb::WatchResponse Next();

 private:
  struct Stream;
  void Open();

  const Client& client_;
  WatchSpec spec_;
  Canceller& canceller_;
  std::unique_ptr<Stream> stream_;
};

// etcd's message for a watch on a compacted revision.
inline constexpr const char* kCompactedMessage =
    "etcdserver: mvcc: required revision has been compacted";

}  // namespace ectl::client

#endif  // ECTL_CLIENT_EVENT_STREAM_H_
