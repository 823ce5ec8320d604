#include "normalize.h"

#include <cctype>
#include <optional>
#include <set>
#include <vector>

#include "ctl.h"

namespace ectl::integration {
namespace {

std::string Relative(uint64_t n, int64_t base) {
  int64_t d = static_cast<int64_t>(n) - base;
  if (d == 0) return "<base>";
  return "<base" + std::string(d > 0 ? "+" : "") + std::to_string(d) + ">";
}

// Rewrites every `"name":<digits>` for the given names (Go's compact JSON
// never puts spaces around ':').
std::string NormalizeJson(std::string_view in, int64_t base) {
  static const std::vector<std::string> kNames = {
      "\"revision\":", "\"create_revision\":", "\"mod_revision\":"};
  std::string out;
  size_t i = 0;
  while (i < in.size()) {
    bool matched = false;
    for (const auto& name : kNames) {
      if (in.substr(i, name.size()) != name) continue;
      size_t j = i + name.size();
      size_t k = j;
      while (k < in.size() && std::isdigit(static_cast<unsigned char>(in[k])))
        ++k;
      if (k == j) continue;
      out += name;
      out += Relative(std::stoull(std::string(in.substr(j, k - j))), base);
      i = k;
      matched = true;
      break;
    }
    if (!matched) out += in[i++];
  }
  return out;
}

// Rewrites the value of `"Name" : <digits>` lines whose name is a revision.
std::string NormalizeFields(std::string_view in, int64_t base) {
  static const std::set<std::string, std::less<>> kNames = {
      "\"Revision\"", "\"CreateRevision\"", "\"ModRevision\"",
      "\"PrevCreateRevision\"", "\"PrevModRevision\""};
  std::string out;
  while (!in.empty()) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    size_t sep = line.find(" : ");
    std::string_view value = sep == std::string_view::npos
                                 ? std::string_view()
                                 : line.substr(sep + 3);
    bool digits = !value.empty();
    for (char c : value)
      digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (digits && kNames.count(line.substr(0, sep)) > 0) {
      out += std::string(line.substr(0, sep + 3)) +
             Relative(std::stoull(std::string(value)), base);
    } else {
      out += line;
    }
    if (nl != std::string_view::npos) out += '\n';
  }
  return out;
}

// Minimal protobuf wire reader.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : data_(data) {}
  bool done() const { return pos_ >= data_.size(); }

  std::optional<uint64_t> Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64 && pos_ < data_.size(); shift += 7) {
      uint8_t b = static_cast<uint8_t>(data_[pos_++]);
      v |= uint64_t(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return std::nullopt;
  }

  std::optional<std::string_view> Bytes(size_t n) {
    if (data_.size() - pos_ < n) return std::nullopt;
    std::string_view v = data_.substr(pos_, n);
    pos_ += n;
    return v;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

enum class Schema { kResponse, kHeader, kKeyValue };

// Whether varint field `field` of a `schema` message holds a revision.
bool IsRevision(Schema schema, uint64_t field) {
  if (schema == Schema::kHeader) return field == 3;  // revision
  if (schema == Schema::kKeyValue)
    return field == 2 || field == 3;  // create, mod
  return false;
}

bool Dump(std::string_view bytes, Schema schema, int64_t base,
          const std::string& indent, std::string* out) {
  WireReader r(bytes);
  while (!r.done()) {
    auto tag = r.Varint();
    if (!tag) return false;
    uint64_t field = *tag >> 3, wire = *tag & 7;
    *out += indent + std::to_string(field) + ": ";
    if (wire == 0) {
      auto v = r.Varint();
      if (!v) return false;
      *out +=
          IsRevision(schema, field) ? Relative(*v, base) : std::to_string(*v);
      *out += "\n";
    } else if (wire == 2) {
      auto len = r.Varint();
      if (!len) return false;
      auto v = r.Bytes(*len);
      if (!v) return false;
      if (schema == Schema::kResponse) {
        // Field 1 of all three responses is the header; every other
        // length-delimited field of theirs is a KeyValue (kvs, prev_kv,
        // prev_kvs).
        *out += "{\n";
        if (!Dump(*v, field == 1 ? Schema::kHeader : Schema::kKeyValue, base,
                  indent + "  ", out)) {
          return false;
        }
        *out += indent + "}\n";
      } else {
        *out += "\"" + Printable(*v) + "\"\n";
      }
    } else if (wire == 1 || wire == 5) {
      auto v = r.Bytes(wire == 1 ? 8 : 4);
      if (!v) return false;
      *out += "fixed \"" + Printable(*v) + "\"\n";
    } else {
      return false;
    }
  }
  return true;
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

}  // namespace

std::string DumpKvResponse(std::string_view bytes, int64_t base) {
  std::string out;
  if (!Dump(bytes, Schema::kResponse, base, "", &out)) {
    return "unparseable protobuf: " + Hex(bytes);
  }
  return out;
}

std::string NormalizeRevisions(Format format, std::string_view output,
                               int64_t base) {
  switch (format) {
    case Format::kJson:
      return NormalizeJson(output, base);
    case Format::kFields:
      return NormalizeFields(output, base);
    case Format::kProtobuf:
      return DumpKvResponse(output, base);
    case Format::kSimple:
    case Format::kTable:
      break;
  }
  return std::string(output);
}

}  // namespace ectl::integration
