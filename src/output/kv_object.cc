#include "output/kv_object.h"

#include <nlohmann/json.hpp>


#include "common/bytes.h"
#include "common/strconv.h"
#include "mvccpb/kv.pb.h"
#include "output/lease_format.h"

namespace ectl::output {
namespace {

void PutBytes(nlohmann::ordered_json& object, const char* text_name, const char* base64_name,
              const std::string& bytes) {
  if (IsValidUtf8(bytes)) {
    object[text_name] = bytes;
  } else {
    std::string encoded;
    AppendBase64(encoded, bytes);
    object[base64_name] = std::move(encoded);
  }
}

void GetBytes(const nlohmann::ordered_json& object, const std::string& text_name,
              const std::string& base64_name, std::string* out) {
  auto text = object.find(text_name);
  auto encoded = object.find(base64_name);
  if (text != object.end() && encoded != object.end()) {
    throw KeyValueObjectError("both " + text_name + " and " + base64_name + " given");
  }
  if (text != object.end()) {
    if (!text->is_string()) throw KeyValueObjectError(text_name + ": not a string");
    *out = text->get_ref<const std::string&>();
    return;
  }
  if (encoded != object.end()) {
    if (!encoded->is_string()) throw KeyValueObjectError(base64_name + ": not a string");
    if (!DecodeBase64(encoded->get_ref<const std::string&>(), *out)) {
      throw KeyValueObjectError(base64_name + ": not valid base64");
    }
    return;
  }
  throw KeyValueObjectError("no " + text_name + " or " + base64_name);
}

int64_t GetInt(const nlohmann::ordered_json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) return 0;
  if (it->is_number_unsigned()) {
    auto v = it->get<uint64_t>();
    if (v > static_cast<uint64_t>(INT64_MAX)) {
      throw KeyValueObjectError(std::string(name) + ": out of range");
    }
    return static_cast<int64_t>(v);
  }
  if (it->is_number_integer()) return it->get<int64_t>();
  throw KeyValueObjectError(std::string(name) + ": not an integer");
}

}  // namespace

nlohmann::ordered_json KeyValueObject(const mvccpb::KeyValue& kv) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  PutBytes(object, "key", "key_base64", kv.key());
  PutBytes(object, "value", "value_base64", kv.value());
  object["create_revision"] = kv.create_revision();
  object["mod_revision"] = kv.mod_revision();
  object["version"] = kv.version();
  if (kv.lease() != 0) object["lease"] = LeaseIdHex(kv.lease());
  return object;
}

void AppendKeyValueLine(std::string& out, const mvccpb::KeyValue& kv) {
  out += KeyValueObject(kv).dump();
  out += '\n';
}

void KeyValueFromObject(const nlohmann::ordered_json& object, mvccpb::KeyValue& kv) {
  kv.Clear();
  if (!object.is_object()) throw KeyValueObjectError("not a JSON object");
  GetBytes(object, "key", "key_base64", kv.mutable_key());
  if (kv.key().empty()) throw KeyValueObjectError("empty key");
  GetBytes(object, "value", "value_base64", kv.mutable_value());
  kv.set_create_revision(GetInt(object, "create_revision"));
  kv.set_mod_revision(GetInt(object, "mod_revision"));
  kv.set_version(GetInt(object, "version"));
  auto lease = object.find("lease");
  if (lease != object.end()) {
    if (!lease->is_string()) throw KeyValueObjectError("lease: not a hex string");
    const auto& text = lease->get_ref<const std::string&>();
    try {
      if (text.empty() || text[0] == '+' || text[0] == '-') throw std::invalid_argument("");
      kv.set_lease(static_cast<int64_t>(ParseUint(text, 16)));
    } catch (const std::exception&) {
      throw KeyValueObjectError("lease: not a hex lease ID: " + text);
    }
  }
}

}  // namespace ectl::output
