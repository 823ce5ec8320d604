// Printer: renders etcd responses in one output format (simple, json, fields, table,
// protobuf), byte-for-byte as etcdctl 3.4 does.
//
// One dispatch style for every result: each result is a virtual method here, the base
// class refuses it with "<format> not supported as output format", and each format class
// overrides the results it supports. What a format supports is what it overrides
// (output/format.h), so Require() and the overrides cannot disagree. Commands call
// Require() before their RPC, so a refused format never follows a change already made on
// the server. Printers write to the std::ostream they were given (tests pass a
// stringstream), through an internal buffer flushed in large chunks.
#ifndef ECTL_OUTPUT_PRINTER_H_
#define ECTL_OUTPUT_PRINTER_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace etcdserverpb {
class RangeResponse;
class PutResponse;
class DeleteRangeResponse;
class TxnResponse;
class ResponseHeader;
class AuthRoleGetResponse;
class AuthRoleListResponse;
class AuthUserGetResponse;
class AuthUserListResponse;
class AuthStatusResponse;
}  // namespace etcdserverpb

namespace google::protobuf {
class MessageLite;
}

namespace mvccpb {
class KeyValue;
}

// lease
namespace etcdserverpb {
class LeaseGrantResponse;
class LeaseRevokeResponse;
class LeaseTimeToLiveResponse;
class LeaseLeasesResponse;
class LeaseKeepAliveResponse;
}  // namespace etcdserverpb

namespace ectl::output {

// The kinds of result a command prints; used to refuse a format before any RPC.
enum class Result {
  kGet,
  kPut,
  kDelete,
  kTxn,
  // lease results
  kLeaseGrant,
  kLeaseRevoke,
  kLeaseTimeToLive,
  kLeaseList,
  kLeaseKeepAlive,

  // watch results
  kWatch,

  // cluster and maintenance results
  kMemberList,
  kMemberAdd,
  kMemberChange,  // member remove, update, promote
  kEndpointHealth,
  kEndpointStatus,
  kEndpointHashKV,
  kAlarm,
  kMoveLeader,
  kSnapshotStatus,

  // auth results
  kAuthChange,  // a user or role mutation: fixed text in simple, the header elsewhere
  kAuthStatus,
  kUserGet,
  kUserList,
  kRoleGet,
  kRoleList,

  // concurrency results
};

struct GetPrintOptions {
  bool value_only = false;  // --print-value-only (simple only)
};

class Printer {
 public:
  virtual ~Printer();
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  // Throws Error(kBadFeature, "<format> not supported as output format") when this
  // format cannot print results of this kind.
  void Require(Result kind) const;

  // A range result, streamed: RangeBegin, each key-value in order, RangeEnd. A large
  // result is printed as it is decoded (client/range_reader.h). header may be null.
  virtual void RangeBegin(const etcdserverpb::ResponseHeader* header,
                          const GetPrintOptions& options);
  virtual void RangeKeyValue(const mvccpb::KeyValue& kv);
  virtual void RangeEnd(bool more, int64_t count);
  // A whole range result at once, through the three calls above.
  void Get(const etcdserverpb::RangeResponse& r, const GetPrintOptions& options);
  virtual void Put(const etcdserverpb::PutResponse& r);
  virtual void Delete(const etcdserverpb::DeleteRangeResponse& r);
  virtual void Txn(const etcdserverpb::TxnResponse& r);

  // lease
  virtual void LeaseGrant(const etcdserverpb::LeaseGrantResponse& r);
  // id is the lease as given on the command line (the response does not carry it).
  virtual void LeaseRevoke(int64_t id, const etcdserverpb::LeaseRevokeResponse& r);
  // keys: --keys was given (simple lists the attached keys only then).
  virtual void LeaseTimeToLive(const etcdserverpb::LeaseTimeToLiveResponse& r, bool keys);
  virtual void LeaseList(const etcdserverpb::LeaseLeasesResponse& r);
  // One response of a keep-alive stream; written out at once.
  virtual void LeaseKeepAlive(const etcdserverpb::LeaseKeepAliveResponse& r);
  // The stream ended because the lease is gone. Only simple prints a line for it (as
  // etcdctl does); the base does nothing, so every format accepts the call.
  virtual void LeaseKeepAliveEnded(int64_t id);

  // watch
  // One watch response (output/watch_result.h).
  virtual void Watch(const struct WatchResult& r);

  // cluster and maintenance
  // The result types are in output/cluster_results.h.
  virtual void MemberList(const struct MemberListResult& r);
  virtual void MemberAdd(const struct MemberAddResult& r);
  virtual void MemberChange(const struct MemberChangeResult& r);
  virtual void EndpointHealth(const struct EndpointHealthResult& r);
  virtual void EndpointStatus(const struct EndpointStatusResult& r);
  virtual void EndpointHashKV(const struct EndpointHashKVResult& r);
  virtual void Alarm(const struct AlarmResult& r);
  virtual void MoveLeader(const struct MoveLeaderResult& r);
  virtual void SnapshotStatus(const struct SnapshotStatusResult& r);

  // auth
  // A user or role mutation: simple prints text (one line, newline added), json the
  // {"header":...} object, fields the header, protobuf the message.
  virtual void AuthChange(const google::protobuf::MessageLite& r,
                          const etcdserverpb::ResponseHeader& header, std::string_view text);
  virtual void AuthStatus(const etcdserverpb::AuthStatusResponse& r);
  virtual void UserGet(const etcdserverpb::AuthUserGetResponse& r, std::string_view name);
  virtual void UserList(const etcdserverpb::AuthUserListResponse& r);
  virtual void RoleGet(const etcdserverpb::AuthRoleGetResponse& r, std::string_view name);
  virtual void RoleList(const etcdserverpb::AuthRoleListResponse& r);

  // concurrency

  // Writes buffered output to the stream.
  void Flush();
  // Colour where it helps a person (simple's watch event types, table headers); set by
  // the CLI only for a terminal (or --color=always). Off by default.
  void set_color(bool on) { color_ = on; }
  [[nodiscard]] const std::string& name() const { return name_; }

 protected:
  Printer(std::ostream& out, std::string name, bool hex);
  // Whether this format prints results of this kind: each format answers
  // Overrides<Format>(kind) (output/format.h).
  [[nodiscard]] virtual bool Supports(Result kind) const = 0;
  [[noreturn]] void Unsupported() const;

  // Appends to the buffer, flushing it once it grows large.
  void Write(std::string_view text);
  void MaybeFlush();
  std::string& buffer() { return buf_; }
  [[nodiscard]] bool hex() const { return hex_; }
  [[nodiscard]] bool color() const { return color_; }

 private:
  std::ostream& out_;
  std::string name_;
  bool hex_;
  bool color_ = false;
  std::string buf_;
};

// Builds the printer for a -w value; throws Error(kBadFeature, "unsupported output
// format") for an unknown one.
std::unique_ptr<Printer> MakePrinter(std::string_view format, bool hex, std::ostream& out);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_PRINTER_H_
