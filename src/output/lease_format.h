// Pieces of the lease results shared by several formats.
//
// etcdctl prints lease results through clientv3's wrapper structs, which embed the
// response header by pointer. Two visible consequences are reproduced here: in JSON the
// header's fields sit at the top level of the object instead of under "header", and the
// protobuf format marshals only the header (the embedded header's Marshal method is the
// one the printer finds).
#ifndef ECTL_OUTPUT_LEASE_FORMAT_H_
#define ECTL_OUTPUT_LEASE_FORMAT_H_

#include <cstdint>
#include <string>

namespace etcdserverpb {
class ResponseHeader;
}

namespace ectl::output {

class JsonObject;

// Go's fmt "%016x" of a signed lease ID: 16 zero-padded lower-case hex digits, or a
// '-' and 15 digits for a negative ID (the sign counts towards the width).
std::string LeaseIdHex(int64_t id);

// The header's fields written into `o` itself (omitempty, as Go flattens an embedded
// *ResponseHeader).
void AppendFlatHeader(JsonObject& o, const etcdserverpb::ResponseHeader& h);

// Go's %v of a []string: "[a b c]", each key's raw bytes.
template <typename Keys>
std::string GoStringList(const Keys& keys) {
  std::string out = "[";
  bool first = true;
  for (const auto& k : keys) {
    if (!first) out += ' ';
    first = false;
    out += k;
  }
  out += ']';
  return out;
}

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_LEASE_FORMAT_H_
