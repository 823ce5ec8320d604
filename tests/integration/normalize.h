// Making outputs of two mutating runs comparable.
//
// When etcdctl and ectl each run the same put/del, the store revision has
// moved on between the runs, so the header revision and every kv's
// create/mod revision differ by a constant. The test re-creates the same
// starting state before each run and records the store revision `base` just
// before the command; these functions then rewrite every revision number N
// as "<base+K>" (K = N - base), so the outputs compare equal exactly when the
// revisions are equal relative to the starting point.
//
// "version" is deliberately NOT masked: with the starting state re-created
// (keys deleted and put again) the versions are identical in both runs, so
// comparing them keeps one more fact under test.
//
// Deliberately knows only the three KV responses (Range, Put, DeleteRange)
// for protobuf output, which is all the put/get/del tests produce.

#ifndef ECTL_TESTS_INTEGRATION_NORMALIZE_H_
#define ECTL_TESTS_INTEGRATION_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ectl::integration {

enum class Format { kSimple, kJson, kFields, kProtobuf, kTable };

// Output of `format` with revisions made relative to `base`. Simple and table
// output carry no revisions and come back unchanged. Protobuf bytes come back
// as a readable dump (field numbers, values, nested messages); bytes that do
// not parse as a KV response come back as "unparseable protobuf: <hex>".
std::string NormalizeRevisions(Format format, std::string_view output,
                               int64_t base);

// Protobuf wire bytes of a RangeResponse, PutResponse or DeleteRangeResponse
// as text, revisions relative to `base`. Exposed for failure messages.
std::string DumpKvResponse(std::string_view bytes, int64_t base);

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_NORMALIZE_H_
