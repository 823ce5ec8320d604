// RpcError: a failed RPC, carrying the text etcdctl would print after "Error: ".
//
// etcd reports its own errors as gRPC statuses whose message is the etcd error string
// ("etcdserver: key not found"); etcdctl prints just that string. Deadlines print as Go's
// "context deadline exceeded"; anything else as Go's status format
// "rpc error: code = Unavailable desc = ...". The client never picks an exit code.
#ifndef ECTL_CLIENT_RPC_ERROR_H_
#define ECTL_CLIENT_RPC_ERROR_H_

#include <stdexcept>
#include <string>
#include <vector>

namespace grpc {
class Status;
}

namespace ectl::client {

class RpcError : public std::runtime_error {
 public:
  RpcError(int grpc_code, const std::string& text)
      : std::runtime_error(text), grpc_code_(grpc_code) {}
  [[nodiscard]] int grpc_code() const { return grpc_code_; }

 private:
  int grpc_code_;
};

// A failure to build a usable client (no endpoints, authentication refused), which
// etcdctl reports with its "bad connection" exit code.
class ConnectError : public RpcError {
 public:
  using RpcError::RpcError;
};

// A failure to connect within the dial timeout: etcdctl's text ("context deadline
// exceeded") plus, for each endpoint, what ectl learned about why; these are shown on
// lines of their own ahead of the Error line.
class DialError : public RpcError {
 public:
  DialError(int grpc_code, const std::string& text, std::vector<std::string> reasons)
      : RpcError(grpc_code, text), reasons_(std::move(reasons)) {}
  [[nodiscard]] const std::vector<std::string>& reasons() const { return reasons_; }

 private:
  std::vector<std::string> reasons_;
};

// The message etcdctl prints for a failed status.
std::string StatusText(const grpc::Status& status);
// Go's name for a gRPC code ("DeadlineExceeded", "Unavailable").
const char* CodeName(int code);
[[noreturn]] void ThrowStatus(const grpc::Status& status);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_RPC_ERROR_H_
