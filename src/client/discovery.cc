#include "client/discovery.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>

#include <stdexcept>

namespace ectl::client {

std::vector<SrvRecord> LookupSrv(const std::string& name) {
  struct __res_state state {};
  if (res_ninit(&state) != 0) throw std::runtime_error("lookup " + name + ": resolver unavailable");
  std::vector<unsigned char> answer(65536);
  int len = res_nquery(&state, name.c_str(), ns_c_in, ns_t_srv, answer.data(),
                       static_cast<int>(answer.size()));
  int herr = state.res_h_errno;
  // Go names the server it asked: "lookup <name> on 10.0.0.53:53: no such host".
  std::string server;
  if (state.nscount > 0 && state.nsaddr_list[0].sin_family == AF_INET) {
    char ip[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &state.nsaddr_list[0].sin_addr, ip, sizeof ip);
    server = std::string(" on ") + ip + ":" + std::to_string(ntohs(state.nsaddr_list[0].sin_port));
  }
  res_nclose(&state);
  if (len < 0) {
    const char* why = herr == HOST_NOT_FOUND || herr == NO_DATA ? "no such host"
                      : herr == TRY_AGAIN                        ? "server misbehaving"
                                                                 : "lookup failed";
    throw std::runtime_error("lookup " + name + server + ": " + why);
  }
  ns_msg msg;
  if (ns_initparse(answer.data(), len, &msg) != 0) {
    throw std::runtime_error("lookup " + name + ": malformed answer");
  }
  std::vector<SrvRecord> records;
  for (int i = 0; i < ns_msg_count(msg, ns_s_an); ++i) {
    ns_rr rr;
    if (ns_parserr(&msg, ns_s_an, i, &rr) != 0 || ns_rr_type(rr) != ns_t_srv) continue;
    const unsigned char* rdata = ns_rr_rdata(rr);
    if (ns_rr_rdlen(rr) < 7) continue;
    // priority(2) weight(2) port(2) target(name)
    uint16_t port = static_cast<uint16_t>(rdata[4] << 8 | rdata[5]);
    char target[NS_MAXDNAME];
    if (dn_expand(ns_msg_base(msg), ns_msg_end(msg), rdata + 6, target, sizeof target) < 0) continue;
    records.push_back({target, port});
  }
  if (records.empty()) throw std::runtime_error("lookup " + name + server + ": no such host");
  return records;
}

std::vector<std::string> DiscoverEndpoints(const std::string& domain, const std::string& service_name,
                                           const SrvLookup& lookup) {
  std::vector<std::string> endpoints;
  auto query = [&](const std::string& service, const char* scheme, std::string& error) {
    std::string name = "_" + service + (service_name.empty() ? "" : "-" + service_name) + "._tcp." + domain;
    try {
      for (const auto& r : lookup(name)) {
        std::string host = r.target;
        if (!host.empty() && host.back() == '.') host.pop_back();
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        endpoints.push_back(std::string(scheme) + "://" + host + ":" + std::to_string(r.port));
      }
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
  };
  std::string https_error, http_error;
  query("etcd-client-ssl", "https", https_error);
  query("etcd-client", "http", http_error);
  if (!https_error.empty() && !http_error.empty()) {
    throw std::runtime_error("dns lookup errors: " + https_error + " and " + http_error);
  }
  return endpoints;
}

}  // namespace ectl::client
