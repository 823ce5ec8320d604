// The op lines of a transaction: `put|get|del <args> [flags]`, with the flags and
// validation of the put/get/del commands, turned into requests by the same builders
// (kv_requests.h, client/op.h) as the commands themselves.
#ifndef ECTL_CLI_COMMANDS_TXN_OPS_H_
#define ECTL_CLI_COMMANDS_TXN_OPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "etcdserverpb/rpc.pb.h"
#include "txn/argify.h"

namespace ectl::cli {

// A txn::OpParser. As etcdctl: an unknown command or flag, a bad flag value, or a missing
// flag value is `invalid txn request: <line>` (exit 3); the argument checks of put/get/del
// give their usual message and code. Command names may be abbreviated (`g k` is `get k`),
// as cobra's prefix matching allows in etcdctl. A put without a value is refused with
// put's message instead of reading the rest of standard input as the value.
etcdserverpb::RequestOp ParseTxnOp(const std::vector<txn::Word>& words, std::string_view line);

// For completion: "put", "get", "del"; and each one's flags ("--prefix", ...).
const std::vector<std::string>& TxnOpCommands();
std::vector<std::string> TxnOpFlags(std::string_view command);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_TXN_OPS_H_
