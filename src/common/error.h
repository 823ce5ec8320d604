// Error and ExitCode: the one way ectl reports failure.
//
// Code anywhere below cli/ throws Error (or client::RpcError) where it finds a problem;
// cli::Run catches it once, prints "Error: <message>" on stderr and returns the code.
// Exit codes are etcdctl's catalogue, because scripts branch on them.
#ifndef ECTL_COMMON_ERROR_H_
#define ECTL_COMMON_ERROR_H_

#include <stdexcept>
#include <string>

namespace ectl {

enum class ExitCode : int {
  kSuccess = 0,
  kError = 1,
  kBadConnection = 2,
  kInvalidInput = 3,
  kBadFeature = 4,
  kInterrupted = 5,
  kIO = 6,
  kBadArgs = 128,
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExitCode code() const { return code_; }

  // An exit whose failure the command has already written itself (per-endpoint errors,
  // check perf's FAIL, a failed watch exec command): Run() adds no "Error:" line.
  static Error Reported(ExitCode code) { return Error(code, ""); }

 private:
  ExitCode code_;
};

}  // namespace ectl

#endif  // ECTL_COMMON_ERROR_H_
