// One key-value as a JSON object: the line format of `export`/`import` and of
// `get -w jsonl`.
//
//   {"key":"text","value":"text","create_revision":N,"mod_revision":N,"version":N,"lease":"hex"}
//
// key and value are written as "key"/"value" when their bytes are valid UTF-8 and
// otherwise as "key_base64"/"value_base64" (standard base64 with padding): the field
// name is the mark, so a reader never mistakes one encoding for the other. lease is the
// lease ID as 16 lowercase hex digits without "0x" (as `lease grant` prints it), omitted
// when 0. The fields come in the order shown.
#ifndef ECTL_OUTPUT_KV_OBJECT_H_
#define ECTL_OUTPUT_KV_OBJECT_H_

#include <nlohmann/json_fwd.hpp>

#include <stdexcept>
#include <string>

namespace mvccpb {
class KeyValue;
}

namespace ectl::output {

// The object for kv, fields in the order above.
nlohmann::ordered_json KeyValueObject(const mvccpb::KeyValue& kv);

// Appends the object, compact, followed by '\n'.
void AppendKeyValueLine(std::string& out, const mvccpb::KeyValue& kv);

// An object KeyValueFromObject refuses; what() says why ("no key", "value_base64: not
// valid base64", ...), without a line number.
class KeyValueObjectError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Fills kv (cleared first) from an object of the shape above. Exactly one of key and
// key_base64, and of value and value_base64, must be present; the revisions, version and
// lease are optional (0 when absent); other fields are ignored. Throws
// KeyValueObjectError.
void KeyValueFromObject(const nlohmann::ordered_json& object, mvccpb::KeyValue& kv);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_KV_OBJECT_H_
