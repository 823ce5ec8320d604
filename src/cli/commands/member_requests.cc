#include "cli/commands/member_requests.h"

#include <cctype>

#include "common/error.h"
#include "common/strconv.h"

namespace ectl::cli {
namespace {

std::vector<std::string> Split(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t pos; (pos = s.find(',', start)) != std::string_view::npos; start = pos + 1) {
    out.emplace_back(s.substr(start, pos - start));
  }
  out.emplace_back(s.substr(start));
  return out;
}

bool StartsWithHttp(std::string_view s) {
  if (s.size() < 4) return false;
  std::string head;
  for (char c : s.substr(0, 4)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head == "http";
}

}  // namespace

MemberAddRequest BuildMemberAdd(const std::vector<std::string>& args, std::string_view peer_urls) {
  if (args.empty()) throw Error(ExitCode::kBadArgs, "member name not provided");
  if (args.size() > 1) {
    std::string message = "too many arguments";
    for (const auto& a : args) {
      if (StartsWithHttp(a)) message += ", did you mean --peer-urls=" + a;
    }
    throw Error(ExitCode::kBadArgs, message);
  }
  if (peer_urls.empty()) throw Error(ExitCode::kBadArgs, "member peer urls not provided");
  return {args[0], Split(peer_urls)};
}

uint64_t ParseMemberId(const std::vector<std::string>& args) {
  if (args.size() != 1) throw Error(ExitCode::kBadArgs, "member ID is not provided");
  try {
    return ParseUint(args[0], 16);
  } catch (const ParseError& e) {
    throw Error(ExitCode::kBadArgs,
                std::string("bad member ID arg (") + e.what() + "), expecting ID in Hex");
  }
}

std::vector<std::string> SplitPeerUrls(std::string_view peer_urls) {
  if (peer_urls.empty()) throw Error(ExitCode::kBadArgs, "member peer urls not provided");
  return Split(peer_urls);
}

uint64_t ParseTransferee(const std::vector<std::string>& args) {
  if (args.size() != 1) throw Error(ExitCode::kBadArgs, "move-leader command needs 1 argument");
  try {
    return ParseUint(args[0], 16);
  } catch (const ParseError& e) {
    throw Error(ExitCode::kBadArgs, e.what());
  }
}

}  // namespace ectl::cli
