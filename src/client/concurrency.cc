#include "client/concurrency.h"

#include <cstdio>

#include "client/client.h"
#include "client/event_stream.h"
#include "client/op.h"
#include "client/rpc_error.h"
#include "client/session.h"
#include "common/bytes.h"

namespace ectl::client {
namespace {

using etcdserverpb::Compare;
using etcdserverpb::RangeResponse;
using etcdserverpb::TxnRequest;

// The key under prefix with the lowest (first) or highest (last) create revision.
GetOptions Top(const std::string& prefix, SortOrder order, int64_t max_create_rev = 0) {
  GetOptions o;
  o.range.key = prefix;
  o.range.prefix = true;
  o.limit = 1;
  o.target = SortTarget::kCreate;
  o.order = order;
  o.max_create_revision = max_create_rev;
  return o;
}

GetOptions Single(const std::string& key) {
  GetOptions o;
  o.range.key = key;
  return o;
}

Compare CreateRevisionIs(const std::string& key, int64_t rev) {
  Compare c;
  c.set_result(Compare::EQUAL);
  c.set_target(Compare::CREATE);
  c.set_key(key);
  c.set_create_revision(rev);
  return c;
}

// A put of key attached to the session's lease, so the key ends with the session.
etcdserverpb::RequestOp SessionPut(const std::string& key, const std::string& value,
                                   const Session& session) {
  PutOptions put;
  put.key = key;
  put.value = value;
  put.lease = session.lease();
  return OpPut(put);
}

RangeResponse Range(const Client& client, const GetOptions& options) {
  return Do(client, OpGet(options), client.command_timeout()).response_range();
}

// Returns once a DELETE of key is seen at or after rev.
void WaitDelete(const Client& client, const std::string& key, int64_t rev,
                Canceller& canceller) {
  EventStream stream(client, {key, "", rev}, canceller);
  for (;;) {
    auto response = stream.Next();
    for (const auto& ev : response.events()) {
      if (ev.type() == mvccpb::Event::DELETE) return;
    }
  }
}

}  // namespace

std::string SessionKey(const std::string& prefix, int64_t lease) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "%llx",
                static_cast<unsigned long long>(static_cast<uint64_t>(lease)));
  return prefix + hex;
}

etcdserverpb::ResponseHeader WaitDeletes(const Client& client, const std::string& prefix,
                                         int64_t max_create_rev, Canceller& canceller) {
  for (;;) {
    canceller.Check();
    RangeResponse r = Range(client, Top(prefix, SortOrder::kDescend, max_create_rev));
    if (r.kvs_size() == 0) return r.header();
    WaitDelete(client, r.kvs(0).key(), r.header().revision(), canceller);
  }
}

Mutex::Mutex(const Client& client, const Session& session, const std::string& name)
    : client_(client), session_(session), prefix_(name + "/") {}

void Mutex::Lock(Canceller& canceller) {
  key_ = SessionKey(prefix_, session_.lease());
  TxnRequest txn;
  *txn.add_compare() = CreateRevisionIs(key_, 0);
  *txn.add_success() = SessionPut(key_, "", session_);
  *txn.add_success() = OpGet(Top(prefix_, SortOrder::kAscend));
  // The key may exist already when this session holds the lock.
  *txn.add_failure() = OpGet(Single(key_));
  *txn.add_failure() = OpGet(Top(prefix_, SortOrder::kAscend));
  auto resp = Txn(client_, txn, client_.command_timeout());
  create_rev_ = resp.header().revision();
  if (!resp.succeeded()) {
    create_rev_ = resp.responses(0).response_range().kvs(0).create_revision();
  }
  const auto& owner = resp.responses(1).response_range().kvs();
  if (owner.empty() || owner[0].create_revision() == create_rev_) {
    header_ = resp.header();
    return;
  }
  try {
    header_ = WaitDeletes(client_, prefix_, create_rev_ - 1, canceller);
  } catch (...) {
    // Leave the queue rather than block those behind until the lease ends.
    try {
      Unlock();
    } catch (const std::exception&) {
    }
    throw;
  }
}

void Mutex::Unlock() {
  DeleteOptions del;
  del.range.key = key_;
  (void)Do(client_, OpDelete(del), client_.command_timeout());
}

Election::Election(const Client& client, const Session& session, const std::string& name)
    : client_(client), session_(session), prefix_(name + "/") {}

void Election::Campaign(const std::string& value, Canceller& canceller) {
  key_ = SessionKey(prefix_, session_.lease());
  TxnRequest txn;
  *txn.add_compare() = CreateRevisionIs(key_, 0);
  *txn.add_success() = SessionPut(key_, value, session_);
  *txn.add_failure() = OpGet(Single(key_));
  auto resp = Txn(client_, txn, client_.command_timeout());
  leader_rev_ = resp.header().revision();
  if (!resp.succeeded()) {
    const auto& kv = resp.responses(0).response_range().kvs(0);
    leader_rev_ = kv.create_revision();
    if (kv.value() != value) Proclaim(value);
  }
  try {
    (void)WaitDeletes(client_, prefix_, leader_rev_ - 1, canceller);
  } catch (const Cancelled&) {
    try {
      Resign();
    } catch (const std::exception&) {
    }
    throw;
  }
}

void Election::Proclaim(const std::string& value) {
  TxnRequest txn;
  *txn.add_compare() = CreateRevisionIs(key_, leader_rev_);
  *txn.add_success() = SessionPut(key_, value, session_);
  auto resp = Txn(client_, txn, client_.command_timeout());
  if (!resp.succeeded()) throw RpcError(0, "election: not leader");
}

void Election::Resign() {
  TxnRequest txn;
  *txn.add_compare() = CreateRevisionIs(key_, leader_rev_);
  DeleteOptions del;
  del.range.key = key_;
  *txn.add_success() = OpDelete(del);
  (void)Txn(client_, txn, client_.command_timeout());
}

void ObserveElection(const Client& client, const std::string& name, Canceller& canceller,
                     const std::function<void(const RangeResponse&)>& report) {
  const std::string prefix = name + "/";
  for (;;) {
    canceller.Check();
    RangeResponse first = Range(client, Top(prefix, SortOrder::kAscend));
    RangeResponse leader;
    if (first.kvs_size() > 0) {
      *leader.mutable_header() = first.header();
      *leader.add_kvs() = first.kvs(0);
    } else {
      // No candidate yet: the first key put under the prefix leads.
      EventStream stream(client, {prefix, PrefixEnd(prefix), first.header().revision()},
                         canceller);
      while (leader.kvs_size() == 0) {
        auto wr = stream.Next();
        for (const auto& ev : wr.events()) {
          if (ev.type() != mvccpb::Event::PUT) continue;
          *leader.mutable_header() = wr.header();
          leader.mutable_header()->set_revision(ev.kv().mod_revision());
          *leader.add_kvs() = ev.kv();
          break;
        }
      }
    }
    report(leader);
    // Follow the leader's key: each new value is reported, its deletion ends the term.
    const mvccpb::KeyValue kv = leader.kvs(0);
    EventStream stream(client, {kv.key(), "", leader.header().revision() + 1}, canceller);
    bool deleted = false;
    while (!deleted) {
      auto wr = stream.Next();
      for (const auto& ev : wr.events()) {
        if (ev.type() == mvccpb::Event::DELETE) {
          deleted = true;
          break;
        }
        RangeResponse update = first;
        *update.mutable_header() = wr.header();
        update.clear_kvs();
        *update.add_kvs() = ev.kv();
        report(update);
      }
    }
  }
}

}  // namespace ectl::client
