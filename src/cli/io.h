// Io and Environment: what a run of ectl reads and writes. main() passes the process's
// standard streams and environment; tests pass string streams and a few variables.
#ifndef ECTL_CLI_IO_H_
#define ECTL_CLI_IO_H_

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ectl::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  // True when standard input is a terminal (prompts, line editing).
  bool in_is_terminal = false;
  // True when the process ends right after Run() returns (main). The gRPC client is then
  // left for the kernel to reclaim: an orderly gRPC shutdown joins its threads, which
  // only delays the exit of a short command.
  bool process_exits_after_run = false;
  // True when standard output / standard error is a terminal (colour, progress lines).
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  // Whether to colour what is written to out / err: decided by Run() from --color,
  // NO_COLOR and the two fields above (GlobalOptions::Color).
  bool out_color = false;
  bool err_color = false;
};

// Environment variables in the process's order (etcdctl warns about unknown ETCDCTL_*
// variables in that order, and a child's environment keeps it).
class Environment {
 public:
  using Var = std::pair<std::string, std::string>;
  Environment() = default;
  explicit Environment(std::vector<Var> vars) : vars_(std::move(vars)) {}
  // Sorted by name: for tests.
  Environment(const std::map<std::string, std::string>& vars)  // NOLINT: implicit on purpose
      : vars_(vars.begin(), vars.end()) {}
  // From a NULL-terminated "NAME=value" array such as environ.
  static Environment FromEnviron(char** environ);

  [[nodiscard]] const std::vector<Var>& vars() const { return vars_; }
  // The value, or nullptr when the variable is not set.
  [[nodiscard]] const std::string* Find(std::string_view name) const;
  // The value, or "" when the variable is not set.
  [[nodiscard]] std::string Get(std::string_view name) const {
    const std::string* v = Find(name);
    return v ? *v : std::string();
  }

 private:
  std::vector<Var> vars_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_IO_H_
