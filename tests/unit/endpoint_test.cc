#include "client/endpoint.h"

#include <gtest/gtest.h>

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
