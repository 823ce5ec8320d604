// --discovery-srv against a real DNS server: discovery_ns.sh runs dnsmasq and etcd in a
// private network namespace (nothing leaves loopback, the host's resolver is untouched)
// and compares ectl with etcdctl there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "binaries.h"
#include "process.h"

namespace ectl::integration {
namespace {

TEST(Discovery, SrvRecordsLikeEtcdctl) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root for a private network namespace";
  if (access("/usr/sbin/dnsmasq", X_OK) != 0) GTEST_SKIP() << "dnsmasq (dnsmasq-base) missing";
  std::string work = std::filesystem::temp_directory_path() / ("ectl-discovery-" + std::to_string(getpid()));
  std::filesystem::create_directories(work);
  RunOptions options;
  options.argv = {"/usr/bin/unshare", "--net", "--mount", "--propagation", "private", "bash",
                  ECTL_SOURCE_DIR "/tests/integration/discovery_ns.sh", kEctlBinary, kEtcdctlBinary,
                  kEtcdBinary, work};
  options.timeout = std::chrono::seconds(120);
  RunResult r = RunProcess(options);
  std::filesystem::remove_all(work);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("PASS srv-get"), std::string::npos) << r.out << r.err;
}

}  // namespace
}  // namespace ectl::integration
