// Snapshots: saving a member's backend through Maintenance.Snapshot, and reading the
// status (hash, revision, keys, size) of a snapshot file, as etcdctl's snapshot save and
// snapshot status do.
#ifndef ECTL_CLIENT_SNAPSHOT_H_
#define ECTL_CLIENT_SNAPSHOT_H_

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "client/config.h"

namespace grpc {
class ClientContext;
}

namespace ectl::client {

class Client;

// A failed save or status, with etcdctl's message.
class SnapshotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Lets another thread (a signal handler thread) end a running save.
class SnapshotCancel {
 public:
  void Cancel();

 private:
  friend void SaveSnapshot(const Client&, const std::string&, std::optional<Duration>,
                           const std::function<void(uint64_t, uint64_t)>&, SnapshotCancel*);
  std::mutex mu_;
  grpc::ClientContext* ctx_ = nullptr;
  bool cancelled_ = false;
};

// Streams the snapshot into "<path>.part" (mode 0600), checks that it ends with the
// SHA-256 of its content (etcd's trailer), syncs it and renames it to path. On any
// failure the partial file is removed and SnapshotError (or RpcError) is thrown.
// progress gets the bytes received so far and the bytes the server says remain, after
// each message.
void SaveSnapshot(const Client& client, const std::string& path, std::optional<Duration> timeout,
                  const std::function<void(uint64_t, uint64_t)>& progress,
                  SnapshotCancel* cancel);

struct SnapshotFileStatus {
  uint32_t hash = 0;
  int64_t revision = 0;
  int64_t total_key = 0;
  int64_t total_size = 0;
};

// Reads a snapshot (bbolt) file; throws SnapshotError ("stat <path>: no such file or
// directory", ...).
SnapshotFileStatus ReadSnapshotStatus(const std::string& path);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_SNAPSHOT_H_
