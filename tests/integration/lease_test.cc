// `lease grant|revoke|timetolive|list` and `lease keep-alive --once` in every output
// format, compared with etcdctl 3.4. Leases are granted through the oracle and then
// inspected by both tools, so the outputs are byte-identical; only grant and revoke,
// which each tool must do to its own lease, compare with the lease ID masked.

#include <string>
#include <vector>

#include "lease_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class Lease : public LeaseSuite {};

TEST_F(Lease, GrantInEveryFormat) {
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    // The server raises tiny TTLs to its minimum.
    for (const Args& args : std::vector<Args>{{"lease", "grant", "100"},
                                              {"lease", "grant", "0"},
                                              {"lease", "grant", "--", "-5"}}) {
      RunResult oracle = RunTool(Tool::kEtcdctl, Cmd(WithFlags(v.flags, args)));
      RunResult ectl = RunTool(Tool::kEctl, Cmd(WithFlags(v.flags, args)));
      ASSERT_EQ(oracle.exit_code, 0) << oracle.err;
      ASSERT_EQ(ectl.exit_code, 0) << ectl.err;
      // The granted IDs, read back through the oracle's newest lease, are masked.
      auto id_of = [](const RunResult& r, const OutputVariant& v) -> int64_t {
        if (v.format == Format::kSimple) return LeaseIdFromHex(r.out.substr(6, 16));
        std::string key = v.format == Format::kJson ? "\"ID\":" : "\"ID\" : ";
        size_t at = r.out.find(key);
        return at == std::string::npos ? 0 : std::stoll(r.out.substr(at + key.size()));
      };
      if (v.format == Format::kProtobuf) {
        // Header bytes only, as etcdctl: nothing lease-specific to mask.
        EXPECT_EQ(Printable(ectl.out), Printable(oracle.out));
        continue;
      }
      EXPECT_EQ(Printable(MaskLeaseId(ectl.out, id_of(ectl, v))),
                Printable(MaskLeaseId(oracle.out, id_of(oracle, v))));
    }
  }
}

