// The gtest fixture of the Txn suite (txn_test.cc, txn_terminal_test.cc): one etcd for
// the suite, and the comparison of a mutating transaction with the etcdctl oracle, whose
// protobuf output (a TxnResponse) needs its own revision masking.
#ifndef ECTL_TESTS_INTEGRATION_TXN_SUITE_H_
#define ECTL_TESTS_INTEGRATION_TXN_SUITE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {

// A TxnResponse's wire bytes as text with revisions relative to base (nested responses
// dumped through DumpKvResponse).
std::string DumpTxnResponse(std::string_view bytes, int64_t base);

class Txn : public EtcdSuite {
 protected:
  // ExpectSameMutationAsOracle with a TxnResponse's protobuf bytes masked.
  static RunResult ExpectSameTxnAsOracle(const Invocation& inv, Format format,
                                         const std::function<void()>& setup);
  // The state the format matrices start from.
  static void Seed();
  // ExpectSameTxnAsOracle for input in every output variant (after flags), from Seed().
  static void ExpectFormatsMatch(const std::string& input,
                                 const std::vector<std::string>& flags = {});
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_TXN_SUITE_H_
