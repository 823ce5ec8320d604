#include "cli/commands/bulk_requests.h"

#include <nlohmann/json.hpp>

#include <istream>

#include "cli/commands/kv_requests.h"
#include "client/op.h"
#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/kv_object.h"

namespace ectl::cli {
namespace {

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// etcdctl's key-value: key and value as base64 (value omitted when empty), revisions,
// version and lease as numbers.
void FromGetJson(const nlohmann::json& object, mvccpb::KeyValue& kv) {
  kv.Clear();
  if (!object.is_object()) throw BadRecord("not a JSON object");
  auto bytes = [&](const char* name, std::string* out, bool required) {
    auto it = object.find(name);
    if (it == object.end()) {
      if (required) throw BadRecord(std::string("no ") + name);
      return;
    }
    if (!it->is_string() || !DecodeBase64(it->get_ref<const std::string&>(), *out)) {
      throw BadRecord(std::string(name) + ": not valid base64");
    }
  };
  auto number = [&](const char* name) -> int64_t {
    auto it = object.find(name);
    if (it == object.end()) return 0;
    if (!it->is_number_integer()) throw BadRecord(std::string(name) + ": not an integer");
    return it->get<int64_t>();
  };
  bytes("key", kv.mutable_key(), true);
  if (kv.key().empty()) throw BadRecord("empty key");
  bytes("value", kv.mutable_value(), false);
  kv.set_create_revision(number("create_revision"));
  kv.set_mod_revision(number("mod_revision"));
  kv.set_version(number("version"));
  kv.set_lease(number("lease"));
}

// A varint's length, for the size estimate.
size_t VarintBytes(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

size_t FieldBytes(size_t length) { return 1 + VarintBytes(length) + length; }

}  // namespace

bool LineReader::Next(std::string& line) {
  while (std::getline(in_, line)) {
    ++line_number_;
    if (!Blank(line)) return true;
  }
  return false;
}

void ParseExportLine(std::string_view line, mvccpb::KeyValue& kv) {
  nlohmann::ordered_json object;
  try {
    object = nlohmann::ordered_json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> the
    // part after the position, which says what was wrong.
    if (auto at = what.find(": "); at != std::string::npos) what = what.substr(at + 2);
    throw BadRecord("not JSON: " + what);
  }
  try {
    output::KeyValueFromObject(object, kv);
  } catch (const output::KeyValueObjectError& e) {
    throw BadRecord(e.what());
  }
}

bool IsGetJsonDocument(std::string_view first_line) {
  size_t i = first_line.find_first_not_of(" \t\r");
  if (i == std::string_view::npos || first_line[i] != '{') return false;
  i = first_line.find_first_not_of(" \t\r", i + 1);
  if (i == std::string_view::npos) return true;  // "{" alone: a pretty-printed document
  std::string_view rest = first_line.substr(i);
  for (std::string_view field : {"\"header\"", "\"kvs\"", "\"count\"", "\"more\""}) {
    if (rest.substr(0, field.size()) == field) return true;
  }
  return false;
}

void ForEachGetJsonKeyValue(std::string_view document,
                            const std::function<void(mvccpb::KeyValue&, int64_t)>& each) {
  // The parser's callback sees each element of "kvs" when it is complete, hands it on
  // and drops it, so the document's key-values are never all held at once.
  mvccpb::KeyValue kv;
  int64_t index = 0;
  bool in_kvs = false;
  auto callback = [&](int depth, nlohmann::json::parse_event_t event,
                      nlohmann::json& parsed) -> bool {
    using E = nlohmann::json::parse_event_t;
    if (depth == 1 && event == E::key) in_kvs = parsed == "kvs";
    if (in_kvs && depth == 2 && event == E::object_end) {
      try {
        FromGetJson(parsed, kv);
      } catch (const BadRecord& e) {
        throw BadRecord("kvs[" + std::to_string(index) + "]: " + e.what());
      }
      each(kv, index++);
      return false;
    }
    return true;
  };
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(document, callback);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    if (auto at = what.find(": "); at != std::string::npos) what = what.substr(at + 2);
    throw BadRecord("not JSON: " + what);
  }
  if (!root.is_object()) throw BadRecord("not a JSON object");
}

void RewritePrefix(std::string& key, const std::string& from, const std::string& to) {
  if (key.compare(0, from.size(), from) != 0) {
    throw BadRecord("key does not start with --prefix-from " + GoQuote(from) + ": " +
                    GoQuote(key));
  }
  key.replace(0, from.size(), to);
  if (key.empty()) throw BadRecord("empty key after the prefix rewrite");
}

size_t ImportItemBytes(const ImportItem& item, bool if_absent) {
  // PutRequest: key, value, lease.
  size_t put = FieldBytes(item.key.size()) + FieldBytes(item.value.size()) +
               (item.lease != 0 ? 1 + VarintBytes(static_cast<uint64_t>(item.lease)) : 0);
  size_t op = FieldBytes(put);  // RequestOp{request_put}
  if (!if_absent) return FieldBytes(op);  // TxnRequest.success
  // Compare{result EQUAL (0, omitted), target CREATE, key, create_revision 0} and the
  // put inside a nested TxnRequest inside a RequestOp.
  size_t compare = 2 + FieldBytes(item.key.size()) + 2;
  size_t txn = FieldBytes(compare) + FieldBytes(op);
  return FieldBytes(FieldBytes(txn));
}

etcdserverpb::TxnRequest BuildImportTxn(const std::vector<ImportItem>& items, bool if_absent,
                                        bool with_leases) {
  etcdserverpb::TxnRequest txn;
  for (const ImportItem& item : items) {
    etcdserverpb::RequestOp* op = txn.add_success();
    etcdserverpb::PutRequest* put;
    if (if_absent) {
      etcdserverpb::TxnRequest* inner = op->mutable_request_txn();
      etcdserverpb::Compare* compare = inner->add_compare();
      compare->set_result(etcdserverpb::Compare::EQUAL);
      compare->set_target(etcdserverpb::Compare::CREATE);
      compare->set_key(item.key);
      compare->set_create_revision(0);
      put = inner->add_success()->mutable_request_put();
    } else {
      put = op->mutable_request_put();
    }
    put->set_key(item.key);
    put->set_value(item.value);
    if (with_leases) put->set_lease(item.lease);
  }
  return txn;
}

etcdserverpb::RangeRequest BuildExportRange(const std::vector<std::string>& args, bool prefix,
                                            bool from_key, int64_t rev) {
  etcdserverpb::RangeRequest request;
  if (args.empty()) {
    request.set_key(std::string(1, '\0'));
    request.set_range_end(std::string(1, '\0'));
    request.set_revision(rev);
    return request;
  }
  GetFlags flags;
  flags.prefix = prefix;
  flags.from_key = from_key;
  flags.rev = rev;
  return client::OpGet(BuildGet(args, flags)).request_range();
}

}  // namespace ectl::cli
