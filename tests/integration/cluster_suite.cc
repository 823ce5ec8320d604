#include "cluster_suite.h"

#include <algorithm>
#include <regex>
#include <sstream>

namespace ectl::integration {

std::string WithoutLogs(const std::string& err) {
  std::istringstream in(err);
  std::string line, out;
  static const std::regex capnslog(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [A-Z] \| )");
  while (std::getline(in, line)) {
    if (line.rfind("{\"level\"", 0) == 0 || std::regex_search(line, capnslog)) continue;
    out += line + "\n";
  }
  return out;
}

std::string MaskSizeInUse(const std::string& text) {
  static const std::regex in_use(R"("dbSizeInUse":[0-9]+)");
  return std::regex_replace(text, in_use, R"("dbSizeInUse":N)");
}

std::string MaskDurations(const std::string& text) {
  static const std::regex duration(R"(([0-9]+h)?([0-9]+m)?[0-9]+(\.[0-9]+)?(ns|µs|ms|s))");
  static const std::regex spaces(" +");
  static const std::regex dashes("-+");
  std::string s = std::regex_replace(text, duration, "D");
  s = std::regex_replace(s, spaces, " ");
  return std::regex_replace(s, dashes, "-");
}

std::string SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

RunResult ExpectSameAsEtcdctl(const Invocation& inv, std::string (*mask)(const std::string&)) {
  RunResult want = RunTool(Tool::kEtcdctl, inv);
  RunResult got = RunTool(Tool::kEctl, inv);
  auto m = [&](const std::string& s) { return mask ? mask(s) : s; };
  EXPECT_FALSE(got.timed_out) << Describe(inv);
  EXPECT_EQ(Printable(m(got.out)), Printable(m(want.out))) << Describe(inv);
  EXPECT_EQ(got.exit_code, want.exit_code) << Describe(inv) << "\nectl: " << got.err
                                           << "\netcdctl: " << want.err;
  EXPECT_EQ(m(LastLine(got.err)), m(LastLine(WithoutLogs(want.err)))) << Describe(inv);
  return got;
}

Roles FindRoles(const EtcdCluster& cluster) {
  Invocation inv;
  inv.args = {"endpoint", "status"};
  inv.endpoints = cluster.ClientEndpoints();
  RunResult r = RunTool(Tool::kEtcdctl, inv);
  Roles roles;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    // endpoint, ID, version, db size, is leader, ...
    std::vector<std::string> cells;
    std::istringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) {
      cells.push_back(cell.substr(cell.find_first_not_of(' ') == std::string::npos
                                      ? 0
                                      : cell.find_first_not_of(' ')));
    }
    if (cells.size() < 5) continue;
    if (cells[4] == "true") {
      roles.leader = cells[1];
      roles.leader_endpoint = cells[0];
    } else if (roles.follower.empty()) {
      roles.follower = cells[1];
      roles.follower_endpoint = cells[0];
    }
  }
  return roles;
}

}  // namespace ectl::integration
