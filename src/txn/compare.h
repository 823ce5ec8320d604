// One compare line of a transaction: `<target>("<key>") <op> "<value>"`.
//
// Targets: ver|version, c|create, m|mod (decimal integers), val|value (bytes), lease (a
// lease ID in hexadecimal, as `put --lease` takes it; etcdctl 3.4 panics here). Operators:
// = != < > as etcdctl, plus <= and >=, which etcd's compare cannot express directly and
// etcdctl answers with a panic:
//   integer targets  x <= n  becomes  x < n+1,  x >= n  becomes  x > n-1;
//   value            x <= v  becomes  x < v+"\x00" (the next byte string after v);
//                    x >= v  becomes  x > v[:-1] when v ends in "\x00", "the key exists"
//                    (create > 0) when v is empty, and otherwise stays `x > v` marked
//                    or_equal: the plan (plan.h) adds the alternative `x = v`.
#ifndef ECTL_TXN_COMPARE_H_
#define ECTL_TXN_COMPARE_H_

#include <string_view>

#include "etcdserverpb/rpc.pb.h"

namespace ectl::txn {

struct ParsedCompare {
  etcdserverpb::Compare compare;
  // True for `value >= v` kept as `value > v`: it also holds when `value = v`.
  bool or_equal = false;
};

// line is already trimmed. Throws LineError with etcdctl's messages (exit 3):
//   malformed comparison: <line>
//   malformed comparison: <line>; got <target>(<key %q>) <op> <value %q>
//   malformed comparison: <line> (unknown target <target>)
//   invalid txn compare request: <line>           (value not an integer / hex lease ID)
// and, where etcdctl panics, exit 3 errors of the same family:
//   malformed comparison: <line> (unknown operator <op>)
//   malformed comparison: <line> (<op> <n> is out of range)
ParsedCompare ParseCompare(std::string_view line);

}  // namespace ectl::txn

#endif  // ECTL_TXN_COMPARE_H_
