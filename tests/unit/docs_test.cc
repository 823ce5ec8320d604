// The checked-in man pages must match what the command tree generates;
// when this fails, run `cmake --build build --target regen-docs`.
#include "cli/man.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
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

TEST_F(Docs, ManPagesAreCurrent) {
  std::set<std::string> expected;
  for (const ManPage& page : RenderManPages(tree_)) {
    EXPECT_EQ(page.text, ReadSourceFile("man/" + page.name + ".1")) << page.name;
    expected.insert(page.name + ".1");
  }
  std::set<std::string> checked_in;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ECTL_SOURCE_DIR) + "/man")) {
    checked_in.insert(entry.path().filename().string());
  }
  EXPECT_EQ(checked_in, expected);
}

TEST_F(Docs, OnePagePerVisibleTopLevelCommand) {
  auto pages = RenderManPages(tree_);
  std::map<std::string, std::string> by_name;
  for (const ManPage& page : pages) by_name[page.name] = page.text;
  for (const char* name : {"ectl", "ectl-get", "ectl-put", "ectl-del", "ectl-txn", "ectl-watch",
                           "ectl-lease", "ectl-member", "ectl-snapshot", "ectl-version"}) {
    EXPECT_EQ(by_name.count(name), 1u) << name;
  }
  EXPECT_EQ(by_name.count("ectl-__man"), 0u);  // hidden
  // A group's page covers its subcommands; ectl(1) names every page in SEE ALSO.
  EXPECT_NE(by_name["ectl-lease"].find(".SS \"ectl lease keep\\-alive"), std::string::npos);
  for (const ManPage& page : pages) {
    if (page.name == "ectl") continue;
    std::string roff_name;  // "ectl\-move\-leader"
    for (char c : page.name) roff_name += c == '-' ? std::string("\\-") : std::string(1, c);
    EXPECT_NE(by_name["ectl"].find("\\fB" + roff_name + "\\fR(1)"), std::string::npos) << page.name;
    for (const char* section : {".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n",
                                ".SH EXAMPLES\n", ".SH SEE ALSO\n"}) {
      EXPECT_NE(page.text.find(section), std::string::npos) << page.name << " " << section;
    }
  }
}

TEST_F(Docs, EveryCommandHelpHasExamples) {
  tree_.MaterializeAll();
  std::vector<const Command*> stack{&tree_.root()};
  while (!stack.empty()) {
    const Command* c = stack.back();
    stack.pop_back();
    for (const auto& child : c->children) {
      if (!child->hidden) stack.push_back(child.get());
    }
    if (c->parent == nullptr) continue;
    EXPECT_TRUE(c->long_desc.find("\nExamples:\n") != std::string::npos ||
                c->long_desc.find("\nExample:\n") != std::string::npos)
        << CommandTree::Path(c);
  }
}

TEST_F(Docs, TxnHelpShowsTheGrammar) {
  tree_.MaterializeAll();
  const Command* txn = tree_.Find(&tree_.root(), "txn");
  ASSERT_NE(txn, nullptr);
  for (const char* part : {"<Txn>", "<CMP>", "<CMPOP>", "<CMPCREATE>", "<CMPMOD>", "<CMPVAL>",
                           "<CMPVER>", "<CMPLEASE>", "<OP>", "<GET>", "<PUT>", "<DEL>"}) {
    EXPECT_NE(txn->long_desc.find(part), std::string::npos) << part;
  }
}

}  // namespace
}  // namespace ectl::cli
