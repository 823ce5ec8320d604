#include "ctl.h"

#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "binaries.h"

namespace ectl::integration {

std::string_view ToolName(Tool tool) {
  return tool == Tool::kEctl ? "ectl" : "etcdctl";
}

std::string ToolPath(Tool tool) {
  return tool == Tool::kEctl ? kEctlBinary : kEtcdctlBinary;
}

RunResult RunBinary(const std::string& path, const Invocation& inv) {
  RunOptions options;
  options.argv.push_back(path);
  if (!inv.endpoints.empty())
    options.argv.push_back("--endpoints=" + inv.endpoints);
  options.argv.insert(options.argv.end(), inv.args.begin(), inv.args.end());
  options.stdin_data = inv.stdin_data;
  options.env.unset_prefixes = {"ETCDCTL_"};
  options.env.set = inv.env;
  options.timeout = inv.timeout;
  return RunProcess(options);
}

RunResult RunTool(Tool tool, const Invocation& inv) {
  return RunBinary(ToolPath(tool), inv);
}

std::string LastLine(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  size_t nl = text.rfind('\n');
  return std::string(nl == std::string_view::npos ? text : text.substr(nl + 1));
}

std::string Printable(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c == '\n' || (c >= 0x20 && c < 0x7f && c != '\\')) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

std::string Describe(const Invocation& inv) {
  std::string out;
  for (const auto& [k, v] : inv.env) out += k + "=" + Printable(v) + " ";
  out += "<tool>";
  if (!inv.endpoints.empty()) out += " --endpoints=" + inv.endpoints;
  for (const auto& a : inv.args) out += " '" + Printable(a) + "'";
  if (!inv.stdin_data.empty()) {
    out += " <<< " + std::to_string(inv.stdin_data.size()) + " bytes";
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) |
                 uint8_t(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
  }
  if (size_t rest = bytes.size() - i; rest > 0) {
    uint32_t n = uint8_t(bytes[i]) << 16;
    if (rest == 2) n |= uint8_t(bytes[i + 1]) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += rest == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string Base64Decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v = value(c);
    if (v < 0) break;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return out;
}

int64_t HeaderRevision(std::string_view json) {
  return nlohmann::json::parse(json).value("/header/revision"_json_pointer, int64_t{-1});
}

}  // namespace ectl::integration
