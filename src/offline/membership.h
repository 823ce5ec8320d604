// The bootstrap membership of a restored cluster: peer URL validation as etcd does it,
// --initial-cluster parsing, member and cluster IDs derived from URLs and the cluster
// token, and the JSON forms etcd stores for members.
#ifndef ECTL_OFFLINE_MEMBERSHIP_H_
#define ECTL_OFFLINE_MEMBERSHIP_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ectl::offline {

struct Member {
  uint64_t id = 0;
  std::string name;
  std::vector<std::string> peer_urls;  // normalised, sorted
};

struct Membership {
  std::vector<Member> members;  // ascending ID, the order etcd applies them in
  uint64_t cluster_id = 0;
  uint64_t local_id = 0;
};

// Validates and sorts a URL list ("URL scheme must be ...", "URL address does not have
// the form ...", "URL must not contain a path: ..."); schemes are lower-cased.
std::vector<std::string> ParseUrls(const std::vector<std::string>& urls);

// Builds the membership for --name, --initial-cluster, --initial-cluster-token and
// --initial-advertise-peer-urls, with etcd's checks and messages. Throws Error.
Membership BuildMembership(std::string_view name, std::string_view initial_cluster,
                           std::string_view token, std::string_view advertise_peer_urls);

// The ID of a member with these (sorted) peer URLs in a cluster with this token.
uint64_t MemberId(const std::vector<std::string>& peer_urls, std::string_view token);
// The cluster ID of these member IDs.
uint64_t ClusterId(std::vector<uint64_t> member_ids);

// {"id":...,"peerURLs":[...],"name":"..."}: the conf-change context and members entry.
std::string MemberJson(const Member& m);
// {"peerURLs":[...]}: the raftAttributes value of the v2 store.
std::string RaftAttributesJson(const Member& m);
// Lower-case hex without padding, as etcd names members in keys and paths.
std::string HexId(uint64_t id);

}  // namespace ectl::offline

#endif  // ECTL_OFFLINE_MEMBERSHIP_H_
