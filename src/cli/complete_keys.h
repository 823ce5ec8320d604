// Key names for shell completion (and any other caller that wants a quick, silent look at
// the keyspace): at most `limit` keys starting with a prefix, asked for with --keys-only
// semantics over the project's one connection path, within 300 ms in all (dial
// included). Never prints, never prompts: when a password would have to be typed, when
// no server answers in time or anything else fails, the answer is empty.
#ifndef ECTL_CLI_COMPLETE_KEYS_H_
#define ECTL_CLI_COMPLETE_KEYS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::cli {

class Connection;

// Keys starting with prefix, in key order. Keys holding a line break are left out (a
// caller prints one per line).
std::vector<std::string> CompleteKeys(Connection& connection, std::string_view prefix,
                                      size_t limit = 100);

// The lock and election names among keys: `lock NAME` and `elect NAME` hold the key
// NAME/<lease ID in hex>, so that suffix is removed; names are deduplicated, in order.
std::vector<std::string> NamesFromKeys(const std::vector<std::string>& keys);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMPLETE_KEYS_H_
