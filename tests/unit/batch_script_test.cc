// The script language of batch and shell: every quoting rule, here-documents, errors.
#include "cli/batch_script.h"

#include <gtest/gtest.h>

#include "cli/commands/shell_complete.h"

namespace ectl::cli {
namespace {

using Words = std::vector<std::string>;

Words One(std::string_view text) {
  auto commands = ParseScript(text);
  EXPECT_EQ(commands.size(), 1u) << text;
  return commands.empty() ? Words{} : commands[0].words;
}

// The line and message of the error text raises.
std::pair<int, std::string> Fails(std::string_view text, bool* incomplete = nullptr) {
  try {
    ParseScript(text);
  } catch (const ScriptError& e) {
    if (incomplete) *incomplete = e.incomplete();
    return {e.line(), e.what()};
  }
  ADD_FAILURE() << "no error for " << text;
  return {0, ""};
}

TEST(BatchScript, BlanksSeparateWordsAndNewlinesCommands) {
  auto c = ParseScript("put a 1\n  get\ta  --prefix  \n\n\t\nversion");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].words, (Words{"put", "a", "1"}));
  EXPECT_EQ(c[0].line, 1);
  EXPECT_EQ(c[1].words, (Words{"get", "a", "--prefix"}));
  EXPECT_EQ(c[1].line, 2);
  EXPECT_EQ(c[2].words, (Words{"version"}));
  EXPECT_EQ(c[2].line, 5);
  EXPECT_FALSE(c[0].input.has_value());
  EXPECT_TRUE(ParseScript("").empty());
  EXPECT_TRUE(ParseScript("\n \n\t\n").empty());
}

TEST(BatchScript, CarriageReturnIsABlank) { EXPECT_EQ(One("put a b\r\n"), (Words{"put", "a", "b"})); }

TEST(BatchScript, CommentsStartAtAWord) {
  auto c = ParseScript("# a comment\nput a#b c # the rest\n   # indented\nget '#x' \\#y");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].words, (Words{"put", "a#b", "c"}));
  EXPECT_EQ(c[0].line, 2);
  EXPECT_EQ(c[1].words, (Words{"get", "#x", "#y"}));
}

TEST(BatchScript, SingleQuotesKeepEverything) {
  EXPECT_EQ(One(R"(put 'a b' 'c\n"d' '$x*~;|&>')"), (Words{"put", "a b", R"(c\n"d)", "$x*~;|&>"}));
}

TEST(BatchScript, DoubleQuotesEscapeOnlyFour) {
  EXPECT_EQ(One(R"(put "a b" "q\"q" "b\\s" "d\$" "t\`" "k\n\x" "'")"),
            (Words{"put", "a b", "q\"q", "b\\s", "d$", "t`", "k\\n\\x", "'"}));
}

TEST(BatchScript, BackslashOutsideQuotes) {
  EXPECT_EQ(One(R"(put a\ b \'c \"d e\\f \n)"), (Words{"put", "a b", "'c", "\"d", "e\\f", "n"}));
}

TEST(BatchScript, EmptyWordsAndAdjacentQuotes) {
  EXPECT_EQ(One("put '' \"\" a'b'\"c\"d$'e'"), (Words{"put", "", "", "abcde"}));
  EXPECT_EQ(One("put k ''"), (Words{"put", "k", ""}));
}

TEST(BatchScript, AnsiCQuotesWriteAnyByte) {
  EXPECT_EQ(One(R"(put $'a\x00b' $'\xff\x7' $'\n\t\r\a\b\e\f\v' $'\\\'\"\?' $'\101\0\777' $'\q\x')"),
            (Words{"put", std::string("a\0b", 3), "\xff\x07", "\n\t\r\a\b\x1b\f\v", "\\'\"?",
                   std::string("A\0\xff", 3), "\\q\\x"}));
  // $ alone, or before a double quote, is an ordinary character.
  EXPECT_EQ(One(R"(put $ a$ $"x")"), (Words{"put", "$", "a$", "$x"}));
}

TEST(BatchScript, ContinuationJoinsLines) {
  auto c = ParseScript("put a \\\n  b\nget c\\\nd \"e\\\nf\"\n");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].words, (Words{"put", "a", "b"}));
  EXPECT_EQ(c[1].words, (Words{"get", "cd", "ef"}));
  EXPECT_EQ(c[1].line, 3);
}

