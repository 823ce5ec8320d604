// WAL and .snap encoding for restore (see raft_files.h).
#include "offline/raft_files.h"

#include <cstdio>

#include "common/bytes.h"
#include "offline/crc32c.h"
#include "offline/wire.h"

namespace ectl::offline {
namespace {

constexpr uint64_t kTerm = 1;
// The v2 store's event history is a ring of fixed capacity and etcd 3.4 indexes it
// assuming the serialized array has exactly that many slots.
constexpr size_t kEventCapacity = 1000;
constexpr std::string_view kPermanent = "\"ExpireTime\":\"0001-01-01T00:00:00Z\"";

std::string ConfChange(const Member& member) {
  std::string cc;
  wire::Uint(cc, 1, 0);  // ID
  wire::Uint(cc, 2, 0);  // ConfChangeAddNode
  wire::Uint(cc, 3, member.id);
  wire::Bytes(cc, 4, MemberJson(member));
  return cc;
}

std::string WalSnapshot(uint64_t index, uint64_t term) {
  std::string s;
  wire::Uint(s, 1, index);
  wire::Uint(s, 2, term);
  return s;
}

void AppendNode(std::string& out, std::string_view path, uint64_t index, std::string_view value,
                const std::string* children) {
  out += "{\"Path\":";
  AppendJsonString(out, path);
  out += ",\"CreatedIndex\":" + std::to_string(index) +
         ",\"ModifiedIndex\":" + std::to_string(index) + ",";
  out += kPermanent;
  out += ",\"Value\":";
  AppendJsonString(out, value);
  out += ",\"Children\":";
  out += children != nullptr ? *children : "null";
  out += '}';
}

}  // namespace

WalEncoder::WalEncoder(uint32_t seed) : crc_(seed) {
  std::string record;
  wire::Uint(record, 1, static_cast<uint64_t>(WalRecord::kCrc));
  wire::Uint(record, 2, seed);
  Frame(record);
}

void WalEncoder::Add(WalRecord type, std::string_view data) {
  crc_ = Crc32c(crc_, data);
  std::string record;
  wire::Uint(record, 1, static_cast<uint64_t>(type));
  wire::Uint(record, 2, crc_);
  wire::Bytes(record, 3, data);
  Frame(record);
}

void WalEncoder::Frame(const std::string& record) {
  uint64_t n = record.size();
  uint64_t pad = (8 - n % 8) % 8;
  uint64_t field = n | (pad != 0 ? (0x80 | pad) << 56 : 0);
  for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>(field >> (8 * i)));
  bytes_ += record;
  bytes_.append(pad, '\0');
}

std::string RestoreWal(const Membership& m) {
  WalEncoder wal;
  std::string metadata;
  wire::Uint(metadata, 1, m.local_id);
  wire::Uint(metadata, 2, m.cluster_id);
  wal.Add(WalRecord::kMetadata, metadata);
  wal.Add(WalRecord::kSnapshot, WalSnapshot(0, 0));
  for (size_t i = 0; i < m.members.size(); ++i) {
    std::string entry;
    wire::Uint(entry, 1, 1);  // EntryConfChange
    wire::Uint(entry, 2, kTerm);
    wire::Uint(entry, 3, i + 1);
    wire::Bytes(entry, 4, ConfChange(m.members[i]));
    wal.Add(WalRecord::kEntry, entry);
  }
  // The vote goes to the lowest ID, as etcd's own restore records it.
  std::string state;
  wire::Uint(state, 1, kTerm);
  wire::Uint(state, 2, m.members.front().id);
  wire::Uint(state, 3, m.members.size());
  wal.Add(WalRecord::kState, state);
  wal.Add(WalRecord::kSnapshot, WalSnapshot(m.members.size(), kTerm));
  return wal.bytes();
}

