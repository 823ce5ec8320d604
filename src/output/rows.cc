#include "output/rows.h"

#include <cmath>
#include <cstdio>

namespace ectl::output {
namespace {

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& parts, const char* sep) {
  std::string out;
  for (int i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

const char* Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

std::string Hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string AlarmName(int alarm) {
  switch (alarm) {
    case etcdserverpb::NONE: return "NONE";
    case etcdserverpb::NOSPACE: return "NOSPACE";
    case etcdserverpb::CORRUPT: return "CORRUPT";
  }
  return std::to_string(alarm);
}

std::string PaddedHex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%16llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string HumanizeBytes(uint64_t size) {
  static const char* const kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  if (size < 10) return std::to_string(size) + " B";
  double s = static_cast<double>(size);
  double e = std::floor(std::log(s) / std::log(1000.0));
  double value = std::floor(s / std::pow(1000.0, e) * 10 + 0.5) / 10;
  char buf[64];
  std::snprintf(buf, sizeof buf, value < 10 ? "%.1f %s" : "%.0f %s", value,
                kUnits[static_cast<int>(e)]);
  return buf;
}

Rows MemberListRows(const etcdserverpb::MemberListResponse& r) {
  Rows t{{"ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"}, {}};
  for (const auto& m : r.members()) {
    // etcdctl calls a member without a name "unstarted".
    t.rows.push_back({Hex(m.id()), m.name().empty() ? "unstarted" : "started", m.name(),
                      Join(m.peerurls(), ","), Join(m.clienturls(), ","), Bool(m.islearner())});
  }
  return t;
}

Rows EndpointHealthRows(const std::vector<EndpointHealth>& list) {
  Rows t{{"endpoint", "health", "took", "error"}, {}};
  for (const auto& h : list) t.rows.push_back({h.endpoint, Bool(h.health), h.took, h.error});
  return t;
}

Rows EndpointStatusRows(const std::vector<EndpointStatus>& list) {
  Rows t{{"endpoint", "ID", "version", "db size", "is leader", "is learner", "raft term",
          "raft index", "raft applied index", "errors"},
         {}};
  for (const auto& e : list) {
    const auto& s = e.status;
    t.rows.push_back({e.endpoint, Hex(s.header().member_id()), s.version(),
                      HumanizeBytes(static_cast<uint64_t>(s.dbsize())),
                      Bool(s.leader() == s.header().member_id()), Bool(s.islearner()),
                      std::to_string(s.raftterm()), std::to_string(s.raftindex()),
                      std::to_string(s.raftappliedindex()), Join(s.errors(), ", ")});
  }
  return t;
}

Rows EndpointHashKVRows(const std::vector<EndpointHashKV>& list) {
  Rows t{{"endpoint", "hash"}, {}};
  for (const auto& h : list) t.rows.push_back({h.endpoint, std::to_string(h.hash.hash())});
  return t;
}

Rows SnapshotStatusRows(const SnapshotStatusResult& s) {
  return Rows{{"hash", "revision", "total keys", "total size"},
              {{Hex(s.hash), std::to_string(s.revision), std::to_string(s.total_key),
                HumanizeBytes(static_cast<uint64_t>(s.total_size))}}};
}

}  // namespace ectl::output
