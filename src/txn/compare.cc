#include "txn/compare.h"

#include <cstdint>
#include <limits>
#include <string>

#include "common/bytes.h"
#include "common/strconv.h"
#include "txn/go_text.h"
#include "txn/line_error.h"

namespace ectl::txn {
namespace {

using etcdserverpb::Compare;

[[noreturn]] void Fail(const std::string& message, size_t offset) {
  throw LineError(ExitCode::kInvalidInput, message, offset);
}

// strconv.ParseInt(s, base, 64) without its error text (the caller has its own).
bool ParseInt64(const std::string& s, int base, int64_t& out) {
  try {
    out = ParseInt(s, base);
    return true;
  } catch (const ParseError&) {
    return false;
  }
}

enum class Op { kEqual, kNotEqual, kLess, kGreater, kLessEqual, kGreaterEqual, kUnknown };

Op ToOp(const std::string& op) {
  if (op == "=") return Op::kEqual;
  if (op == "!=") return Op::kNotEqual;
  if (op == "<") return Op::kLess;
  if (op == ">") return Op::kGreater;
  if (op == "<=") return Op::kLessEqual;
  if (op == ">=") return Op::kGreaterEqual;
  return Op::kUnknown;
}

void SetInt(Compare& c, int64_t v) {
  switch (c.target()) {
    case Compare::VERSION: c.set_version(v); break;
    case Compare::CREATE: c.set_create_revision(v); break;
    case Compare::MOD: c.set_mod_revision(v); break;
    case Compare::LEASE: c.set_lease(v); break;
    default: break;
  }
}

}  // namespace

ParsedCompare ParseCompare(std::string_view line) {
  const std::string text(line);
  size_t paren = line.find('(');
  if (paren == std::string_view::npos) Fail("malformed comparison: " + text, line.size());
  const std::string target(line.substr(0, paren));
  const size_t rest_at = paren + 1;

  CompareScan scan = ScanCompare(line.substr(rest_at));
  if (scan.count != 3) {
    std::string m = "malformed comparison: " + text + "; got " + target + "(" +
                    GoQuote(scan.key) + ") " + scan.op + " " + GoQuote(scan.value);
    Fail(m, rest_at + scan.error->offset);
  }

  ParsedCompare parsed;
  Compare& c = parsed.compare;
  c.set_key(scan.key);
  bool integer = true;
  int base = 10;
  if (target == "ver" || target == "version") {
    c.set_target(Compare::VERSION);
  } else if (target == "c" || target == "create") {
    c.set_target(Compare::CREATE);
  } else if (target == "m" || target == "mod") {
    c.set_target(Compare::MOD);
  } else if (target == "val" || target == "value") {
    c.set_target(Compare::VALUE);
    integer = false;
  } else if (target == "lease") {
    c.set_target(Compare::LEASE);
    base = 16;
  } else {
    Fail("malformed comparison: " + text + " (unknown target " + target + ")", 0);
  }

  // etcdctl converts the value before it looks at the operator.
  int64_t n = 0;
  const size_t value_at = rest_at + scan.value_offset;
  if (integer && !ParseInt64(scan.value, base, n)) {
    Fail("invalid txn compare request: " + text, value_at);
  }
  Op op = ToOp(scan.op);
  const size_t op_at = rest_at + scan.op_offset;
  if (op == Op::kUnknown) {
    Fail("malformed comparison: " + text + " (unknown operator " + scan.op + ")", op_at);
  }

  switch (op) {
    case Op::kEqual: c.set_result(Compare::EQUAL); break;
    case Op::kNotEqual: c.set_result(Compare::NOT_EQUAL); break;
    case Op::kLess: case Op::kLessEqual: c.set_result(Compare::LESS); break;
    default: c.set_result(Compare::GREATER); break;
  }

  if (integer) {
    if (op == Op::kLessEqual || op == Op::kGreaterEqual) {
      bool le = op == Op::kLessEqual;
      if (n == (le ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min())) {
        Fail("malformed comparison: " + text + " (" + scan.op + " " + scan.value +
                 " is out of range)", value_at);
      }
      n += le ? 1 : -1;
    }
    SetInt(c, n);
    return parsed;
  }

  std::string v = scan.value;
  if (op == Op::kLessEqual) {
    v += '\0';
  } else if (op == Op::kGreaterEqual) {
    if (v.empty()) {
      // Every existing value is >= "", and a value compare on a missing key fails.
      c.set_target(Compare::CREATE);
      c.set_create_revision(0);
      return parsed;
    }
    if (v.back() == '\0') {
      v.pop_back();  // v[:-1] is the byte string just before v
    } else {
      parsed.or_equal = true;
    }
  }
  c.set_value(v);
  return parsed;
}

}  // namespace ectl::txn
