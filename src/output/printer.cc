#include "output/printer.h"

#include <ostream>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/fields.h"
#include "output/json.h"
#include "output/jsonl.h"
#include "output/protobuf.h"
#include "output/simple.h"
#include "output/table.h"

namespace ectl::output {
namespace {
constexpr size_t kFlushBytes = 1 << 16;
}

Printer::Printer(std::ostream& out, std::string name, bool hex)
    : out_(out), name_(std::move(name)), hex_(hex) {}

Printer::~Printer() {
  // Output already produced must reach the stream even when a command ends in an error.
  Flush();
}

void Printer::Require(Result kind) const {
  if (!Supports(kind)) Unsupported();
}

void Printer::Unsupported() const {
  throw Error(ExitCode::kBadFeature, name_ + " not supported as output format");
}

void Printer::RangeBegin(const etcdserverpb::ResponseHeader*, const GetPrintOptions&) {
  Unsupported();
}
void Printer::RangeKeyValue(const mvccpb::KeyValue&) { Unsupported(); }
void Printer::RangeEnd(bool, int64_t) { Unsupported(); }

void Printer::Get(const etcdserverpb::RangeResponse& r, const GetPrintOptions& options) {
  RangeBegin(r.has_header() ? &r.header() : nullptr, options);
  for (const auto& kv : r.kvs()) RangeKeyValue(kv);
  RangeEnd(r.more(), r.count());
}
void Printer::Put(const etcdserverpb::PutResponse&) { Unsupported(); }
void Printer::Delete(const etcdserverpb::DeleteRangeResponse&) { Unsupported(); }
void Printer::Txn(const etcdserverpb::TxnResponse&) { Unsupported(); }

// lease
void Printer::LeaseGrant(const etcdserverpb::LeaseGrantResponse&) { Unsupported(); }
void Printer::LeaseRevoke(int64_t, const etcdserverpb::LeaseRevokeResponse&) { Unsupported(); }
void Printer::LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse&, bool) {
  Unsupported();
}
void Printer::LeaseList(const etcdserverpb::LeaseLeasesResponse&) { Unsupported(); }
void Printer::LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse&) { Unsupported(); }
void Printer::LeaseKeepAliveEnded(int64_t) {}

// watch
void Printer::Watch(const WatchResult&) { Unsupported(); }

// cluster and maintenance
void Printer::MemberList(const MemberListResult&) { Unsupported(); }
void Printer::MemberAdd(const MemberAddResult&) { Unsupported(); }
void Printer::MemberChange(const MemberChangeResult&) { Unsupported(); }
void Printer::EndpointHealth(const EndpointHealthResult&) { Unsupported(); }
void Printer::EndpointStatus(const EndpointStatusResult&) { Unsupported(); }
void Printer::EndpointHashKV(const EndpointHashKVResult&) { Unsupported(); }
void Printer::Alarm(const AlarmResult&) { Unsupported(); }
void Printer::MoveLeader(const MoveLeaderResult&) { Unsupported(); }
void Printer::SnapshotStatus(const SnapshotStatusResult&) { Unsupported(); }

// auth
void Printer::AuthChange(const google::protobuf::MessageLite&, const etcdserverpb::ResponseHeader&,
                         std::string_view) {
  Unsupported();
}
void Printer::AuthStatus(const etcdserverpb::AuthStatusResponse&) { Unsupported(); }
void Printer::UserGet(const etcdserverpb::AuthUserGetResponse&, std::string_view) {
  Unsupported();
}
void Printer::UserList(const etcdserverpb::AuthUserListResponse&) { Unsupported(); }
void Printer::RoleGet(const etcdserverpb::AuthRoleGetResponse&, std::string_view) {
  Unsupported();
}
void Printer::RoleList(const etcdserverpb::AuthRoleListResponse&) { Unsupported(); }

void Printer::Write(std::string_view text) {
  buf_.append(text);
  MaybeFlush();
}

void Printer::MaybeFlush() {
  if (buf_.size() >= kFlushBytes) Flush();
}

void Printer::Flush() {
  if (buf_.empty()) return;
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  out_.flush();
  buf_.clear();
}

std::unique_ptr<Printer> MakePrinter(std::string_view format, bool hex, std::ostream& out) {
  if (format == "simple") return MakeSimplePrinter(out, hex);
  if (format == "json") return MakeJsonPrinter(out, hex);
  if (format == "jsonl") return MakeJsonlPrinter(out, hex);
  if (format == "fields") return MakeFieldsPrinter(out, hex);
  if (format == "protobuf") return MakeProtobufPrinter(out, hex);
  if (format == "table") return MakeTablePrinter(out, hex);
  throw Error(ExitCode::kBadFeature, "unsupported output format");
}

}  // namespace ectl::output
