// Pure pieces of make-mirror, kept apart for unit tests.
#ifndef ECTL_CLI_COMMANDS_MIRROR_SYNC_H_
#define ECTL_CLI_COMMANDS_MIRROR_SYNC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "etcdserverpb/rpc.pb.h"

namespace ectl::cli {

// The destination key: the first occurrence of from in key replaced by to (an empty
// from puts to in front), as etcdctl maps keys with Go's strings.Replace(key, from, to, 1).
std::string ReplaceFirst(const std::string& key, const std::string& from, const std::string& to);

// The destination transactions for one watch response: one per source revision, each
// split after max_ops operations. Puts carry no lease, as etcdctl mirrors them.
std::vector<etcdserverpb::TxnRequest> MirrorTxns(const etcdserverpb::WatchResponse& response,
                                                 const std::string& prefix,
                                                 const std::string& dest_prefix, int64_t max_ops);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_MIRROR_SYNC_H_
