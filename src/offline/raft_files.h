// The raft side of a restored member: the first WAL segment and the `.snap` file that
// bootstrap the restored membership, encoded byte for byte as etcd 3.4 lays them out.
#ifndef ECTL_OFFLINE_RAFT_FILES_H_
#define ECTL_OFFLINE_RAFT_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "offline/membership.h"

namespace ectl::offline {

// WAL record types.
enum class WalRecord : int64_t { kMetadata = 1, kEntry = 2, kState = 3, kCrc = 4, kSnapshot = 5 };

// Frames records: 8-byte little-endian length (top byte flags the padding), the
// walpb.Record, zero padding to 8 bytes; each record carries the running CRC-32C of
// all record data so far.
class WalEncoder {
 public:
  // Starts with the crc record holding the seed (0 for a first segment).
  explicit WalEncoder(uint32_t seed = 0);
  void Add(WalRecord type, std::string_view data);
  [[nodiscard]] const std::string& bytes() const { return bytes_; }

 private:
  void Frame(const std::string& record);
  std::string bytes_;
  uint32_t crc_;
};

// WAL segment size etcd preallocates.
constexpr uint64_t kWalSegmentBytes = 64ull * 1000 * 1000;
// Name of the first WAL segment.
constexpr std::string_view kFirstWalName = "0000000000000000-0000000000000000.wal";

// The records of a restored member's WAL: crc, metadata, snapshot{0,0}, one AddNode
// conf change per member, hard state, snapshot{N,1}.
std::string RestoreWal(const Membership& m);

// The `.snap` file: snappb.Snapshot over a raftpb.Snapshot whose data is the v2 store
// holding the membership, at index N, term 1.
std::string RestoreSnap(const Membership& m);
// Its file name, "<term>-<index>.snap" in 16-digit hex.
std::string RestoreSnapName(const Membership& m);

// The v2 store JSON holding the membership (exposed for tests).
std::string V2StoreJson(const Membership& m);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_RAFT_FILES_H_
