// Helpers for writing Go-encoding/json-shaped objects into a string: an object whose
// zero-valued fields are omitted (Go's omitempty), and the shared header and key-value
// shapes. Used by the json printer of every command.
#ifndef ECTL_OUTPUT_JSON_WRITER_H_
#define ECTL_OUTPUT_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "google/protobuf/repeated_ptr_field.h"

namespace etcdserverpb {
class ResponseHeader;
}
namespace mvccpb {
class KeyValue;
}

namespace ectl::output {

// Writes '{' on construction and '}' on destruction; the typed setters skip zero values
// the way omitempty does, Key() writes a key for a value the caller appends itself.
class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  ~JsonObject() { out_ += '}'; }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  void Key(std::string_view name);
  void Int(std::string_view name, int64_t v) { if (v != 0) Key(name), out_ += std::to_string(v); }
  void Uint(std::string_view name, uint64_t v) { if (v != 0) Key(name), out_ += std::to_string(v); }
  void Bool(std::string_view name, bool v) { if (v) Key(name), out_ += "true"; }
  void Bytes(std::string_view name, std::string_view v);
  void String(std::string_view name, std::string_view v);

 private:
  std::string& out_;
  bool first_ = true;
};

void AppendHeader(std::string& out, const etcdserverpb::ResponseHeader& h);
void AppendKeyValue(std::string& out, const mvccpb::KeyValue& kv);
void AppendKeyValues(std::string& out,
                     const google::protobuf::RepeatedPtrField<mvccpb::KeyValue>& kvs);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSON_WRITER_H_
