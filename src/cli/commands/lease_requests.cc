#include "cli/commands/lease_requests.h"

#include <fmt/format.h>

#include "cli/commands/kv_requests.h"
#include "common/error.h"
#include "common/strconv.h"
#include "output/lease_format.h"

namespace ectl::cli {

int64_t LeaseGrantTtl(const std::vector<std::string>& args) {
  // Extra arguments are an error here, unlike most etcdctl commands.
  if (args.size() != 1) throw Error(ExitCode::kBadArgs, "lease grant command needs TTL argument");
  try {
    return ParseInt(args[0], 10);
  } catch (const ParseError& e) {
    throw Error(ExitCode::kBadArgs, fmt::format("bad TTL ({})", e.what()));
  }
}

int64_t LeaseIdArg(const std::vector<std::string>& args, const char* needs) {
  if (args.size() != 1) throw Error(ExitCode::kBadArgs, needs);
  return ParseLeaseId(args[0], "lease ID arg");
}

etcdserverpb::CompactionRequest BuildCompaction(const std::vector<std::string>& args,
                                                bool physical) {
  if (args.size() != 1) throw Error(ExitCode::kBadArgs, "compaction command needs 1 argument");
  etcdserverpb::CompactionRequest request;
  try {
    request.set_revision(ParseInt(args[0], 10));
  } catch (const ParseError& e) {
    // etcdctl exits with its general error code here, not the bad-arguments one.
    throw Error(ExitCode::kError, e.what());
  }
  request.set_physical(physical);
  return request;
}

std::string LeaseLostMessage(int64_t id, bool timed_out) {
  std::string lease = "lease " + output::LeaseIdHex(id);
  if (timed_out) {
    return lease + " expired or lost: no keep-alive response within its TTL";
  }
  return lease + " expired or revoked";
}

}  // namespace ectl::cli
