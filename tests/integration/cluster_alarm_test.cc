// alarm list/disarm and endpoint status with an active NOSPACE alarm, on one member
// started with a small --quota-backend-bytes.
#include <string>

#include "cluster_suite.h"

namespace ectl::integration {
namespace {

class ClusterAlarm : public ClusterSuite<ClusterAlarm> {
 public:
  static EtcdClusterOptions Options() {
    EtcdClusterOptions o;
    o.members = 1;
    o.extra_args = {"--quota-backend-bytes=1048576"};
    return o;
  }

 protected:
  // Puts 100 kB values until the server refuses with NOSPACE.
  static bool RaiseAlarm() {
    const std::string value(100 * 1000, 'x');
    for (int i = 0; i < 60; ++i) {
      Invocation inv = Cmd({"put", "big" + std::to_string(i)});
      inv.stdin_data = value;
      RunResult r = RunTool(Tool::kEtcdctl, inv);
      if (r.exit_code != 0) return r.err.find("database space exceeded") != std::string::npos;
    }
    return false;
  }
};

TEST_F(ClusterAlarm, ListDisarmAndStatus) {
  // No alarm yet.
  for (const char* w : {"simple", "json", "protobuf"}) ExpectSameAsEtcdctl(Cmd({"-w", w, "alarm", "list"}));
  ExpectSameAsEtcdctl(Cmd({"-w", "table", "alarm", "list"}));

  ASSERT_TRUE(RaiseAlarm());
  for (const char* w : {"simple", "json", "protobuf"}) {
    SCOPED_TRACE(w);
    ExpectSameAsEtcdctl(Cmd({"-w", w, "alarm", "list"}));
  }
  RunResult list = RunTool(Tool::kEctl, Cmd({"alarm", "list"}));
  EXPECT_NE(list.out.find(" alarm:NOSPACE \n"), std::string::npos) << list.out;
  // etcdctl panics on a header the 3.4 server leaves out; ectl prints zeros.
  RunResult fields = RunTool(Tool::kEctl, Cmd({"-w", "fields", "alarm", "list"}));
  EXPECT_EQ(fields.exit_code, 0);
  const std::string zeros =
      "\"ClusterID\" : 0\n\"MemberID\" : 0\n\"Revision\" : 0\n\"RaftTerm\" : 0\n\"MemberID\" : ";
  EXPECT_EQ(fields.out.substr(0, zeros.size()), zeros);
  EXPECT_NE(fields.out.find("\"AlarmType\" : NOSPACE\n\n"), std::string::npos);

  // The alarm shows in endpoint status, wrapped in the table.
  for (const char* w : {"simple", "json", "fields", "table"}) {
    SCOPED_TRACE(w);
    ExpectSameAsEtcdctl(Cmd({"-w", w, "endpoint", "status"}), MaskSizeInUse);
  }

  RunResult disarm = RunTool(Tool::kEctl, Cmd({"alarm", "disarm"}));
  EXPECT_EQ(disarm.exit_code, 0) << disarm.err;
  EXPECT_EQ(disarm.out, list.out);
  EXPECT_EQ(RunTool(Tool::kEctl, Cmd({"alarm", "list"})).out, "");
  // Raised again, disarmed by etcdctl: the same report.
  ASSERT_TRUE(RaiseAlarm());
  RunResult want = RunTool(Tool::kEtcdctl, Cmd({"-w", "json", "alarm", "disarm"}));
  ASSERT_TRUE(RaiseAlarm());
  RunResult got = RunTool(Tool::kEctl, Cmd({"-w", "json", "alarm", "disarm"}));
  EXPECT_EQ(got.out, want.out);
  EXPECT_EQ(got.exit_code, want.exit_code);
  ExpectSameAsEtcdctl(Cmd({"alarm", "list", "x"}));
}

}  // namespace
}  // namespace ectl::integration
