#include "client/rpc_error.h"

#include <grpcpp/support/status.h>

namespace ectl::client {

const char* CodeName(int code) {
  static const char* const kNames[] = {
      "OK",        "Canceled",          "Unknown",           "InvalidArgument",
      "DeadlineExceeded", "NotFound",   "AlreadyExists",     "PermissionDenied",
      "ResourceExhausted", "FailedPrecondition", "Aborted",  "OutOfRange",
      "Unimplemented", "Internal",      "Unavailable",       "DataLoss",
      "Unauthenticated"};
  if (code >= 0 && code <= 16) return kNames[code];
  return "Unknown";
}

std::string StatusText(const grpc::Status& status) {
  const std::string& msg = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      // A call that ran out of time reports the context's error in etcdctl, whatever
      // the transport said.
      return "context deadline exceeded";
    case grpc::StatusCode::CANCELLED:
      if (msg.rfind("etcdserver: ", 0) != 0) return "context canceled";
      break;
    default:
      break;
  }
  if (msg.rfind("etcdserver: ", 0) == 0 || msg.rfind("etcdclient: ", 0) == 0) return msg;
  return std::string("rpc error: code = ") + CodeName(status.error_code()) + " desc = " + msg;
}

void ThrowStatus(const grpc::Status& status) {
  throw RpcError(status.error_code(), StatusText(status));
}

}  // namespace ectl::client
