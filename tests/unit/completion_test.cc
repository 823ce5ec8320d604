// The checked-in completion scripts must match what the command tree generates; when
// this fails, run `cmake --build build --target regen-docs`.
#include "cli/completion.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/complete_keys.h"
#include "cli/global_options.h"
#include "cli/run.h"

namespace ectl::cli {
namespace {

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(ECTL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Completion : public ::testing::Test {
 protected:
  Completion() : tree_("ectl") {
    global_.Bind(tree_.Materialize(&tree_.root()));
    RegisterCommands(tree_);
  }
  CommandTree tree_;
  GlobalOptions global_;
};

TEST_F(Completion, ScriptsAreCurrent) {
  EXPECT_EQ(RenderCompletion(tree_, "bash"), ReadSourceFile("completions/ectl.bash"));
  EXPECT_EQ(RenderCompletion(tree_, "zsh"), ReadSourceFile("completions/_ectl.zsh"));
  EXPECT_EQ(RenderCompletion(tree_, "fish"), ReadSourceFile("completions/ectl.fish"));
}

// The values a flag takes and its paths, from the flag table, reach every script.
TEST_F(Completion, FlagValuesAndPathsComeFromTheFlagTable) {
  std::string bash = RenderCompletion(tree_, "bash");
  EXPECT_NE(bash.find(R"(["ROOT --write-out"]="fields json jsonl protobuf simple table")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["ROOT -w"]="fields json jsonl protobuf simple table")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["ROOT --color"]="auto always never")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["get --sort-by"]="CREATE KEY MODIFY VALUE VERSION")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["get --order"]="ASCEND DESCEND")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["get --consistency"]="l s")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["check perf --load"]="s m l xl")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["check datascale --load"]="s m l xl")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["ROOT --cacert"]="@file")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["snapshot restore --data-dir"]="@dir")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["get"]="@key|@key")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["lock"]="@name")"), std::string::npos);
  EXPECT_NE(bash.find(R"(["snapshot save"]="@file")"), std::string::npos);

  std::string zsh = RenderCompletion(tree_, "zsh");
  EXPECT_NE(zsh.find("'--sort-by=[Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION]:sort-by:"
                     "(CREATE KEY MODIFY VALUE VERSION)'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'(-w --write-out)-w+[set the output format (fields, json, jsonl, protobuf, "
                     "simple, table)]:write-out:(fields json jsonl protobuf simple table)'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'--cacert=[verify certificates of TLS-enabled secure servers using this CA "
                     "bundle]:cacert:_files'"),
            std::string::npos);
  EXPECT_NE(zsh.find("'1:key:_ectl_keys key'"), std::string::npos);

  std::string fish = RenderCompletion(tree_, "fish");
  EXPECT_NE(fish.find("complete -c ectl -n '__ectl_is \\'get\\'' -l order -x -a 'ASCEND DESCEND'"),
            std::string::npos);
  EXPECT_NE(fish.find("complete -c ectl -l cacert -r -F"), std::string::npos);
  EXPECT_NE(fish.find("complete -c ectl -n '__ectl_arg \\'get\\' 0' -a '(__ectl_keys key)'"),
            std::string::npos);
}

TEST_F(Completion, HiddenCommandsAreNotOffered) {
  for (const char* shell : {"bash", "zsh", "fish"}) {
    std::string script = RenderCompletion(tree_, shell);
    EXPECT_EQ(script.find("__man"), std::string::npos) << shell;
    EXPECT_EQ(script.find(" __complete-keys\""), std::string::npos) << shell;
  }
}

TEST(CompleteKeys, NamesFromKeysDropTheLeaseSuffix) {
  EXPECT_EQ(NamesFromKeys({"job/694d9b8c1c3e2a04", "job/694d9b8c1c3e2a07", "plain", "a/b/q",
                           "x/7f"}),
            (std::vector<std::string>{"job", "plain", "a/b/q", "x"}));
}

// cobra's suggestions for an unknown command, in the order etcdctl 3.4.23 prints them
// (each list taken from /usr/bin/etcdctl).
TEST_F(Completion, SuggestionsAreCobras) {
  auto s = [&](const char* word) { return tree_.Suggestions(&tree_.root(), word); };
  using V = std::vector<std::string>;
  EXPECT_EQ(s("gett"), (V{"get"}));
  EXPECT_EQ(s("GET"), (V{"get", "put", "del"}));
  EXPECT_EQ(s("l"), (V{"del", "lease", "lock"}));
  EXPECT_EQ(s("m"), (V{"move-leader", "member", "make-mirror", "migrate"}));
  EXPECT_EQ(s("c"), (V{"compaction", "check", "completion"}));
  // etcdctl's list, then ectl's own commands in registration order.
  EXPECT_EQ(s("e"), (V{"get", "del", "endpoint", "elect", "export"}));
  EXPECT_EQ(s("memebr"), (V{"member"}));
  EXPECT_EQ(s("xyzzy"), (V{}));
}

TEST(CompletionRun, UnknownCommandIsReportedOnceWithSuggestions) {
  std::istringstream in;
  std::ostringstream out, err;
  int code = cli::Run({"/usr/bin/etcdctl", "gett"}, Environment{}, {in, out, err, false});
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out.str(), "");
  EXPECT_EQ(err.str(),
            "Error: unknown command \"gett\" for \"etcdctl\"\n\nDid you mean this?\n\tget\n\n"
            "Run 'etcdctl --help' for usage.\n");
}

}  // namespace
}  // namespace ectl::cli
