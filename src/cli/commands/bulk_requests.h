// The pure parts of export and import: the line reader, one input line to a key-value,
// the prefix rewrite, the transaction a batch of keys becomes, and export's range. The
// commands (bulk.cc) add the connection, the pipeline and the reporting.
#ifndef ECTL_CLI_COMMANDS_BULK_REQUESTS_H_
#define ECTL_CLI_COMMANDS_BULK_REQUESTS_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace etcdserverpb {
class RangeRequest;
class TxnRequest;
}  // namespace etcdserverpb
namespace mvccpb {
class KeyValue;
}

namespace ectl::cli {

// Reads lines of any length, numbered from 1, without their '\n' (a last line without
// one counts). Blank lines (only spaces, tabs, '\r') are skipped but counted.
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}
  // The next non-blank line; false at the end of the input.
  bool Next(std::string& line);
  [[nodiscard]] int64_t line_number() const { return line_number_; }

 private:
  std::istream& in_;
  int64_t line_number_ = 0;
};

// What is wrong with one input record (no line number: the caller adds it).
class BadRecord : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One line of export's format (output/kv_object.h) to kv. Throws BadRecord.
void ParseExportLine(std::string_view line, mvccpb::KeyValue& kv);

// Whether the input's first line starts etcdctl's `get -w json` document
// ({"header":...,"kvs":[...]}) rather than export's lines.
bool IsGetJsonDocument(std::string_view first_line);

// Calls each(kv, index) for every element of the document's "kvs" array, in order,
// holding one element at a time (key, value as base64; lease as a decimal number).
// Throws BadRecord ("kvs[3]: value: not valid base64", "not JSON: ...").
void ForEachGetJsonKeyValue(std::string_view document,
                            const std::function<void(mvccpb::KeyValue&, int64_t)>& each);

// --prefix-from/--prefix-to: key with from replaced by to. Throws BadRecord when the key
// does not start with from.
void RewritePrefix(std::string& key, const std::string& from, const std::string& to);

// One key of a batch.
struct ImportItem {
  std::string key;
  std::string value;
  int64_t lease = 0;
  int64_t line = 0;  // input line (or kvs index + 1), for reporting
};

// The bytes one item adds to a TxnRequest (the op's encoded size, an upper bound).
size_t ImportItemBytes(const ImportItem& item, bool if_absent);

// The transaction writing items: a put per item, or with if_absent a nested transaction
// per item (If create_revision(key) = 0 Then put), so that existing keys are skipped one
// by one instead of failing the whole batch. Leases only with with_leases.
etcdserverpb::TxnRequest BuildImportTxn(const std::vector<ImportItem>& items, bool if_absent,
                                        bool with_leases);

// export's range: no key is the whole keyspace; else the key, [key, range_end), --prefix
// or --from-key (etcdctl get's rules and errors); revision rev (0: current).
etcdserverpb::RangeRequest BuildExportRange(const std::vector<std::string>& args, bool prefix,
                                            bool from_key, int64_t rev);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_BULK_REQUESTS_H_
