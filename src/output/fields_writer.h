// The lines of the fields format, shared by every fields printer: `"Name" : value`, with
// strings and bytes in Go's %q quoting, as etcdctl's fields printer writes them.
#ifndef ECTL_OUTPUT_FIELDS_WRITER_H_
#define ECTL_OUTPUT_FIELDS_WRITER_H_

#include <string>
#include <string_view>

namespace etcdserverpb {
class ResponseHeader;
}
namespace mvccpb {
class KeyValue;
}

namespace ectl::output {

// `"<prefix><name>" : <value>`
void FieldLine(std::string& out, std::string_view prefix, std::string_view name,
               std::string_view value);
// `"<prefix><name>" : <%q of bytes>`
void FieldQuoted(std::string& out, std::string_view prefix, std::string_view name,
                 std::string_view bytes);
// ClusterID, MemberID, Revision, RaftTerm.
void FieldHeader(std::string& out, const etcdserverpb::ResponseHeader& h);
// Key, CreateRevision, ModRevision, Version, Value, Lease, each name after prefix ("Prev").
void FieldKeyValue(std::string& out, std::string_view prefix, const mvccpb::KeyValue& kv);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_FIELDS_WRITER_H_
