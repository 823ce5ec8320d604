#include "cli/complete_keys.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <memory>
#include <optional>

#include "cli/connection.h"
#include "client/client.h"
#include "client/op.h"

namespace ectl::cli {
namespace {

using Clock = std::chrono::steady_clock;

// The whole answer, dial included, must come within this: a shell waits for it.
constexpr auto kBudget = std::chrono::milliseconds(300);
// The share of it a new connection may take.
constexpr auto kDialBudget = std::chrono::milliseconds(200);

}  // namespace

std::vector<std::string> CompleteKeys(Connection& connection, std::string_view prefix,
                                      size_t limit) {
  std::vector<std::string> keys;
  if (limit == 0) return keys;
  const auto start = Clock::now();
  try {
    client::Client* client = connection.existing_client();
    std::unique_ptr<client::Client> own;
    if (client == nullptr) {
      std::optional<client::ClientConfig> config = connection.ConfigWithoutPrompt();
      if (!config) return keys;
      config->dial_timeout = std::min<client::Duration>(config->dial_timeout, kDialBudget);
      config->diagnose_dial_failure = false;
      own = connection.QuietClientFor(*config);
      client = own.get();
    }
    auto left = kBudget - (Clock::now() - start);
    if (left <= Clock::duration::zero()) return keys;

    client::GetOptions get;
    get.range.key = std::string(prefix);
    get.range.prefix = true;
    get.keys_only = true;
    get.serializable = true;  // any member answers, with or without a leader
    get.limit = static_cast<int64_t>(limit);
    auto response = client::Do(*client, client::OpGet(get),
                               std::chrono::duration_cast<client::Duration>(left));
    for (const auto& kv : response.response_range().kvs()) {
      if (kv.key().find('\n') != std::string::npos) continue;
      keys.push_back(kv.key());
    }
  } catch (const std::exception&) {
    keys.clear();
  }
  return keys;
}

std::vector<std::string> NamesFromKeys(const std::vector<std::string>& keys) {
  std::vector<std::string> names;
  for (const auto& key : keys) {
    std::string name = key;
    size_t slash = key.rfind('/');
    if (slash != std::string::npos && slash > 0 && slash + 1 < key.size() &&
        key.find_first_not_of("0123456789abcdef", slash + 1) == std::string::npos) {
      name = key.substr(0, slash);
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace ectl::cli
