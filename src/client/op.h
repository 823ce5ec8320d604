// Op: one key-value operation (get, put, delete, txn) as etcd's RequestOp, built once by
// a pure function and then either executed alone (Do) or placed in a Txn's branches.
// The key-value commands and the txn grammar both build their requests here.
#ifndef ECTL_CLIENT_OP_H_
#define ECTL_CLIENT_OP_H_

#include <cstdint>
#include <optional>
#include <string>

#include "client/config.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;

enum class SortOrder { kNone, kAscend, kDescend };
enum class SortTarget { kKey, kVersion, kCreate, kMod, kValue };

// How a key argument becomes a range. etcdctl's rules: --prefix ranges over every key
// with that prefix, --from-key over every key >= key; an empty key with either means the
// whole keyspace ("\0" .. "\0").
struct KeyRange {
  std::string key;
  std::optional<std::string> range_end;
  bool prefix = false;
  bool from_key = false;
};

struct GetOptions {
  KeyRange range;
  int64_t limit = 0;
  int64_t revision = 0;
  SortOrder order = SortOrder::kNone;
  SortTarget target = SortTarget::kKey;
  bool serializable = false;
  bool keys_only = false;
  bool count_only = false;
  int64_t min_mod_revision = 0;
  int64_t max_mod_revision = 0;
  int64_t min_create_revision = 0;
  int64_t max_create_revision = 0;
};

struct PutOptions {
  std::string key;
  std::string value;
  int64_t lease = 0;
  bool prev_kv = false;
  bool ignore_value = false;
  bool ignore_lease = false;
};

struct DeleteOptions {
  KeyRange range;
  bool prev_kv = false;
};

// key and range_end on the wire for a KeyRange.
void ResolveRange(const KeyRange& range, std::string& key, std::string& range_end);

etcdserverpb::RequestOp OpGet(const GetOptions& options);
etcdserverpb::RequestOp OpPut(const PutOptions& options);
etcdserverpb::RequestOp OpDelete(const DeleteOptions& options);

// Executes one operation with the given timeout and returns its response. Throws RpcError.
etcdserverpb::ResponseOp Do(const Client& client, const etcdserverpb::RequestOp& op,
                            std::optional<Duration> timeout);

// Unary KV calls.
etcdserverpb::TxnResponse Txn(const Client& client, const etcdserverpb::TxnRequest& request,
                              std::optional<Duration> timeout);
etcdserverpb::CompactionResponse Compact(const Client& client,
                                         const etcdserverpb::CompactionRequest& request,
                                         std::optional<Duration> timeout);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_OP_H_
