// Internal to output/: what a format supports follows from what it overrides.
//
// Every format class answers Supports(kind) with Overrides<ItsClass>(kind), so the
// results a format prints and the results Require() accepts are one list: the
// overrides. `&F::Put` names F's own method when F declares one and Printer's otherwise,
// which the two pointer types tell apart at compile time. The overrides must be public.
#ifndef ECTL_OUTPUT_FORMAT_H_
#define ECTL_OUTPUT_FORMAT_H_

#include <type_traits>

#include "output/printer.h"

namespace ectl::output {

namespace format_internal {
template <typename Mine, typename Base>
constexpr bool Declared(Mine, Base) {
  return !std::is_same_v<Mine, Base>;
}
}  // namespace format_internal

template <typename F>
constexpr bool Overrides(Result kind) {
  using format_internal::Declared;
  switch (kind) {
    case Result::kGet: return Declared(&F::RangeBegin, &Printer::RangeBegin);
    case Result::kPut: return Declared(&F::Put, &Printer::Put);
    case Result::kDelete: return Declared(&F::Delete, &Printer::Delete);
    case Result::kTxn: return Declared(&F::Txn, &Printer::Txn);
    case Result::kLeaseGrant: return Declared(&F::LeaseGrant, &Printer::LeaseGrant);
    case Result::kLeaseRevoke: return Declared(&F::LeaseRevoke, &Printer::LeaseRevoke);
    case Result::kLeaseTimeToLive:
      return Declared(&F::LeaseTimeToLive, &Printer::LeaseTimeToLive);
    case Result::kLeaseList: return Declared(&F::LeaseList, &Printer::LeaseList);
    case Result::kLeaseKeepAlive: return Declared(&F::LeaseKeepAlive, &Printer::LeaseKeepAlive);
    case Result::kWatch: return Declared(&F::Watch, &Printer::Watch);
    case Result::kMemberList: return Declared(&F::MemberList, &Printer::MemberList);
    case Result::kMemberAdd: return Declared(&F::MemberAdd, &Printer::MemberAdd);
    case Result::kMemberChange: return Declared(&F::MemberChange, &Printer::MemberChange);
    case Result::kEndpointHealth: return Declared(&F::EndpointHealth, &Printer::EndpointHealth);
    case Result::kEndpointStatus: return Declared(&F::EndpointStatus, &Printer::EndpointStatus);
    case Result::kEndpointHashKV: return Declared(&F::EndpointHashKV, &Printer::EndpointHashKV);
    case Result::kAlarm: return Declared(&F::Alarm, &Printer::Alarm);
    case Result::kMoveLeader: return Declared(&F::MoveLeader, &Printer::MoveLeader);
    case Result::kSnapshotStatus: return Declared(&F::SnapshotStatus, &Printer::SnapshotStatus);
    case Result::kAuthChange: return Declared(&F::AuthChange, &Printer::AuthChange);
    case Result::kAuthStatus: return Declared(&F::AuthStatus, &Printer::AuthStatus);
    case Result::kUserGet: return Declared(&F::UserGet, &Printer::UserGet);
    case Result::kUserList: return Declared(&F::UserList, &Printer::UserList);
    case Result::kRoleGet: return Declared(&F::RoleGet, &Printer::RoleGet);
    case Result::kRoleList: return Declared(&F::RoleList, &Printer::RoleList);
  }
  return false;
}

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_FORMAT_H_
