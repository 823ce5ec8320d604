#include "cli/io.h"

namespace ectl::cli {

Environment Environment::FromEnviron(char** environ) {
  std::vector<Var> vars;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view kv(*e);
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    vars.emplace_back(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return Environment(std::move(vars));
}

const std::string* Environment::Find(std::string_view name) const {
  // The first entry wins, as with Go's os.Getenv.
  for (const auto& [n, v] : vars_) {
    if (n == name) return &v;
  }
  return nullptr;
}

}  // namespace ectl::cli