TEST(BatchScript, HereDocument) {
  auto c = ParseScript("put k <<EOF\nhello\n  world\n\nEOF\nget k\n");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].words, (Words{"put", "k"}));
  EXPECT_EQ(c[0].input, "hello\n  world\n\n");
  EXPECT_EQ(c[1].words, (Words{"get", "k"}));
  EXPECT_EQ(c[1].line, 6);
  // Separated delimiter, quoted delimiter, empty body, no newline after the delimiter.
  EXPECT_EQ(ParseScript("txn << 'END X'\na\nEND X")[0].input, "a\n");
  EXPECT_EQ(ParseScript("put k <<E\nE\n")[0].input, "");
  // A line that only contains the delimiter closes; one with more does not.
  EXPECT_EQ(ParseScript("put k <<E\n E\nE \nE\n")[0].input, " E\nE \n");
  // <<- strips leading tabs from the body and the closing line.
  EXPECT_EQ(ParseScript("put k <<-E\n\t\ta\n\tb\n\tE\n")[0].input, "a\nb\n");
  // After the here-document operator's word, more words may follow.
  EXPECT_EQ(ParseScript("put <<E k v\nx\nE\n")[0].words, (Words{"put", "k", "v"}));
  // Quoted or escaped << is a word.
  EXPECT_EQ(One("put '<<' \\<<x"), (Words{"put", "<<", "<<x"}));
  // In the middle of a word it is text.
  EXPECT_EQ(One("put a<<b"), (Words{"put", "a<<b"}));
}

TEST(BatchScript, Errors) {
  EXPECT_EQ(Fails("version\nput 'a b\nget"), std::make_pair(2, std::string("unterminated single quote")));
  EXPECT_EQ(Fails("put \"a"), std::make_pair(1, std::string("unterminated double quote")));
  EXPECT_EQ(Fails("put $'a\nb'"), std::make_pair(1, std::string("unterminated $'...' quote")));
  EXPECT_EQ(Fails("put <<A <<B\n"), std::make_pair(1, std::string("only one here-document per command")));
  EXPECT_EQ(Fails("put k <<\n"), std::make_pair(1, std::string("here-document without a delimiter word")));
  EXPECT_EQ(Fails("<<E\nx\nE\n"), std::make_pair(1, std::string("here-document without a command")));
  bool incomplete = false;
  EXPECT_EQ(Fails("get a\n\nput k <<EOF\nv\n", &incomplete),
            std::make_pair(3, std::string("here-document delimited by \"EOF\" is not closed")));
  EXPECT_TRUE(incomplete);
  EXPECT_EQ(Fails("put a \\", &incomplete).second, "backslash at the end of the input");
  EXPECT_TRUE(incomplete);
  (void)Fails("put 'a", &incomplete);
  EXPECT_FALSE(incomplete);
}

TEST(BatchScript, FirstLineNumber) { EXPECT_EQ(ParseScript("\nget a", 10)[0].line, 11); }

TEST(ShellComplete, CommandsFlagsAndKeys) {
  ShellCompleter completer("ectl");
  std::vector<std::string> asked;
  auto keys = [&](const std::string& prefix) {
    asked.push_back(prefix);
    return std::vector<std::string>{"fruit/apple", "fruit/avocado"};
  };
  auto c = completer.Complete("ge", keys);
  EXPECT_EQ(c.prefix, "ge");
  EXPECT_EQ(c.candidates, (Words{"get"}));
  EXPECT_EQ(c.suffix, " ");
  c = completer.Complete("lease ke", keys);
  EXPECT_EQ(c.candidates, (Words{"keep-alive"}));
  c = completer.Complete("exi", keys);
  EXPECT_EQ(c.candidates, (Words{"exit"}));
  c = completer.Complete("get --pre", keys);
  EXPECT_EQ(c.candidates, (Words{"--prefix"}));
  c = completer.Complete("put k --endp", keys);
  EXPECT_EQ(c.candidates, (Words{"--endpoints"}));
  c = completer.Complete("get -w json fruit/a", keys);
  EXPECT_EQ(c.candidates, (Words{"fruit/apple", "fruit/avocado"}));
  EXPECT_EQ(asked, (Words{"fruit/a"}));
  // Only the first argument of get/put/del, never a flag's value or inside quotes.
  EXPECT_TRUE(completer.Complete("put k v", keys).candidates.empty());
  EXPECT_TRUE(completer.Complete("get -w ", keys).candidates.empty());
  EXPECT_TRUE(completer.Complete("get 'fr", keys).candidates.empty());
  EXPECT_TRUE(completer.Complete("member list x", keys).candidates.empty());
  EXPECT_EQ(asked.size(), 1u);
}

}  // namespace
}  // namespace ectl::cli
