// The checked-in man page must match what the command tree generates;
// when this fails, run `cmake --build build --target regen-docs`.
#include "cli/docs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/global_options.h"

namespace ectl::cli {
namespace {

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(ECTL_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class Docs : public ::testing::Test {
 protected:
  Docs() : tree_("ectl") {
    global_.Bind(tree_.Materialize(&tree_.root()));
    RegisterCommands(tree_);
  }
  CommandTree tree_;
  GlobalOptions global_;
};

TEST_F(Docs, ManPageIsCurrent) { EXPECT_EQ(RenderManPage(tree_), ReadSourceFile("man/ectl.1")); }

TEST_F(Docs, EveryVisibleCommandIsInTheManPage) {
  std::string man = RenderManPage(tree_);
  for (const char* use : {"get [options]", "put [options]", "del [options]", "version"}) {
    EXPECT_NE(man.find(use), std::string::npos) << use;
  }
  EXPECT_EQ(man.find(".SS \"ectl __man"), std::string::npos);  // hidden
}

}  // namespace
}  // namespace ectl::cli
