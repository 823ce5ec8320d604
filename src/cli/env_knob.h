// Test knobs: a Go duration read from an environment variable that etcdctl does not have
// (ECTL_MIRROR_PROGRESS_INTERVAL, ECTL_CHECK_PERF_DURATION), so that tests need not wait
// for etcdctl's fixed 30 s and 60 s, or ECTL_COMPLETE_KEYS_TIMEOUT, so that a loaded test
// machine cannot run out of completion's 300 ms. Unset, empty, malformed or below minimum: nullopt,
// and the command keeps etcdctl's behaviour.
#ifndef ECTL_CLI_ENV_KNOB_H_
#define ECTL_CLI_ENV_KNOB_H_

#include <chrono>
#include <cstdlib>
#include <optional>

#include "common/strconv.h"

namespace ectl::cli {

inline std::optional<std::chrono::nanoseconds> EnvDuration(const char* name,
                                                           std::chrono::nanoseconds minimum) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  try {
    auto d = ParseDuration(v);
    if (d >= minimum) return d;
  } catch (const ParseError&) {
  }
  return std::nullopt;
}

}  // namespace ectl::cli

#endif  // ECTL_CLI_ENV_KNOB_H_
