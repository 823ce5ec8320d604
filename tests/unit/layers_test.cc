// The layer direction, checked on the sources: every folder of src/ may include only the
// folders below it (main -> cli -> {output, txn, client, sys} -> common). The libraries
// share one include root, so a wrong-way include would otherwise compile.
// main -> cli -> {output, txn -> client -> offline, sys} -> common.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;

// What each layer may include, itself included. Includes of folders that are not layers
// (generated protobuf headers, system headers) are not checked.
const std::map<std::string, std::set<std::string>>& Allowed() {
  static const std::map<std::string, std::set<std::string>> kAllowed = {
      {"common", {"common"}},
      {"sys", {"sys", "common"}},
      {"offline", {"offline", "common"}},
      {"client", {"client", "offline", "common"}},
      {"txn", {"txn", "client", "common"}},
      {"output", {"output", "common"}},
      {"cli", {"cli", "output", "txn", "client", "offline", "sys", "common"}},
  };
  return kAllowed;
}

TEST(Layers, IncludesPointDownOnly) {
  const fs::path src = fs::path(ECTL_SOURCE_DIR) / "src";
  const std::regex include(R"re(^\s*#\s*include\s+"([a-z_]+)/)re");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".h" && ext != ".cc") continue;
    const std::string layer = fs::relative(entry.path(), src).begin()->string();
    auto allowed = Allowed().find(layer);
    if (allowed == Allowed().end()) continue;  // main.cc
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      const std::string target = m[1];
      if (Allowed().count(target) == 0) continue;
      ++checked;
      EXPECT_TRUE(allowed->second.count(target) > 0)
          << fs::relative(entry.path(), src).string() << ":" << number << " (" << layer
          << ") includes " << target << "/: not below it";
    }
  }
  EXPECT_GT(checked, 100);  // the walk found the sources
}

}  // namespace
