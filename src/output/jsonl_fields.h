// Internal to output/: the pieces every jsonl result is made of.
#ifndef ECTL_OUTPUT_JSONL_FIELDS_H_
#define ECTL_OUTPUT_JSONL_FIELDS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/bytes.h"

namespace ectl::output {

// o[name] = bytes when they are valid UTF-8, else o[name + "_base64"] = base64(bytes), as
// the per-key object does (output/kv_object.h).
void SetText(nlohmann::ordered_json& o, const std::string& name, std::string_view bytes);
// A list of byte strings (lease keys): o[name] when every one is valid UTF-8, else
// o[name + "_base64"] with all of them in base64.
template <typename List>
void SetTextList(nlohmann::ordered_json& o, const std::string& name, const List& list);
std::string Base64(std::string_view bytes);

// A member, cluster or raft ID: Go's %x, as etcdctl's simple output prints them.
std::string IdHex(uint64_t id);

template <typename List>
void SetTextList(nlohmann::ordered_json& o, const std::string& name, const List& list) {
  bool text = true;
  for (const auto& s : list) text = text && IsValidUtf8(s);
  auto& a = o[text ? name : name + "_base64"] = nlohmann::ordered_json::array();
  for (const auto& s : list) a.push_back(text ? std::string(s) : Base64(s));
}

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSONL_FIELDS_H_
