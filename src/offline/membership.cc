// Bootstrap membership for restore (see membership.h).
#include "offline/membership.h"

#include <algorithm>
#include <set>

#include "common/bytes.h"
#include "common/error.h"
#include "offline/digest.h"

namespace ectl::offline {
namespace {

[[noreturn]] void Fail(const std::string& message) { throw Error(ExitCode::kError, message); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                        s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool ValidHostPort(std::string_view host) {
  size_t colon;
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    if (close == std::string_view::npos || close + 1 >= host.size() || host[close + 1] != ':') {
      return false;
    }
    colon = close + 1;
  } else {
    colon = host.find(':');
    if (colon == std::string_view::npos || host.find(':', colon + 1) != std::string_view::npos) {
      return false;
    }
  }
  return host.find_first_of("[]", colon) == std::string_view::npos;
}

// One peer URL, checked the way etcd checks peer URLs; returns its normalised form.
std::string ParseUrl(std::string_view raw) {
  std::string_view s = Trim(raw);
  std::string text(s);
  size_t colon = s.find(':');
  std::string scheme;
  if (colon != std::string_view::npos && colon > 0 &&
      std::isalpha(static_cast<unsigned char>(s[0]))) {
    scheme = std::string(s.substr(0, colon));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (scheme != "http" && scheme != "https" && scheme != "unix" && scheme != "unixs") {
    Fail("URL scheme must be http, https, unix, or unixs: " + text);
  }
  std::string_view rest = s.substr(colon + 1);
  std::string_view host, path;
  if (rest.substr(0, 2) == "//") {
    rest.remove_prefix(2);
    size_t end = rest.find_first_of("/?#");
    host = rest.substr(0, end);
    if (end != std::string_view::npos) path = rest.substr(end);
    size_t q = path.find_first_of("?#");
    if (q != std::string_view::npos) path = path.substr(0, q);
    size_t at = host.rfind('@');
    if (at != std::string_view::npos) host = host.substr(at + 1);
  }
  if (!ValidHostPort(host)) Fail("URL address does not have the form \"host:port\": " + text);
  if (!path.empty()) Fail("URL must not contain a path: " + text);
  return scheme + "://" + std::string(host);
}

uint64_t First8BigEndian(const std::string& digest) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = v << 8 | static_cast<unsigned char>(digest[i]);
  return v;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

void AppendUrls(std::string& out, const std::vector<std::string>& urls) {
  out += "\"peerURLs\":[";
  for (size_t i = 0; i < urls.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, urls[i]);
  }
  out += ']';
}

}  // namespace

std::vector<std::string> ParseUrls(const std::vector<std::string>& urls) {
  std::vector<std::string> out;
  for (const auto& u : urls) out.push_back(ParseUrl(u));
  std::sort(out.begin(), out.end());
  return out;
}

uint64_t MemberId(const std::vector<std::string>& peer_urls, std::string_view token) {
  std::string b;
  for (const auto& u : peer_urls) b += u;
  b += token;
  return First8BigEndian(Sha1(b));
}

uint64_t ClusterId(std::vector<uint64_t> member_ids) {
  std::sort(member_ids.begin(), member_ids.end());
  std::string b;
  for (uint64_t id : member_ids) {
    for (int shift = 56; shift >= 0; shift -= 8) b.push_back(static_cast<char>(id >> shift));
  }
  return First8BigEndian(Sha1(b));
}

std::string HexId(uint64_t id) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  do {
    s.insert(s.begin(), digits[id & 15]);
    id >>= 4;
  } while (id != 0);
  return s;
}

Membership BuildMembership(std::string_view name, std::string_view initial_cluster,
                           std::string_view token, std::string_view advertise_peer_urls) {
  std::vector<std::string> advertise = ParseUrls(Split(advertise_peer_urls, ','));
  // name -> URLs in the order given; a repeated name collects URLs.
  std::map<std::string, std::vector<std::string>> raw;
  for (const std::string& item : Split(initial_cluster, ',')) {
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string::npos) {
      raw[item].emplace_back();
    } else {
      raw[item.substr(0, eq)].push_back(item.substr(eq + 1));
    }
  }
  std::map<std::string, std::vector<std::string>> cluster;
  for (const auto& [member, urls] : raw) cluster[member] = ParseUrls(urls);

  auto local = cluster.find(std::string(name));
  if (local == cluster.end()) {
    Fail("couldn't find local name \"" + std::string(name) +
         "\" in the initial cluster configuration");
  }
  if (local->second != advertise) {
    // etcd would also try resolving host names before giving up; ectl compares URLs as
    // written (after normalisation).
    std::string has, adv;
    for (const auto& u : local->second) has += (has.empty() ? "" : ",") + local->first + "=" + u;
    for (const auto& u : advertise) adv += (adv.empty() ? "" : ",") + u;
    Fail("--initial-cluster has " + has + " but missing from --initial-advertise-peer-urls=" + adv);
  }
  std::set<std::string> seen;
  std::string all;
  bool duplicate = false;
  for (const auto& [member, urls] : cluster) {
    for (const auto& u : urls) {
      if (!seen.insert(u).second) duplicate = true;
      all += (all.empty() ? "" : ",") + member + "=" + u;
    }
  }
  if (duplicate) Fail("initial cluster " + all + " has duplicate url");
  if (cluster.empty()) Fail("initial cluster is empty");

  Membership m;
  std::set<uint64_t> ids;
  for (const auto& [member, urls] : cluster) {
    Member mem{MemberId(urls, token), member, urls};
    if (mem.id == 0) Fail("cannot use 0 as member id");
    if (!ids.insert(mem.id).second) Fail("member exists with identical ID " + HexId(mem.id));
    if (member == name) m.local_id = mem.id;
    m.members.push_back(std::move(mem));
  }
  std::sort(m.members.begin(), m.members.end(),
            [](const Member& a, const Member& b) { return a.id < b.id; });
  m.cluster_id = ClusterId(std::vector<uint64_t>(ids.begin(), ids.end()));
  return m;
}

std::string MemberJson(const Member& m) {
  std::string out = "{\"id\":" + std::to_string(m.id) + ",";
  AppendUrls(out, m.peer_urls);
  if (!m.name.empty()) {
    out += ",\"name\":";
    AppendJsonString(out, m.name);
  }
  out += '}';
  return out;
}

std::string RaftAttributesJson(const Member& m) {
  std::string out = "{";
  AppendUrls(out, m.peer_urls);
  out += '}';
  return out;
}

}  // namespace ectl::offline
