// Running ectl and the etcdctl 3.4 oracle the same way.
//
// Holds: Invocation (what to run: arguments, stdin bytes, ETCDCTL_* settings,
// endpoints), RunTool() for either binary, and small text helpers used in
// assertions (LastLine, Printable, Join, HeaderRevision).
//
// Every run starts from an environment without any ETCDCTL_* variable, so the
// developer's shell cannot change a result; a test sets the variables it
// means to test through Invocation::env. Deliberately no gtest here.

#ifndef ECTL_TESTS_INTEGRATION_CTL_H_
#define ECTL_TESTS_INTEGRATION_CTL_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "process.h"

namespace ectl::integration {

enum class Tool { kEtcdctl, kEctl };

std::string_view ToolName(Tool tool);  // "etcdctl" / "ectl"
std::string ToolPath(Tool tool);

struct Invocation {
  // Everything after the binary name, e.g. {"get", "foo", "--prefix"}.
  std::vector<std::string> args;
  std::string stdin_data;
  // Variables set on top of the ETCDCTL_*-free environment.
  std::vector<std::pair<std::string, std::string>> env;
  // If non-empty, "--endpoints=<endpoints>" is passed before args. Tests of
  // ETCDCTL_ENDPOINTS leave it empty and set the variable instead.
  std::string endpoints;
  std::chrono::milliseconds timeout{std::chrono::seconds(20)};
};

// Runs the given binary (ToolPath, or any path such as a symlink to ectl).
[[nodiscard]] RunResult RunBinary(const std::string& path,
                                  const Invocation& inv);
[[nodiscard]] RunResult RunTool(Tool tool, const Invocation& inv);

// The last non-empty line of `text`, without its newline: etcdctl's final
// "Error: ..." line, after any log noise that precedes it.
std::string LastLine(std::string_view text);

// Bytes made readable in a failure message: printable ASCII and newlines as
// is, everything else as \xHH (so NUL and invalid UTF-8 are visible).
std::string Printable(std::string_view bytes);

// The arguments as a shell-like command line for failure messages.
std::string Describe(const Invocation& inv);

std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// Standard base64 with padding, as etcdctl's JSON output encodes bytes.
std::string Base64(std::string_view bytes);
// The inverse; stops at the first character outside the alphabet.
std::string Base64Decode(std::string_view text);

// The header's revision in a `-w json` result of get, put or del; -1 when absent.
int64_t HeaderRevision(std::string_view json);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_CTL_H_
