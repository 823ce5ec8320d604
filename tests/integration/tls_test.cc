// TLS: certificates made with openssl at test time (a CA, a server certificate for
// 127.0.0.1/localhost, a client certificate; a second CA; a server certificate for
// another name). The servers are started here rather than by EtcdCluster, which speaks
// plain HTTP: their health is read from a plain metrics listener.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "ctl.h"
#include "etcd_fixture.h"
#include "process.h"

namespace ectl::integration {
namespace {

bool Openssl(const std::vector<std::string>& args, std::string* error) {
  RunOptions o;
  o.argv = {"/usr/bin/openssl"};
  o.argv.insert(o.argv.end(), args.begin(), args.end());
  RunResult r = RunProcess(o);
  if (r.exit_code != 0) *error += "openssl " + Join(args, " ") + ": " + r.err;
  return r.exit_code == 0;
}

// A key and certificate `name` signed by `ca`, with the given subjectAltName.
bool MakeCert(const std::string& dir, const std::string& name, const std::string& cn,
              const std::string& san, const std::string& ca, std::string* error) {
  std::string p = dir + "/" + name;
  std::ofstream(p + ".ext") << "subjectAltName=" << san
                            << "\nextendedKeyUsage=serverAuth,clientAuth\n";
  return Openssl({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", p + ".key", "-out",
                  p + ".csr", "-subj", "/CN=" + cn},
                 error) &&
         Openssl({"x509", "-req", "-in", p + ".csr", "-CA", dir + "/" + ca + ".crt", "-CAkey",
                  dir + "/" + ca + ".key", "-CAcreateserial", "-out", p + ".crt", "-days", "2",
                  "-extfile", p + ".ext"},
                 error);
}

bool MakeCa(const std::string& dir, const std::string& name, std::string* error) {
  return Openssl({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                  dir + "/" + name + ".key", "-out", dir + "/" + name + ".crt", "-days", "2",
                  "-subj", "/CN=" + name},
                 error);
}

struct TlsServer {
  std::unique_ptr<BackgroundProcess> process;
  int client_port = 0;
};

// One etcd whose clients speak TLS on client_port; health over plain HTTP on a metrics
// port. Retries with fresh ports when a port was taken meanwhile.
TlsServer StartTlsEtcd(const std::string& dir, const std::string& name,
                       const std::vector<std::string>& tls_args, std::string* error) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::vector<int> ports = PickFreePorts(3);
    if (ports.size() != 3) continue;
    std::string client = "https://127.0.0.1:" + std::to_string(ports[0]);
    std::string peer = "http://127.0.0.1:" + std::to_string(ports[1]);
    std::vector<std::string> argv = {
        ETCD_BINARY, "--name=" + name, "--data-dir=" + dir + "/" + name + ".etcd",
        "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=" + name + "=" + peer,
        "--listen-metrics-urls=http://127.0.0.1:" + std::to_string(ports[2])};
    argv.insert(argv.end(), tls_args.begin(), tls_args.end());
    EnvChanges env;
    env.unset_prefixes = {"ETCD_", "ETCDCTL_"};
    TlsServer s;
    s.process = BackgroundProcess::Start(argv, env, dir + "/" + name + ".log", error);
    if (!s.process) return s;
    s.client_port = ports[0];
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && s.process->Running()) {
      if (EtcdHealthy(ports[2], std::chrono::milliseconds(500))) return s;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    s.process->Stop();
    std::filesystem::remove_all(dir + "/" + name + ".etcd");
  }
  *error += name + " did not start";
  return {};
}

class Tls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    error_.clear();
    dir_ = MakeTempDir("ectl-it-tls-");
    std::string& e = error_;
    bool ok = MakeCa(dir_, "ca", &e) && MakeCa(dir_, "otherca", &e) &&
              MakeCert(dir_, "server", "localhost", "DNS:localhost,IP:127.0.0.1", "ca", &e) &&
              MakeCert(dir_, "wrongname", "wrong.example", "DNS:wrong.example", "ca", &e) &&
              MakeCert(dir_, "client", "root", "DNS:client", "ca", &e) &&
              MakeCert(dir_, "strangeclient", "root", "DNS:client", "otherca", &e);
    if (!ok) return;
    good_ = StartTlsEtcd(dir_, "good",
                         {"--cert-file=" + dir_ + "/server.crt", "--key-file=" + dir_ + "/server.key",
                          "--trusted-ca-file=" + dir_ + "/ca.crt", "--client-cert-auth"},
                         &e);
    wrong_ = StartTlsEtcd(dir_, "wrong",
                          {"--cert-file=" + dir_ + "/wrongname.crt",
                           "--key-file=" + dir_ + "/wrongname.key"},
                          &e);
  }
  static void TearDownTestSuite() {
    if (good_.process) good_.process->Stop();
    if (wrong_.process) wrong_.process->Stop();
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  void SetUp() override {
    ASSERT_TRUE(good_.process && wrong_.process) << error_;
  }

  static std::string F(const std::string& name) { return dir_ + "/" + name; }
  static std::string Good(const std::string& scheme = "https://", const std::string& host = "127.0.0.1") {
    return scheme + host + ":" + std::to_string(good_.client_port);
  }
  // A client with the right CA and certificate, plus args.
  static Invocation Trusted(std::string endpoints, std::vector<std::string> args) {
    Invocation inv;
    inv.endpoints = std::move(endpoints);
    inv.args = {"--cacert=" + F("ca.crt"), "--cert=" + F("client.crt"), "--key=" + F("client.key")};
    inv.args.insert(inv.args.end(), args.begin(), args.end());
    return inv;
  }
  // ectl fails to connect: exit 1, etcdctl's last line, and a diagnosis containing want.
  static void ExpectDialFailure(Invocation inv, const std::string& want) {
    SCOPED_TRACE(Describe(inv));
    inv.args.insert(inv.args.begin(), "--dial-timeout=1s");
    RunResult r = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(LastLine(r.err), "Error: context deadline exceeded");
    EXPECT_NE(r.err.find(want), std::string::npos) << r.err;
  }

  static std::string dir_, error_;
  static TlsServer good_, wrong_;
};

