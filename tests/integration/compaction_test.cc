// `compaction <revision> [--physical]`: the fixed output line in every -w format, the
// history really compacted, and etcdctl's errors and exit codes (a non-numeric revision
// exits 1, not 128).

#include <string>
#include <vector>

#include "kv_suite.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

class Compaction : public EtcdSuite {};

TEST_F(Compaction, EveryFormatPrintsTheSameLine) {
  std::vector<OutputVariant> variants = OutputVariants();
  variants.push_back({"-w table", {"-w", "table"}, Format::kTable});
  for (const OutputVariant& v : variants) {
    SCOPED_TRACE(v.label);
    for (bool physical : {false, true}) {
      std::string outputs[2];
      for (Tool tool : {Tool::kEtcdctl, Tool::kEctl}) {
        Put("k", "v1");
        const int64_t old_rev = Revision();
        Put("k", "v2");
        const int64_t rev = Revision();
        Args args = WithFlags(v.flags, {"compaction", std::to_string(rev)});
        if (physical) args.push_back("--physical");
        RunResult r = RunTool(tool, Cmd(args));
        EXPECT_EQ(r.exit_code, 0) << ToolName(tool) << ": " << r.err;
        EXPECT_EQ(r.out, "compacted revision " + std::to_string(rev) + "\n");
        outputs[tool == Tool::kEctl] = r.out.substr(0, r.out.rfind(' '));
        // The older revision is gone.
        RunResult get =
            RunTool(Tool::kEtcdctl, Cmd({"get", "k", "--rev=" + std::to_string(old_rev)}));
        EXPECT_EQ(LastLine(get.err), "Error: etcdserver: mvcc: required revision has been compacted")
            << ToolName(tool);
      }
      EXPECT_EQ(outputs[1], outputs[0]);
    }
  }
}

TEST_F(Compaction, Errors) {
  Put("k", "v");
  const int64_t rev = Revision();
  RunResult first = RunTool(Tool::kEtcdctl, Cmd({"compaction", std::to_string(rev)}));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  for (const Args& args : std::vector<Args>{
           {"compaction"},
           {"compaction", "1", "2"},
           {"compaction", "abc"},
           {"compaction", "0x10"},
           {"compaction", "99999999999"},            // a future revision
           {"compaction", std::to_string(rev)},      // already compacted
           {"compaction", std::to_string(rev - 1)},  // older than the compaction
           {"-w", "xml", "compaction", "5"},
           {"compaction", "--physical=maybe", "5"}}) {
    ExpectSameErrorAsOracle(Cmd(args));
  }
}

}  // namespace
}  // namespace ectl::integration
