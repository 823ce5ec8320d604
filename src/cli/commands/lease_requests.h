// Argument validation for the lease commands and compaction, with etcdctl's messages
// and exit codes. Pure functions, unit-tested directly.
#ifndef ECTL_CLI_COMMANDS_LEASE_REQUESTS_H_
#define ECTL_CLI_COMMANDS_LEASE_REQUESTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "etcdserverpb/rpc.pb.h"

namespace ectl::cli {

// `lease grant <ttl>`: the TTL in seconds (decimal). Error(kBadArgs) otherwise.
int64_t LeaseGrantTtl(const std::vector<std::string>& args);

// The hexadecimal lease ID that is the only argument; `needs` is the command's message
// for a wrong argument count. Error(kBadArgs) for either problem.
int64_t LeaseIdArg(const std::vector<std::string>& args, const char* needs);

// `compaction <revision> [--physical]`. A wrong argument count is kBadArgs; a revision
// that is not a decimal integer is kError, with Go's bare strconv message, as etcdctl
// reports it.
etcdserverpb::CompactionRequest BuildCompaction(const std::vector<std::string>& args,
                                                bool physical);

// The final error of `lease keep-alive` once the lease is gone: `timed_out` when no
// response came within the TTL rather than the server reporting the lease missing.
std::string LeaseLostMessage(int64_t id, bool timed_out);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_LEASE_REQUESTS_H_
