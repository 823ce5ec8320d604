// The lock and election recipes of etcd's client, over plain KV, Txn and Watch calls (not
// the v3lock/v3election services), so that ectl and etcdctl contenders queue together.
//
// Both keep one key per session, "<name>/<lease ID in %x>", attached to the session's
// lease; the key with the lowest create revision under "<name>/" holds the lock (or
// leads). A contender waits for the deletion of the newest key created before its own,
// then looks again, until none is older. Every unary call has the command timeout; the
// waits last until the Canceller fires (Cancelled) or the server fails the watch.
#ifndef ECTL_CLIENT_CONCURRENCY_H_
#define ECTL_CLIENT_CONCURRENCY_H_

#include <cstdint>
#include <functional>
#include <string>

#include "client/canceller.h"
#include "etcdserverpb/rpc.pb.h"

namespace ectl::client {

class Client;
class Session;

// "<prefix><lease in lower-case hex>", the recipes' key for a session.
std::string SessionKey(const std::string& prefix, int64_t lease);

// Waits until no key under prefix has a create revision <= max_create_rev; returns the
// header of the last range read.
etcdserverpb::ResponseHeader WaitDeletes(const Client& client, const std::string& prefix,
                                         int64_t max_create_rev, Canceller& canceller);

class Mutex {
 public:
  Mutex(const Client& client, const Session& session, const std::string& name);

  // Queues for the lock and returns once held. On failure while waiting the key is
  // deleted again and the error rethrown.
  void Lock(Canceller& canceller);
  // Deletes the key.
  void Unlock();

  [[nodiscard]] const std::string& key() const { return key_; }
  // The revision at which the lock was known to be held (ETCD_LOCK_REV).
  [[nodiscard]] int64_t revision() const { return header_.revision(); }

 private:
  const Client& client_;
  const Session& session_;
  std::string prefix_;
  std::string key_;
  int64_t create_rev_ = 0;
  etcdserverpb::ResponseHeader header_;
};

class Election {
 public:
  Election(const Client& client, const Session& session, const std::string& name);

  // Puts the proposal under the session's key and waits until it leads.
  void Campaign(const std::string& value, Canceller& canceller);
  // Replaces the leader's value (only while this session's key is the one campaigned).
  void Proclaim(const std::string& value);
  // Deletes the key if it is still the one campaigned with.
  void Resign();

  [[nodiscard]] const std::string& key() const { return key_; }

 private:
  const Client& client_;
  const Session& session_;
  std::string prefix_;
  std::string key_;
  int64_t leader_rev_ = 0;
};

// Reports the leader of election `name` (a range response with the leader's key-value)
// each time it changes or proclaims a new value, until the canceller fires.
void ObserveElection(const Client& client, const std::string& name, Canceller& canceller,
                     const std::function<void(const etcdserverpb::RangeResponse&)>& report);

}  // namespace ectl::client

#endif  // ECTL_CLIENT_CONCURRENCY_H_
