// TxnPlan: the TxnRequest sent for a parsed transaction, and how to read its response.
//
// A `value >= v` compare (see compare.h) is `value > v OR value = v`; etcd ANDs the
// compares of one transaction, so an OR becomes a chain of nested transactions, one per
// combination of alternatives, each with the same success branch:
//   If(A1) Then S Else [Txn If(A2) Then S Else [... Txn If(An) Then S Else F]]
// etcd evaluates the whole chain atomically in one revision, so the effect is that of the
// flat transaction. Flatten() turns the response back into the flat one (SUCCESS/FAILURE
// and the responses of the branch taken). Without such compares the request is the flat
// transaction etcdctl sends.
#ifndef ECTL_TXN_PLAN_H_
#define ECTL_TXN_PLAN_H_

#include <vector>

#include "etcdserverpb/rpc.pb.h"
#include "txn/compare.h"

namespace ectl::txn {

// At most this many `value >= v` compares per transaction (2^3 = 8 alternatives).
inline constexpr int kMaxOrEqual = 3;

struct TxnPlan {
  etcdserverpb::TxnRequest request;
  int nesting = 0;  // transactions nested in request's failure chain
};

TxnPlan MakePlan(const std::vector<ParsedCompare>& compares,
                 const std::vector<etcdserverpb::RequestOp>& success,
                 const std::vector<etcdserverpb::RequestOp>& failure);

// The response of the flat transaction the plan stands for.
etcdserverpb::TxnResponse Flatten(const TxnPlan& plan, etcdserverpb::TxnResponse response);

}  // namespace ectl::txn

#endif  // ECTL_TXN_PLAN_H_