TEST_F(Lease, GrantErrors) {
  for (const Args& args : std::vector<Args>{{"lease", "grant"},
                                            {"lease", "grant", "1", "2"},
                                            {"lease", "grant", "abc"},
                                            {"lease", "grant", "0x10"},
                                            {"lease", "grant", "99999999999"},
                                            {"-w", "table", "lease", "grant", "5"}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
  // etcdctl's unknown-flag handling for a negative TTL without "--".
  ExpectSameErrorAsOracle(Cmd({"lease", "grant", "-5"}));
}

TEST_F(Lease, RevokeInEveryFormatButProtobuf) {
  for (const OutputVariant& v : OutputVariants()) {
    if (v.format == Format::kProtobuf) continue;
    SCOPED_TRACE(v.label);
    RunResult results[2];
    std::string masked[2];
    for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
      int i = tool == Tool::kEctl;
      std::string lease = GrantLease(600);
      results[i] = RunTool(tool, Cmd(WithFlags(v.flags, {"lease", "revoke", lease})));
      masked[i] = MaskLeaseId(results[i].out, LeaseIdFromHex(lease));
      EXPECT_EQ(RemainingTtl(lease), -1) << ToolName(tool) << " did not revoke";
    }
    EXPECT_EQ(Printable(masked[1]), Printable(masked[0]));
    EXPECT_EQ(results[1].exit_code, 0) << results[1].err;
  }
}

TEST_F(Lease, RevokeProtobufIsRefusedBeforeRevoking) {
  // etcdctl revokes and then fails to marshal the response (exit 4); ectl refuses
  // with the same exit code and leaves the lease alone.
  // The same for table, which etcdctl refuses only after revoking.
  for (std::string format : {"protobuf", "table"}) {
    std::string lease = GrantLease(600);
    RunResult r = RunTool(Tool::kEctl, Cmd({"-w", format, "lease", "revoke", lease}));
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_EQ(LastLine(r.err), "Error: " + format + " not supported as output format");
    EXPECT_EQ(r.out, "");
    EXPECT_GT(RemainingTtl(lease), 0);
  }
}

TEST_F(Lease, RevokeErrors) {
  for (const Args& args : std::vector<Args>{{"lease", "revoke"},
                                            {"lease", "revoke", "a", "b"},
                                            {"lease", "revoke", "zz"},
                                            {"lease", "revoke", "8000000000000000"},
                                            {"lease", "revoke", "1234"}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

TEST_F(Lease, TimeToLiveInEveryFormat) {
  std::string lease = GrantLease(600);
  Put("attached", "v", lease);
  std::string bare = GrantLease(600);
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    for (const Args& args : std::vector<Args>{{"lease", "timetolive", lease},
                                              {"lease", "timetolive", lease, "--keys"},
                                              {"lease", "timetolive", "--keys", bare},
                                              {"lease", "timetolive", bare}}) {
      Invocation inv = Cmd(WithFlags(v.flags, args));
      RunResult oracle = RunTool(Tool::kEtcdctl, inv);
      RunResult ectl = RunTool(Tool::kEctl, inv);
      // The remaining TTL may tick between the two runs.
      EXPECT_EQ(Printable(MaskRemainingTtl(ectl.out)), Printable(MaskRemainingTtl(oracle.out)))
          << Describe(inv);
      EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
    }
  }
}

TEST_F(Lease, TimeToLiveOfUnknownLeases) {
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    for (const Args& args : std::vector<Args>{{"lease", "timetolive", "1234"},
                                              {"lease", "timetolive", "--keys", "1234"},
                                              {"lease", "timetolive", "--", "-5"},
                                              {"lease", "timetolive", "--", "-8000000000000000"}}) {
      RunResult r = ExpectSameAsOracle(Cmd(WithFlags(v.flags, args)));
      EXPECT_EQ(r.exit_code, 0);
    }
  }
}

TEST_F(Lease, TimeToLiveErrors) {
  for (const Args& args : std::vector<Args>{{"lease", "timetolive"},
                                            {"lease", "timetolive", "zz"},
                                            {"-w", "table", "lease", "timetolive", "1"},
                                            {"-w", "xml", "lease", "timetolive", "zz"}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

TEST_F(Lease, ListInEveryFormat) {
  RevokeAllLeases();
  ASSERT_NO_FATAL_FAILURE();
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    RunResult r = ExpectSameAsOracle(Cmd(WithFlags(v.flags, {"lease", "list"})));
    EXPECT_EQ(r.exit_code, 0);
  }
  GrantLease(600);
  GrantLease(700);
  GrantLease(800);
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    RunResult r = ExpectSameAsOracle(Cmd(WithFlags(v.flags, {"lease", "list", "extra"})));
    EXPECT_EQ(r.exit_code, 0);
  }
  ExpectSameErrorAsOracle(Cmd({"-w", "table", "lease", "list"}));
}

TEST_F(Lease, KeepAliveOnceInEveryFormat) {
  std::string lease = GrantLease(60);
  for (const OutputVariant& v : OutputVariants()) {
    SCOPED_TRACE(v.label);
    RunResult r =
        ExpectSameAsOracle(Cmd(WithFlags(v.flags, {"lease", "keep-alive", "--once", lease})));
    EXPECT_EQ(r.exit_code, 0);
  }
  for (const Args& args : std::vector<Args>{{"lease", "keep-alive", "--once", "1234"},
                                            {"lease", "keep-alive", "--once"},
                                            {"lease", "keep-alive", "--once", "0x12"},
                                            {"-w", "table", "lease", "keep-alive", "--once", lease}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

TEST_F(Lease, SettingsFromEtcdctlVariables) {
  std::string lease = GrantLease(600);
  for (const Args& args : std::vector<Args>{{"lease", "timetolive", lease},
                                            {"lease", "keep-alive", "--once", lease}}) {
    for (const char* format : {"json", "fields"}) {
      Invocation inv;
      inv.args = args;
      inv.env = {{"ETCDCTL_ENDPOINTS", Endpoints()}, {"ETCDCTL_WRITE_OUT", format}};
      RunResult oracle = RunTool(Tool::kEtcdctl, inv);
      RunResult ectl = RunTool(Tool::kEctl, inv);
      EXPECT_EQ(Printable(MaskRemainingTtl(ectl.out)), Printable(MaskRemainingTtl(oracle.out)))
          << Describe(inv);
      EXPECT_EQ(ectl.exit_code, 0) << ectl.err;
    }
  }
}

TEST_F(Lease, PutWithLeaseAttachesAndRevokeDeletes) {
  std::string lease = GrantLease(600);
  for (const char* key : {"lk1", "lk2"}) {
    RunResult put = RunTool(Tool::kEctl, Cmd({"put", "--lease=" + lease, key, "v"}));
    ASSERT_EQ(put.exit_code, 0) << put.err;
  }
  Put("other", "stays");
  RunResult ttl = RunTool(Tool::kEctl, Cmd({"-w", "fields", "lease", "timetolive", "--keys", lease}));
  EXPECT_NE(ttl.out.find("\"Key\" : \"lk1\"\n"), std::string::npos) << ttl.out;
  EXPECT_NE(ttl.out.find("\"Key\" : \"lk2\"\n"), std::string::npos) << ttl.out;
  RunResult revoke = RunTool(Tool::kEctl, Cmd({"lease", "revoke", lease}));
  EXPECT_EQ(revoke.exit_code, 0) << revoke.err;
  EXPECT_EQ(StoredValue("lk1"), std::nullopt);
  EXPECT_EQ(StoredValue("lk2"), std::nullopt);
  EXPECT_EQ(StoredValue("other"), "stays");
  // The key's lease is gone, so a put with it now fails, as with etcdctl.
  ExpectSameErrorAsOracle(Cmd({"put", "--lease=" + lease, "lk1", "v"}));
}

}  // namespace
}  // namespace ectl::integration
