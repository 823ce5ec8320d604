#include "output/wire_writer.h"

#include <google/protobuf/message_lite.h>

namespace ectl::output {

void AppendVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void AppendVarintField(std::string& out, int number, uint64_t v) {
  AppendVarint(out, static_cast<uint64_t>(number) << 3);
  AppendVarint(out, v);
}

void AppendMessageField(std::string& out, int number, const google::protobuf::MessageLite& m) {
  AppendVarint(out, static_cast<uint64_t>(number) << 3 | 2);
  AppendVarint(out, m.ByteSizeLong());
  m.AppendToString(&out);
}

}  // namespace ectl::output
