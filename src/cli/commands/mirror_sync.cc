#include "cli/commands/mirror_sync.h"

#include "client/op.h"

namespace ectl::cli {

std::string ReplaceFirst(const std::string& key, const std::string& from, const std::string& to) {
  if (from.empty()) return to + key;
  auto pos = key.find(from);
  if (pos == std::string::npos) return key;
  std::string out = key;
  out.replace(pos, from.size(), to);
  return out;
}

std::vector<etcdserverpb::TxnRequest> MirrorTxns(const etcdserverpb::WatchResponse& response,
                                                 const std::string& prefix,
                                                 const std::string& dest_prefix, int64_t max_ops) {
  std::vector<etcdserverpb::TxnRequest> txns;
  int64_t last_rev = 0;
  etcdserverpb::TxnRequest txn;
  for (const auto& ev : response.events()) {
    int64_t rev = ev.kv().mod_revision();
    // One source revision is one destination transaction, unless it is too large.
    if ((last_rev != 0 && rev > last_rev) || txn.success_size() >= max_ops) {
      if (txn.success_size() > 0) txns.push_back(std::move(txn));
      txn = {};
    }
    last_rev = rev;
    std::string key = ReplaceFirst(ev.kv().key(), prefix, dest_prefix);
    if (ev.type() == mvccpb::Event::DELETE) {
      client::DeleteOptions del;
      del.range.key = key;
      *txn.add_success() = client::OpDelete(del);
    } else {
      client::PutOptions put;
      put.key = key;
      put.value = ev.kv().value();
      *txn.add_success() = client::OpPut(put);
    }
  }
  if (txn.success_size() > 0) txns.push_back(std::move(txn));
  return txns;
}

}  // namespace ectl::cli
