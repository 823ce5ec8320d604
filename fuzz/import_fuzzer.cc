// Fuzz target: import's reader (cli/commands/bulk_requests.h) over random input, as
// `ectl import` sees a file: export's JSON lines, or etcdctl's `get -w json` document.
// Every accepted record is rewritten with a prefix and turned into the transaction it
// would be sent in, with and without --if-absent. A refused record is BadRecord; any
// other exception or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "cli/commands/bulk_requests.h"
#include "etcdserverpb/rpc.pb.h"
#include "mvccpb/kv.pb.h"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

namespace {

void Add(std::vector<ectl::cli::ImportItem>& items, const mvccpb::KeyValue& kv, int64_t line) {
  ectl::cli::ImportItem item{kv.key(), kv.value(), kv.lease(), line};
  try {
    ectl::cli::RewritePrefix(item.key, "a", "bb");
  } catch (const ectl::cli::BadRecord&) {
  }
  (void)ectl::cli::ImportItemBytes(item, false);
  (void)ectl::cli::ImportItemBytes(item, true);
  items.push_back(std::move(item));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<ectl::cli::ImportItem> items;
  std::istringstream in(input);
  ectl::cli::LineReader reader(in);
  std::string line;
  mvccpb::KeyValue kv;
  bool have = reader.Next(line);
  if (have && ectl::cli::IsGetJsonDocument(line)) {
    try {
      ectl::cli::ForEachGetJsonKeyValue(
          input, [&](mvccpb::KeyValue& each, int64_t index) { Add(items, each, index + 1); });
    } catch (const ectl::cli::BadRecord&) {
    }
  } else {
    for (; have; have = reader.Next(line)) {
      try {
        ectl::cli::ParseExportLine(line, kv);
        Add(items, kv, reader.line_number());
      } catch (const ectl::cli::BadRecord&) {
      }
    }
  }
  for (bool if_absent : {false, true}) {
    for (bool with_leases : {false, true}) {
      (void)ectl::cli::BuildImportTxn(items, if_absent, with_leases).ByteSizeLong();
    }
  }
  return 0;
}
