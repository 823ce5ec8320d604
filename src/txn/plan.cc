#include "txn/plan.h"

#include <utility>

namespace ectl::txn {

using etcdserverpb::Compare;
using etcdserverpb::RequestOp;
using etcdserverpb::TxnRequest;
using etcdserverpb::TxnResponse;

TxnPlan MakePlan(const std::vector<ParsedCompare>& compares, const std::vector<RequestOp>& success,
                 const std::vector<RequestOp>& failure) {
  std::vector<size_t> either;  // compares with an `= v` alternative
  for (size_t i = 0; i < compares.size(); ++i) {
    if (compares[i].or_equal) either.push_back(i);
  }
  // Alternative k takes `=` for compare either[b] when bit b of k is set.
  const size_t alternatives = size_t{1} << either.size();
  auto level = [&](size_t k) {
    TxnRequest t;
    for (size_t i = 0; i < compares.size(); ++i) *t.add_compare() = compares[i].compare;
    for (size_t b = 0; b < either.size(); ++b) {
      if (k & (size_t{1} << b)) t.mutable_compare(static_cast<int>(either[b]))->set_result(Compare::EQUAL);
    }
    for (const auto& op : success) *t.add_success() = op;
    return t;
  };

  TxnPlan plan;
  // Built from the innermost level out: the last alternative fails over to F.
  TxnRequest inner = level(alternatives - 1);
  for (const auto& op : failure) *inner.add_failure() = op;
  for (size_t k = alternatives - 1; k-- > 0;) {
    TxnRequest outer = level(k);
    *outer.add_failure()->mutable_request_txn() = std::move(inner);
    inner = std::move(outer);
    ++plan.nesting;
  }
  plan.request = std::move(inner);
  return plan;
}

TxnResponse Flatten(const TxnPlan& plan, TxnResponse response) {
  for (int i = 0; i < plan.nesting && !response.succeeded(); ++i) {
    if (response.responses_size() != 1 || !response.responses(0).has_response_txn()) break;
    TxnResponse inner = std::move(*response.mutable_responses(0)->mutable_response_txn());
    // The outer header is the transaction's; the nested one is not part of the result.
    if (response.has_header()) *inner.mutable_header() = response.header();
    else inner.clear_header();
    response = std::move(inner);
  }
  return response;
}

}  // namespace ectl::txn
