#include "txn_suite.h"

#include <optional>

namespace ectl::integration {
namespace {

struct Field {
  uint64_t number;
  uint64_t varint = 0;
  std::string_view bytes;  // length-delimited payload
  std::string_view raw;    // the whole field, tag included
};

std::optional<uint64_t> Varint(std::string_view data, size_t& pos) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
    auto b = static_cast<uint8_t>(data[pos++]);
    v |= uint64_t(b & 0x7f) << shift;
    if ((b & 0x80) == 0) return v;
  }
  return std::nullopt;
}

// Varint and length-delimited fields only (all a TxnResponse has).
std::optional<std::vector<Field>> Fields(std::string_view data) {
  std::vector<Field> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t start = pos;
    auto tag = Varint(data, pos);
    if (!tag) return std::nullopt;
    Field f{*tag >> 3};
    if ((*tag & 7) == 0) {
      auto v = Varint(data, pos);
      if (!v) return std::nullopt;
      f.varint = *v;
    } else if ((*tag & 7) == 2) {
      auto len = Varint(data, pos);
      if (!len || data.size() - pos < *len) return std::nullopt;
      f.bytes = data.substr(pos, *len);
      pos += *len;
    } else {
      return std::nullopt;
    }
    f.raw = data.substr(start, pos - start);
    out.push_back(f);
  }
  return out;
}

}  // namespace

std::string DumpTxnResponse(std::string_view bytes, int64_t base) {
  auto fields = Fields(bytes);
  if (!fields) return "unparseable TxnResponse: " + Printable(bytes);
  std::string out;
  for (const Field& f : *fields) {
    if (f.number == 1) {
      out += DumpKvResponse(f.raw, base);  // field 1 of a KV response is its header too
    } else if (f.number == 2) {
      out += "succeeded: " + std::to_string(f.varint) + "\n";
    } else if (f.number == 3) {
      auto op = Fields(f.bytes);
      if (!op || op->size() != 1) return "unparseable ResponseOp: " + Printable(f.bytes);
      const Field& r = op->front();
      out += "response " + std::to_string(r.number) + " {\n";
      out += r.number == 4 ? DumpTxnResponse(r.bytes, base) : DumpKvResponse(r.bytes, base);
      out += "}\n";
    } else {
      out += "unknown field " + std::to_string(f.number) + "\n";
    }
  }
  return out;
}

RunResult Txn::ExpectSameTxnAsOracle(const Invocation& inv, Format format,
                                     const std::function<void()>& setup) {
  SCOPED_TRACE("stdin: " + Printable(inv.stdin_data));
  // A TxnResponse's protobuf bytes need their own revision masking.
  Normalizer txn_protobuf = [](std::string_view out, int64_t base) {
    return DumpTxnResponse(out, base);
  };
  return ExpectSameMutationAsOracle(inv, format, setup,
                                    format == Format::kProtobuf ? txn_protobuf : nullptr);
}

void Txn::Seed() {
  PutAll({{"key1", "x"}, {"k2", "y"}, {"ka", "1"}, {"kb", "2"}});
}

void Txn::ExpectFormatsMatch(const std::string& input, const std::vector<std::string>& flags) {
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    std::vector<std::string> args = WithFlags(v.flags, flags);
    args.push_back("txn");
    Invocation inv = Cmd(args, input);
    RunResult r = ExpectSameTxnAsOracle(inv, v.format, Seed);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
}

}  // namespace ectl::integration
