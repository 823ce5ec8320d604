// Fuzz target: the txn grammar (src/txn/) with the op-line parser of the txn command.
//
// Input: the text of a transaction as `ectl txn` reads it from standard input, then
// optionally a NUL byte and the bytes of a TxnResponse, which is flattened against the
// plan as a response from the server would be. Errors are etcdctl's (Error, LineError);
// any other exception or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <google/protobuf/stubs/logging.h>

#include "cli/commands/txn_ops.h"
#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "txn/grammar.h"
#include "txn/plan.h"

// Parsing random bytes makes protobuf log about invalid UTF-8 in string fields; that is
// expected here and only slows the run down.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view text = input.substr(0, input.find('\0'));
  std::string_view response_bytes;
  if (text.size() < input.size()) response_bytes = input.substr(text.size() + 1);

  std::istringstream in{std::string(text)};
  ectl::txn::TxnPlan plan;
  try {
    plan = ectl::txn::ReadTxn(in, ectl::cli::ParseTxnOp, [](ectl::txn::Section) {});
  } catch (const ectl::Error&) {
    return 0;  // includes LineError
  }
  std::string request_bytes = plan.request.SerializeAsString();
  etcdserverpb::TxnResponse response;
  if (!response.ParseFromArray(response_bytes.data(), static_cast<int>(response_bytes.size()))) {
    return 0;
  }
  etcdserverpb::TxnResponse flat = ectl::txn::Flatten(plan, std::move(response));
  (void)flat.ByteSizeLong();
  return 0;
}
