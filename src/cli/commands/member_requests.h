// Argument checks and parsing of the member commands, with etcdctl's messages (all
// Error(kBadArgs)). Pure functions, unit-tested.
#ifndef ECTL_CLI_COMMANDS_MEMBER_REQUESTS_H_
#define ECTL_CLI_COMMANDS_MEMBER_REQUESTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::cli {

struct MemberAddRequest {
  std::string name;
  std::vector<std::string> peer_urls;
};

// member add <name> --peer-urls=a,b: the name, and the URLs split at commas as given.
MemberAddRequest BuildMemberAdd(const std::vector<std::string>& args, std::string_view peer_urls);
// The one hex member ID argument of remove, update and promote.
uint64_t ParseMemberId(const std::vector<std::string>& args);
// --peer-urls of member update: required, split at commas.
std::vector<std::string> SplitPeerUrls(std::string_view peer_urls);
// The hex argument of move-leader (its error is Go's strconv message alone).
uint64_t ParseTransferee(const std::vector<std::string>& args);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_MEMBER_REQUESTS_H_