std::string Tls::dir_, Tls::error_;
TlsServer Tls::good_, Tls::wrong_;

TEST_F(Tls, ClientCertificateMatchesOracle) {
  for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
    RunResult put = RunTool(tool, Trusted(Good(), {"put", "k", "v"}));
    EXPECT_EQ(put.exit_code, 0) << put.err;
    EXPECT_EQ(put.out, "OK\n");
  }
  for (const auto& ep : {Good(), Good("https://", "localhost"), Good("", "127.0.0.1")}) {
    Invocation inv = Trusted(ep, {"get", "k"});
    RunResult want = RunTool(Tool::kEtcdctl, inv);
    RunResult got = RunTool(Tool::kEctl, inv);
    EXPECT_EQ(got.out, want.out) << Describe(inv) << got.err;
    EXPECT_EQ(got.exit_code, 0);
  }
}

TEST_F(Tls, TlsSettingsFromEnvironment) {
  Invocation inv;
  inv.endpoints = Good();
  inv.args = {"get", "k"};
  inv.env = {{"ETCDCTL_CACERT", F("ca.crt")}, {"ETCDCTL_CERT", F("client.crt")},
             {"ETCDCTL_KEY", F("client.key")}};
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(Tls, UnknownCa) {
  Invocation inv = Trusted(Good(), {"get", "k"});
  inv.args[0] = "--cacert=" + F("otherca.crt");
  ExpectDialFailure(inv, "certificate verify failed");
}

TEST_F(Tls, SkipVerifyAcceptsAnyServer) {
  Invocation inv = Trusted(Good(), {"--insecure-skip-tls-verify", "get", "k"});
  inv.args[0] = "--cacert=" + F("otherca.crt");
  RunResult r = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Invocation wrong = Trusted("https://127.0.0.1:" + std::to_string(wrong_.client_port),
                             {"--insecure-skip-tls-verify", "put", "k", "v"});
  EXPECT_EQ(RunTool(Tool::kEctl, wrong).exit_code, 0);
}

TEST_F(Tls, NameMismatchNamesTheExpectedName) {
  ExpectDialFailure(Trusted("https://127.0.0.1:" + std::to_string(wrong_.client_port), {"get", "k"}),
                    "not valid for \"127.0.0.1\"");
}

TEST_F(Tls, ClientCertificateMissingOrUntrusted) {
  Invocation none;
  none.endpoints = Good();
  none.args = {"--cacert=" + F("ca.crt"), "get", "k"};
  ExpectDialFailure(none, "client certificate");
  Invocation strange = Trusted(Good(), {"get", "k"});
  strange.args[1] = "--cert=" + F("strangeclient.crt");
  strange.args[2] = "--key=" + F("strangeclient.key");
  ExpectDialFailure(strange, "client certificate");
}

TEST_F(Tls, PlainTextToTlsServerAndRefused) {
  Invocation plain;
  plain.endpoints = Good("", "127.0.0.1");
  plain.args = {"get", "k"};
  ExpectDialFailure(plain, "require TLS");
  std::vector<int> free = PickFreePorts(1);
  ASSERT_EQ(free.size(), 1u);
  ExpectDialFailure(Trusted("https://127.0.0.1:" + std::to_string(free[0]), {"get", "k"}),
                    "connection refused");
}

// Each endpoint verified under its own name: the first is down, the second (named
// differently) answers.
TEST_F(Tls, FailoverAcrossDifferentlyNamedEndpoints) {
  std::vector<int> free = PickFreePorts(1);
  ASSERT_EQ(free.size(), 1u);
  std::string eps = "https://localhost:" + std::to_string(free[0]) + "," + Good();
  RunResult r = RunTool(Tool::kEctl, Trusted(eps, {"put", "f", "1"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  eps = Good() + "," + Good("https://", "localhost");
  r = RunTool(Tool::kEctl, Trusted(eps, {"get", "f", "--print-value-only"}));
  EXPECT_EQ(r.out, "1\n") << r.err;
}

TEST_F(Tls, InsecureTransportFalseUsesTls) {
  Invocation inv = Trusted(Good("", "127.0.0.1"), {"get", "k"});
  inv.args = {"--insecure-transport=false", "--cacert=" + F("ca.crt"),
              "--cert=" + F("client.crt"), "--key=" + F("client.key"), "get", "k"};
  EXPECT_EQ(RunTool(Tool::kEctl, inv).exit_code, 0);
}

}  // namespace
}  // namespace ectl::integration
