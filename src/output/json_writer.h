// Helpers for writing Go-encoding/json-shaped documents into a string: an object whose
// zero-valued fields are omitted (Go's omitempty), an array, and the shared header and
// key-value shapes. Both containers place their own commas, so no caller counts
// elements. Used by the json printer of every command.
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

// Writes '[' on construction and ']' on destruction; Next() starts an element (a comma
// before all but the first) and returns the string for the caller to append it to.
class JsonArray {
 public:
  explicit JsonArray(std::string& out) : out_(out) { out_ += '['; }
  ~JsonArray() { out_ += ']'; }
  JsonArray(const JsonArray&) = delete;
  JsonArray& operator=(const JsonArray&) = delete;

  std::string& Next() {
    if (!first_) out_ += ',';
    first_ = false;
    return out_;
  }
  void String(std::string_view v);  // a JSON string element
  void Bytes(std::string_view v);   // a []byte element: padded base64 in quotes

 private:
  std::string& out_;
  bool first_ = true;
};

// A []string, every element a JSON string.
void AppendStrings(std::string& out, const google::protobuf::RepeatedPtrField<std::string>& list);

void AppendHeader(std::string& out, const etcdserverpb::ResponseHeader& h);
void AppendKeyValue(std::string& out, const mvccpb::KeyValue& kv);
void AppendKeyValues(std::string& out,
                     const google::protobuf::RepeatedPtrField<mvccpb::KeyValue>& kvs);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSON_WRITER_H_
