// A minimal protobuf wire encoder for the few raft, WAL and snapshot messages the
// offline tools write. The messages are tiny and their encoders must emit every
// non-nullable field even when zero (as the server's marshaller does), which generated
// proto3/lite code would not, so they are written field by field in number order.
#ifndef ECTL_OFFLINE_WIRE_H_
#define ECTL_OFFLINE_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ectl::offline::wire {

inline void Varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Field `field` as a varint (wire type 0); negative int64 values take ten bytes.
inline void Uint(std::string& out, int field, uint64_t v) {
  Varint(out, static_cast<uint64_t>(field) << 3);
  Varint(out, v);
}

// Field `field` as length-delimited bytes (wire type 2): strings, bytes, messages.
inline void Bytes(std::string& out, int field, std::string_view v) {
  Varint(out, static_cast<uint64_t>(field) << 3 | 2);
  Varint(out, v.size());
  out.append(v);
}

}  // namespace ectl::offline::wire

#endif  // ECTL_OFFLINE_WIRE_H_
