#include "client/endpoint.h"

#include <gtest/gtest.h>

#include "client/client.h"

namespace ectl::client {
namespace {

TEST(ParseEndpoint, Forms) {
  auto ep = ParseEndpoint("127.0.0.1:2379");
  EXPECT_EQ(ep.scheme, Endpoint::Scheme::kNone);
  EXPECT_EQ(ep.host, "127.0.0.1");
  EXPECT_EQ(ep.port, "2379");
  ep = ParseEndpoint("https://etcd.example:2379");
  EXPECT_EQ(ep.scheme, Endpoint::Scheme::kHttps);
  EXPECT_EQ(ep.host, "etcd.example");
  ep = ParseEndpoint("http://[::1]:2379/");
  EXPECT_EQ(ep.scheme, Endpoint::Scheme::kHttp);
  EXPECT_EQ(ep.host, "::1");
  EXPECT_EQ(ep.port, "2379");
  ep = ParseEndpoint("unix:///tmp/etcd.sock");
  EXPECT_TRUE(ep.is_unix());
  EXPECT_EQ(ep.host, "/tmp/etcd.sock");
  ep = ParseEndpoint("unix:etcd.sock");
  EXPECT_EQ(ep.scheme, Endpoint::Scheme::kUnix);
  EXPECT_EQ(ep.host, "etcd.sock");
}

TEST(IsLoopbackHost, OnlyThisMachine) {
  for (const char* host : {"localhost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1",
                           "0:0:0:0:0:0:0:1"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (const char* host : {"10.0.0.1", "128.0.0.1", "126.255.255.255", "::", "::2", "0.0.0.0",
                           "etcd.example", "localhost.example", "127.0.0.1.example", ""}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
  EXPECT_TRUE(IsLoopbackHost(ParseEndpoint("http://[::1]:2379").host));
  EXPECT_FALSE(IsLoopbackHost(ParseEndpoint("http://[2001:db8::1]:2379").host));
}

TEST(PlaintextCredentialEndpoints, NonLoopbackWithoutTls) {
  ClientConfig c;
  c.endpoints = {"10.0.0.1:2379", "https://10.0.0.2:2379", "127.0.0.1:2379", "localhost:2379",
                 "http://[::1]:2379", "unix:///tmp/etcd.sock", "http://etcd.example:2379"};
  EXPECT_TRUE(PlaintextCredentialEndpoints(c).empty());  // no credentials
  c.user = "alice";
  EXPECT_TRUE(PlaintextCredentialEndpoints(c).empty());  // no password: none sent
  c.password = "pw";
  EXPECT_EQ(PlaintextCredentialEndpoints(c),
            (std::vector<std::string>{"10.0.0.1:2379", "http://etcd.example:2379"}));
  // TLS for scheme-less endpoints (--cacert, or --insecure-transport=false).
  c.tls = TlsConfig{};
  EXPECT_EQ(PlaintextCredentialEndpoints(c),
            (std::vector<std::string>{"http://etcd.example:2379"}));
}

TEST(GrpcTarget, OneOrManyEndpoints) {
  EXPECT_EQ(GrpcTarget({ParseEndpoint("127.0.0.1:2379")}), "ipv4:127.0.0.1:2379");
  EXPECT_EQ(GrpcTarget({ParseEndpoint("localhost:2379")}), "dns:///localhost:2379");
  EXPECT_EQ(GrpcTarget({ParseEndpoint("[::1]:2379")}), "ipv6:[::1]:2379");
  EXPECT_EQ(GrpcTarget({ParseEndpoint("127.0.0.1:1"), ParseEndpoint("http://127.0.0.2:2")}),
            "ipv4:127.0.0.1:1,127.0.0.2:2");
  EXPECT_EQ(GrpcTarget({ParseEndpoint("unix:/s")}), "unix:/s");
}

}  // namespace
}  // namespace ectl::client

#include "client/discovery.h"

namespace ectl::client {
namespace {

TEST(DiscoverEndpoints, MapsSrvRecordsToSchemes) {
  std::vector<std::string> asked;
  auto lookup = [&](const std::string& name) -> std::vector<SrvRecord> {
    asked.push_back(name);
    if (name == "_etcd-client-ssl._tcp.example.test") return {{"a.example.test.", 2379}};
    if (name == "_etcd-client._tcp.example.test") return {{"b.example.test.", 2380}, {"::1", 2381}};
    throw std::runtime_error("lookup " + name + ": no such host");
  };
  EXPECT_EQ(DiscoverEndpoints("example.test", "", lookup),
            (std::vector<std::string>{"https://a.example.test:2379", "http://b.example.test:2380",
                                      "http://[::1]:2381"}));
  asked.clear();
  EXPECT_THROW(DiscoverEndpoints("example.test", "x", lookup), std::runtime_error);
  EXPECT_EQ(asked, (std::vector<std::string>{"_etcd-client-ssl-x._tcp.example.test",
                                             "_etcd-client-x._tcp.example.test"}));
  try {
    DiscoverEndpoints("nowhere.test", "", lookup);
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "dns lookup errors: lookup _etcd-client-ssl._tcp.nowhere.test: no such host and "
                 "lookup _etcd-client._tcp.nowhere.test: no such host");
  }
}

}  // namespace
}  // namespace ectl::client
