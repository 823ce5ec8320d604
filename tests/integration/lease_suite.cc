#include "lease_suite.h"

#include <regex>

namespace ectl::integration {
namespace {

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
}

}  // namespace

int64_t LeaseIdFromHex(const std::string& hex) {
  return static_cast<int64_t>(std::stoull(hex, nullptr, 16));
}

std::string MaskLeaseId(std::string text, int64_t id) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(id));
  ReplaceAll(text, hex, "<ID>");
  ReplaceAll(text, std::to_string(id), "<ID>");
  return text;
}

std::string MaskRemainingTtl(std::string text) {
  static const std::regex kSimple(R"(remaining\(-?\d+s\))");
  static const std::regex kJson(R"("ttl":-?\d+)");
  static const std::regex kFields(R"("TTL" : -?\d+)");
  text = std::regex_replace(text, kSimple, "remaining(<TTL>)");
  text = std::regex_replace(text, kJson, "\"ttl\":<TTL>");
  return std::regex_replace(text, kFields, "\"TTL\" : <TTL>");
}

int64_t LeaseSuite::RemainingTtl(const std::string& lease_hex) {
  RunResult r =
      RunTool(Tool::kEtcdctl, Cmd({"-w", "json", "lease", "timetolive", lease_hex}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  static const std::regex kTtl(R"("ttl":(-?\d+))");
  std::smatch m;
  if (!std::regex_search(r.out, m, kTtl)) {
    ADD_FAILURE() << "no ttl in " << r.out;
    return -1;
  }
  return std::stoll(m[1]);
}

void LeaseSuite::RevokeAllLeases() {
  RunResult r = RunTool(Tool::kEtcdctl, Cmd({"lease", "list"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines;
  size_t start = r.out.find('\n');  // past "found N leases"
  while (start != std::string::npos && start + 1 < r.out.size()) {
    size_t nl = r.out.find('\n', start + 1);
    std::string id = r.out.substr(start + 1, nl - start - 1);
    // A lease may expire between the list and the revoke; that is fine.
    (void)RunTool(Tool::kEtcdctl, Cmd({"lease", "revoke", id}));
    start = nl;
  }
}

}  // namespace ectl::integration
