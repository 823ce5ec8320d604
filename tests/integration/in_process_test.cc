// Run() in-process against a real etcd: one process runs many commands, and with a
// shared Connection they all go over one client (what a batch mode builds on).
#include <sstream>

#include "cli/connection.h"
#include "cli/flags.h"
#include "cli/global_options.h"
#include "cli/run.h"
#include "kv_suite.h"

namespace ectl::integration {
namespace {

class InProcess : public EtcdSuite {
 protected:
  struct Outcome {
    int code;
    std::string out, err;
  };
  static Outcome RunIn(std::vector<std::string> argv, cli::Connection* connection,
                       const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    int code = cli::Run(argv, cli::Environment(), cli::Io{in, out, err}, connection);
    return {code, out.str(), err.str()};
  }
};

TEST_F(InProcess, ManyCommandsOverOneConnection) {
  cli::FlagSet flags;
  cli::GlobalOptions global;
  global.Bind(flags);
  (void)cli::ParseFlags({"--endpoints=" + Endpoints()}, {&flags});
  std::istringstream in;
  std::ostringstream out, err;
  cli::Io io{in, out, err};
  cli::Connection connection(global, io, "ectl");
  const client::Client* first = &connection.client();

  for (int i = 0; i < 50; ++i) {
    Outcome put = RunIn({"ectl", "put", "k" + std::to_string(i), "v" + std::to_string(i)},
                        &connection);
    ASSERT_EQ(put.code, 0) << put.err;
    EXPECT_EQ(put.out, "OK\n");
  }
  // Each line has its own printer options; the connection stays the same.
  Outcome count = RunIn({"ectl", "get", "k", "--prefix", "--count-only", "-w", "fields"},
                        &connection);
  ASSERT_EQ(count.code, 0) << count.err;
  EXPECT_NE(count.out.find("\"Count\" : 50"), std::string::npos) << count.out;
  Outcome value = RunIn({"ectl", "get", "k7", "--print-value-only"}, &connection);
  EXPECT_EQ(value.out, "v7\n");
  // A failing command does not disturb the next one.
  Outcome bad = RunIn({"ectl", "get", "--limit=x", "k"}, &connection);
  EXPECT_EQ(bad.code, 1);
  Outcome del = RunIn({"ectl", "del", "k", "--prefix"}, &connection);
  EXPECT_EQ(del.out, "50\n");
  EXPECT_EQ(&connection.client(), first);
  EXPECT_EQ(err.str(), "");
}

TEST_F(InProcess, RunIsReentrantWithoutSharedState) {
  const std::string endpoints = "--endpoints=" + Endpoints();
  for (int i = 0; i < 5; ++i) {
    Outcome put = RunIn({"ectl", endpoints, "put", "a", std::to_string(i)}, nullptr);
    ASSERT_EQ(put.code, 0) << put.err;
    Outcome json = RunIn({"ectl", endpoints, "-w", "json", "get", "a"}, nullptr);
    EXPECT_EQ(json.out.rfind("{\"header\":", 0), 0u) << json.out;
    Outcome simple = RunIn({"ectl", endpoints, "get", "a"}, nullptr);
    EXPECT_EQ(simple.out, "a\n" + std::to_string(i) + "\n");
  }
}

}  // namespace
}  // namespace ectl::integration
