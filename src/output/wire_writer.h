// Protobuf wire encoding by hand, for printers that write a message field by field
// (a streamed range, etcdctl's synthesized watch response) instead of serializing it whole.
#ifndef ECTL_OUTPUT_WIRE_WRITER_H_
#define ECTL_OUTPUT_WIRE_WRITER_H_

#include <cstdint>
#include <string>

namespace google::protobuf {
class MessageLite;
}

namespace ectl::output {

void AppendVarint(std::string& out, uint64_t v);
// A varint field: tag (number, wire type 0) then the value.
void AppendVarintField(std::string& out, int number, uint64_t v);
// A message field: tag (number, wire type 2), length, then the message's bytes.
void AppendMessageField(std::string& out, int number, const google::protobuf::MessageLite& m);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_WIRE_WRITER_H_