std::string V2StoreJson(const Membership& m) {
  const size_t n = m.members.size();
  // Children of /0/members are keyed by hex ID, which Go's JSON sorts as strings;
  // indexes follow the (numeric) order the members were added in.
  std::map<std::string, std::string> dirs;
  for (size_t k = 1; k <= n; ++k) {
    const Member& mem = m.members[k - 1];
    std::string dir = "/0/members/" + HexId(mem.id);
    std::string attrs;
    AppendNode(attrs, dir + "/raftAttributes", k, RaftAttributesJson(mem), nullptr);
    std::string children = "{\"raftAttributes\":" + attrs + "}";
    std::string node;
    AppendNode(node, dir, k, "", &children);
    dirs[HexId(mem.id)] = std::move(node);
  }
  std::string members = "{";
  for (const auto& [hex, node] : dirs) {
    if (members.size() > 1) members += ',';
    AppendJsonString(members, hex);
    members += ':' + node;
  }
  members += '}';
  std::string members_node;
  AppendNode(members_node, "/0/members", 1, "", &members);
  std::string zero_children = "{\"members\":" + members_node + "}";
  std::string zero, one, empty = "{}";
  AppendNode(zero, "/0", 0, "", &zero_children);
  AppendNode(one, "/1", 0, "", &empty);
  std::string root_children = "{\"0\":" + zero + ",\"1\":" + one + "}";

  std::string out = "{\"Root\":";
  AppendNode(out, "/", 0, "", &root_children);
  out += ",\"WatcherHub\":{\"EventHistory\":{\"Queue\":{\"Events\":[";
  for (size_t i = 0; i < kEventCapacity; ++i) {
    if (i > 0) out += ',';
    if (i >= n) {
      out += "null";
      continue;
    }
    const Member& mem = m.members[i];
    out += "{\"action\":\"create\",\"node\":{\"key\":";
    AppendJsonString(out, "/0/members/" + HexId(mem.id) + "/raftAttributes");
    out += ",\"value\":";
    AppendJsonString(out, RaftAttributesJson(mem));
    out += ",\"modifiedIndex\":" + std::to_string(i + 1) +
           ",\"createdIndex\":" + std::to_string(i + 1) + "}}";
  }
  std::string ns = std::to_string(n);
  out += "],\"Size\":" + ns + ",\"Front\":0,\"Back\":" + ns + ",\"Capacity\":" +
         std::to_string(kEventCapacity) + "},\"StartIndex\":1,\"LastIndex\":" + ns +
         "}},\"CurrentIndex\":" + ns + ",\"Stats\":{";
  const char* stats[] = {"getsSuccess",         "getsFail",
                         "setsSuccess",         "setsFail",
                         "deleteSuccess",       "deleteFail",
                         "updateSuccess",       "updateFail",
                         "createSuccess",       "createFail",
                         "compareAndSwapSuccess", "compareAndSwapFail",
                         "compareAndDeleteSuccess", "compareAndDeleteFail",
                         "expireCount",         "watchers"};
  bool first = true;
  for (const char* s : stats) {
    out += first ? "\"" : ",\"";
    first = false;
    out += s;
    out += "\":";
    out += std::string_view(s) == "createSuccess" ? ns : "0";
  }
  out += "},\"CurrentVersion\":2}";
  return out;
}

std::string RestoreSnap(const Membership& m) {
  std::string conf_state;
  for (const Member& mem : m.members) wire::Uint(conf_state, 1, mem.id);  // not packed
  wire::Uint(conf_state, 5, 0);  // auto_leave
  std::string metadata;
  wire::Bytes(metadata, 1, conf_state);
  wire::Uint(metadata, 2, m.members.size());
  wire::Uint(metadata, 3, kTerm);
  std::string snapshot;
  wire::Bytes(snapshot, 1, V2StoreJson(m));
  wire::Bytes(snapshot, 2, metadata);
  std::string file;
  wire::Uint(file, 1, Crc32c(0, snapshot));
  wire::Bytes(file, 2, snapshot);
  return file;
}

std::string RestoreSnapName(const Membership& m) {
  char name[64];
  std::snprintf(name, sizeof name, "%016llx-%016llx.snap", static_cast<unsigned long long>(kTerm),
                static_cast<unsigned long long>(m.members.size()));
  return name;
}

}  // namespace ectl::offline
