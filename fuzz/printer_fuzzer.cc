// Fuzz target: the printers (src/output/), every format, fed responses parsed from random
// bytes as a server could send them.
//
// Input: byte 0 picks the result kind (modulo the number of kinds), byte 1 holds option
// bits (hex, --print-value-only, --keys, a null event list), the rest is the response
// message in protobuf wire format. Each of the five formats, with and without --hex,
// prints it when it supports the kind. Printing must not throw or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/stubs/logging.h>

#include "common/error.h"
#include "etcdserverpb/rpc.pb.h"
#include "output/cluster_results.h"
#include "output/printer.h"
#include "output/watch_result.h"

namespace {

using ectl::output::Printer;
using ectl::output::Result;

constexpr std::string_view kFormats[] = {"simple", "json", "jsonl", "fields", "table", "protobuf"};

struct Input {
  uint8_t bits = 0;
  std::string_view bytes;
  [[nodiscard]] bool bit(int i) const { return (bits >> i & 1) != 0; }
};

// Parses the message; false when the bytes are not one.
template <typename M>
bool Parse(const Input& in, M& m) {
  return m.ParseFromArray(in.bytes.data(), static_cast<int>(in.bytes.size()));
}

// One result kind: the Result to Require and how to print a parsed message. Returns
// false when the bytes do not parse.
struct Kind {
  Result result;
  std::function<bool(const Input&, Printer&)> print;
};

template <typename M>
Kind Simple(Result result, void (Printer::*method)(const M&)) {
  return {result, [method](const Input& in, Printer& p) {
            M m;
            if (!Parse(in, m)) return false;
            (p.*method)(m);
            return true;
          }};
}

const std::vector<Kind>& Kinds() {
  static const auto* kinds = new std::vector<Kind>{
      {Result::kGet,
       [](const Input& in, Printer& p) {
         etcdserverpb::RangeResponse m;
         if (!Parse(in, m)) return false;
         p.Get(m, {.value_only = in.bit(1)});
         return true;
       }},
      Simple(Result::kPut, &Printer::Put),
      Simple(Result::kDelete, &Printer::Delete),
      Simple(Result::kTxn, &Printer::Txn),
      Simple(Result::kLeaseGrant, &Printer::LeaseGrant),
      {Result::kLeaseRevoke,
       [](const Input& in, Printer& p) {
         etcdserverpb::LeaseRevokeResponse m;
         if (!Parse(in, m)) return false;
         p.LeaseRevoke(static_cast<int64_t>(m.header().member_id()), m);
         return true;
       }},
      {Result::kLeaseTimeToLive,
       [](const Input& in, Printer& p) {
         etcdserverpb::LeaseTimeToLiveResponse m;
         if (!Parse(in, m)) return false;
         p.LeaseTimeToLive(m, in.bit(2));
         return true;
       }},
      Simple(Result::kLeaseList, &Printer::LeaseList),
      {Result::kLeaseKeepAlive,
       [](const Input& in, Printer& p) {
         etcdserverpb::LeaseKeepAliveResponse m;
         if (!Parse(in, m)) return false;
         p.LeaseKeepAlive(m);
         p.LeaseKeepAliveEnded(m.id());
         return true;
       }},
      {Result::kWatch,
       [](const Input& in, Printer& p) {
         etcdserverpb::WatchResponse m;
         if (!Parse(in, m)) return false;
         p.Watch(ectl::output::WatchResult{m, in.bit(3)});
         return true;
       }},
      {Result::kMemberList,
       [](const Input& in, Printer& p) {
         etcdserverpb::MemberListResponse m;
         if (!Parse(in, m)) return false;
         p.MemberList({m});
         return true;
       }},
      {Result::kMemberAdd,
       [](const Input& in, Printer& p) {
         etcdserverpb::MemberAddResponse m;
         if (!Parse(in, m)) return false;
         std::string name = m.member().name();
         std::string peers = m.member().peerurls_size() > 0 ? m.member().peerurls(0) : "";
         p.MemberAdd({m, name, peers});
         return true;
       }},
      {Result::kMemberChange,
       [](const Input& in, Printer& p) {
         etcdserverpb::MemberRemoveResponse m;
         if (!Parse(in, m)) return false;
         p.MemberChange({"removed from", m.header().member_id(), m.header(), m.members(), m});
         return true;
       }},
      {Result::kEndpointHealth,
       [](const Input& in, Printer& p) {
         // Endpoint names, durations and errors come from the client side; take them
         // from the members of a MemberListResponse.
         etcdserverpb::MemberListResponse m;
         if (!Parse(in, m)) return false;
         std::vector<ectl::output::EndpointHealth> list;
         for (const auto& member : m.members()) {
           list.push_back({member.name(), member.islearner(),
                           member.peerurls_size() > 0 ? member.peerurls(0) : "",
                           member.clienturls_size() > 0 ? member.clienturls(0) : ""});
         }
         std::ostringstream err;
         p.EndpointHealth({list, err});
         return true;
       }},
      {Result::kEndpointStatus,
       [](const Input& in, Printer& p) {
         etcdserverpb::StatusResponse m;
         if (!Parse(in, m)) return false;
         std::vector<ectl::output::EndpointStatus> list{{m.version(), m}, {"127.0.0.1:2379", m}};
         p.EndpointStatus({list});
         return true;
       }},
      {Result::kEndpointHashKV,
       [](const Input& in, Printer& p) {
         etcdserverpb::HashKVResponse m;
         if (!Parse(in, m)) return false;
         std::vector<ectl::output::EndpointHashKV> list{{"127.0.0.1:2379", m}};
         p.EndpointHashKV({list});
         return true;
       }},
      {Result::kAlarm,
       [](const Input& in, Printer& p) {
         etcdserverpb::AlarmResponse m;
         if (!Parse(in, m)) return false;
         p.Alarm({m});
         return true;
       }},
      {Result::kMoveLeader,
       [](const Input& in, Printer& p) {
         etcdserverpb::MoveLeaderResponse m;
         if (!Parse(in, m)) return false;
         p.MoveLeader({m.header().member_id(), m.header().cluster_id(), m});
         return true;
       }},
      {Result::kSnapshotStatus,
       [](const Input& in, Printer& p) {
         etcdserverpb::ResponseHeader m;  // four numbers
         if (!Parse(in, m)) return false;
         p.SnapshotStatus({static_cast<uint32_t>(m.cluster_id()), m.revision(),
                           static_cast<int64_t>(m.member_id()),
                           static_cast<int64_t>(m.raft_term())});
         return true;
       }},
      {Result::kAuthChange,
       [](const Input& in, Printer& p) {
         etcdserverpb::AuthUserAddResponse m;
         if (!Parse(in, m)) return false;
         p.AuthChange(m, m.header(), "User added");
         return true;
       }},
      Simple(Result::kAuthStatus, &Printer::AuthStatus),
      {Result::kUserGet,
       [](const Input& in, Printer& p) {
         etcdserverpb::AuthUserGetResponse m;
         if (!Parse(in, m)) return false;
         p.UserGet(m, m.roles_size() > 0 ? m.roles(0) : "root");
         return true;
       }},
      Simple(Result::kUserList, &Printer::UserList),
      {Result::kRoleGet,
       [](const Input& in, Printer& p) {
         etcdserverpb::AuthRoleGetResponse m;
         if (!Parse(in, m)) return false;
         p.RoleGet(m, "root");
         return true;
       }},
      Simple(Result::kRoleList, &Printer::RoleList),
  };
  return *kinds;
}

}  // namespace

// Parsing random bytes makes protobuf log about invalid UTF-8 in string fields; that is
// expected here and only slows the run down.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const Kind& kind = Kinds()[data[0] % Kinds().size()];
  Input in{data[1], std::string_view(reinterpret_cast<const char*>(data) + 2, size - 2)};
  for (std::string_view format : kFormats) {
    for (bool hex : {false, true}) {
      std::ostringstream out;
      auto printer = ectl::output::MakePrinter(format, hex || in.bit(0), out);
      try {
        printer->Require(kind.result);
      } catch (const ectl::Error&) {
        continue;  // this format refuses the kind, as etcdctl does
      }
      if (!kind.print(in, *printer)) return 0;
      printer->Flush();
    }
  }
  return 0;
}
