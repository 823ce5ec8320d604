#include "output/fields_writer.h"

#include "common/bytes.h"
#include "etcdserverpb/rpc.pb.h"
#include "mvccpb/kv.pb.h"

namespace ectl::output {
namespace {

void Name(std::string& out, std::string_view prefix, std::string_view name) {
  out += '"';
  out += prefix;
  out += name;
  out += "\" : ";
}

}  // namespace

void FieldLine(std::string& out, std::string_view prefix, std::string_view name,
               std::string_view value) {
  Name(out, prefix, name);
  out += value;
  out += '\n';
}

void FieldQuoted(std::string& out, std::string_view prefix, std::string_view name,
                 std::string_view bytes) {
  Name(out, prefix, name);
  AppendGoQuote(out, bytes);
  out += '\n';
}

void FieldHeader(std::string& out, const etcdserverpb::ResponseHeader& h) {
  FieldLine(out, "", "ClusterID", std::to_string(h.cluster_id()));
  FieldLine(out, "", "MemberID", std::to_string(h.member_id()));
  FieldLine(out, "", "Revision", std::to_string(h.revision()));
  FieldLine(out, "", "RaftTerm", std::to_string(h.raft_term()));
}

void FieldKeyValue(std::string& out, std::string_view prefix, const mvccpb::KeyValue& kv) {
  FieldQuoted(out, prefix, "Key", kv.key());
  FieldLine(out, prefix, "CreateRevision", std::to_string(kv.create_revision()));
  FieldLine(out, prefix, "ModRevision", std::to_string(kv.mod_revision()));
  FieldLine(out, prefix, "Version", std::to_string(kv.version()));
  FieldQuoted(out, prefix, "Value", kv.value());
  FieldLine(out, prefix, "Lease", std::to_string(kv.lease()));
}

}  // namespace ectl::output
