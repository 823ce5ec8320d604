// `snapshot restore`: turns a snapshot file (or a member's db file) into a new member
// data directory that etcd 3.4 starts from, with the membership given on the command
// line. The directory is built beside its target and renamed into place at the end,
// so a failure leaves nothing behind.
#ifndef ECTL_OFFLINE_RESTORE_H_
#define ECTL_OFFLINE_RESTORE_H_

#include <string>

#include "offline/stop.h"

namespace ectl::offline {

struct RestoreOptions {
  std::string snapshot_path;
  std::string data_dir;  // empty: "<name>.etcd"
  std::string wal_dir;   // empty: "<data_dir>/member/wal"
  std::string name = "default";
  std::string initial_cluster = "default=http://localhost:2380";
  std::string initial_cluster_token = "etcd-cluster";
  std::string initial_advertise_peer_urls = "http://localhost:2380";
  bool skip_hash_check = false;
  StopRequested stop;  // checked between writes; Interrupted leaves nothing behind
};

// Throws Error (exit code 1) with etcdctl's message where etcdctl has one.
void Restore(const RestoreOptions& options);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_RESTORE_H_
