// Passwords: never in output, error texts or --debug output, whichever way they are given;
// a warning when they would travel in plain text to a machine other than this one; a
// password file others may read is refused before anything is sent.
// (That no source needs argv is AuthEnabled.EveryPasswordSource.)
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

constexpr char kSecret[] = "Zq7-wrong-secret-Zq7";  // never valid, never to be printed
constexpr char kRightSecret[] = "Rt5-right-secret-Rt5";

class Secrets : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    error_.clear();
    cluster_ = EtcdCluster::Start({}, &error_);
    if (!cluster_) return;
    dir_ = MakeTempDir("ectl-it-secrets-");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"user", "add", std::string("root:") + kRightSecret},
             {"auth", "enable"},
         }) {
      RunResult r = RunTool(Tool::kEtcdctl, Cmd(args));
      if (r.exit_code != 0) error_ += Join(args, " ") + ": " + r.err;
    }
  }
  static void TearDownTestSuite() {
    cluster_.reset();
    std::filesystem::remove_all(dir_);
  }
  void SetUp() override {
    ASSERT_NE(cluster_, nullptr) << error_;
    ASSERT_EQ(error_, "");
  }

  static Invocation Cmd(std::vector<std::string> args, std::string in = "") {
    Invocation inv;
    inv.args = std::move(args);
    inv.stdin_data = std::move(in);
    inv.endpoints = cluster_->ClientEndpoints();
    return inv;
  }
  static std::string File(const std::string& name, const std::string& content, mode_t mode) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << content;
    chmod(path.c_str(), mode);
    return path;
  }

  static inline std::unique_ptr<EtcdCluster> cluster_;
  static inline std::string error_;
  static inline std::string dir_;
};

TEST_F(Secrets, WrongPasswordNeverPrinted) {
  const std::string file = File("wrong", std::string(kSecret) + "\n", 0600);
  std::vector<Invocation> ways = {
      Cmd({"--user=root:" + std::string(kSecret), "get", "k"}),
      Cmd({"--user=root", "--password=" + std::string(kSecret), "get", "k"}),
      Cmd({"--user=root", "--password-file=" + file, "get", "k"}),
      Cmd({"--user=root", "get", "k"}, std::string(kSecret) + "\n"),  // the prompt's answer
  };
  Invocation env = Cmd({"get", "k"});
  env.env = {{"ETCDCTL_USER", "root"}, {"ETCDCTL_PASSWORD", kSecret}};
  ways.push_back(env);
  for (Invocation inv : ways) {
    for (bool debug : {false, true}) {
      if (debug) inv.args.insert(inv.args.begin(), "--debug");
      SCOPED_TRACE(Describe(inv));
      RunResult r = RunTool(Tool::kEctl, inv);
      EXPECT_EQ(r.exit_code, 2) << r.err;
      EXPECT_EQ(LastLine(r.err),
                "Error: etcdserver: authentication failed, invalid user ID or password");
      EXPECT_EQ(r.out.find(kSecret), std::string::npos) << r.out;
      EXPECT_EQ(r.err.find(kSecret), std::string::npos) << r.err;
      if (debug) EXPECT_NE(r.err.find("ETCDCTL_USER=root"), std::string::npos) << r.err;
    }
  }
}

TEST_F(Secrets, RightPasswordNeverPrintedWithDebug) {
  RunResult r = RunTool(Tool::kEctl, Cmd({"--debug", "--user=root:" + std::string(kRightSecret),
                                          "put", "k", "v"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(kRightSecret), std::string::npos);
  EXPECT_EQ(r.err.find(kRightSecret), std::string::npos) << r.err;
}

TEST_F(Secrets, PasswordFileOthersMayReadIsRefused) {
  for (mode_t mode : {0644, 0640, 0604, 0660}) {
    SCOPED_TRACE(mode);
    const std::string file = File("open", std::string(kRightSecret) + "\n", mode);
    RunResult r = RunTool(Tool::kEctl, Cmd({"--user=root", "--password-file=" + file, "put",
                                            "refused", "v"}));
    EXPECT_EQ(r.exit_code, 128);
    char octal[8];
    std::snprintf(octal, sizeof octal, "%04o", static_cast<unsigned>(mode));
    EXPECT_EQ(r.err, "Error: password file " + file + " is accessible by group or others (mode " +
                         octal + "); restrict it with chmod 600\n");
    EXPECT_EQ(r.out, "");
  }
  // Nothing was written.
  RunResult get = RunTool(Tool::kEctl, Cmd({"--user=root:" + std::string(kRightSecret), "get",
                                            "refused", "--count-only", "-w", "fields"}));
  EXPECT_NE(get.out.find("\"Count\" : 0"), std::string::npos) << get.out << get.err;
  const std::string good = File("closed", std::string(kRightSecret) + "\n", 0600);
  RunResult ok = RunTool(Tool::kEctl, Cmd({"--user=root", "--password-file=" + good, "get", "x"}));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST_F(Secrets, WarnsBeforeSendingAPasswordInPlainTextOverANetwork) {
  // 192.0.2.1 (TEST-NET-1) is never this machine; the command fails at the dial timeout,
  // after the warning.
  Invocation remote = Cmd({"--dial-timeout=300ms", "--user=root:" + std::string(kSecret), "get", "k"});
  remote.endpoints = "192.0.2.1:2379," + cluster_->ClientEndpoint(0) + ",http://192.0.2.2:2379";
  RunResult r = RunTool(Tool::kEctl, remote);
  EXPECT_NE(r.exit_code, 0);
  const std::string warning =
      "Warning: the password of user \"root\" is sent unencrypted to 192.0.2.1:2379, "
      "http://192.0.2.2:2379 (no TLS and not loopback; use https:// endpoints or --cacert)\n";
  EXPECT_EQ(r.err.rfind(warning, 0), 0u) << r.err;
  EXPECT_EQ(r.err.find(warning, 1), std::string::npos) << "warned twice: " << r.err;
  EXPECT_EQ(r.err.find(kSecret), std::string::npos);

  // Loopback endpoints, or no password: no warning.
  for (const std::string& endpoints :
       {cluster_->ClientEndpoint(0), "localhost:" + std::to_string(cluster_->member(0).client_port),
        "http://127.0.0.1:" + std::to_string(cluster_->member(0).client_port)}) {
    Invocation local = Cmd({"--user=root:" + std::string(kRightSecret), "get", "k"});
    local.endpoints = endpoints;
    RunResult l = RunTool(Tool::kEctl, local);
    EXPECT_EQ(l.exit_code, 0) << l.err;
    EXPECT_EQ(l.err, "");
  }
  Invocation anonymous = Cmd({"--dial-timeout=300ms", "get", "k"});
  anonymous.endpoints = "192.0.2.1:2379";
  EXPECT_EQ(RunTool(Tool::kEctl, anonymous).err.find("Warning:"), std::string::npos);
}

}  // namespace
}  // namespace ectl::integration
