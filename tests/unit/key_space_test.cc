#include "client/key_space.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace ectl::client {
namespace {

std::string Numbered(const char* prefix, int i, int width = 6) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*d", width, i);
  return prefix + std::string(buf);
}

TEST(KeySpace, PrefixIsWhatStartAndEndShare) {
  EXPECT_EQ(KeySpace("p300k/", "p300k0").prefix(), "p300k");
  EXPECT_EQ(KeySpace("a", "c").prefix(), "");
  EXPECT_EQ(KeySpace("abc", std::string("\0", 1)).prefix(), "");  // --from-key
}

TEST(KeySpace, PositionNeverDecreasesInKeyOrder) {
  KeySpace space("k/", "k0");
  std::vector<std::string> keys = {"k/", "k/\x01", "k/0", "k/00", "k/000", "k/01", "k/1",
                                   "k/9", "k/9\xff", "k/a", "k/z", "k/\xfe", "k/\xff\xff"};
  for (const auto& k : keys) space.Observe(k);
  for (size_t i = 1; i < keys.size(); ++i) {
    EXPECT_LE(space.Position(keys[i - 1]), space.Position(keys[i])) << keys[i];
  }
}

TEST(KeySpace, KeyAtMapsBackToAKeyNoLaterThanThePosition) {
  KeySpace space("p/", "p0");
  for (int i = 0; i < 1000; i += 7) space.Observe(Numbered("p/", i));
  for (int i = 0; i < 1000; i += 13) {
    const std::string key = Numbered("p/", i);
    auto back = space.KeyAt(space.Position(key));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, key);
  }
}

TEST(KeySpace, NothingObservedTellsNothing) {
  KeySpace space("a/", "a0");
  EXPECT_FALSE(space.KeyAt(10).has_value());
  EXPECT_FALSE(space.EndAfter("a/1", "a/0", "a/1", 10, 100).has_value());
}

TEST(KeySpace, NumberedKeysGetEndsCloseToTheAim) {
  // 300,000 numbered keys read in pages: each guessed end, from the page before, holds
  // about as many keys as aimed at (digits use 11 of the radix's symbols here, so a
  // guess may be off by a small factor, never by orders of magnitude).
  KeySpace space("p300k/", "p300k0");
  for (int i = 0; i < 10000; ++i) space.Observe(Numbered("p300k/", i));
  std::string sample_from = Numbered("p300k/", 0), sample_to = Numbered("p300k/", 9999);
  int64_t sample_keys = 9999;
  int next = 10000;
  while (next < 290000) {
    const std::string from = Numbered("p300k/", next);
    auto end = space.EndAfter(from, sample_from, sample_to, sample_keys, 20000);
    ASSERT_TRUE(end.has_value()) << from;
    ASSERT_GT(*end, from);
    int n = 0;  // keys in [from, end)
    while (next + n < 300000 && Numbered("p300k/", next + n) < *end) ++n;
    EXPECT_GE(n, 20000 / 4) << from << " .. " << *end;
    EXPECT_LE(n, 20000 * 4) << from << " .. " << *end;
    if (n == 0) break;
    for (int i = next; i < next + n; ++i) space.Observe(Numbered("p300k/", i));
    sample_from = from;
    sample_to = *end;
    sample_keys = n;
    next += n;
  }
}

TEST(KeySpace, KeysSharingALongPathGetEndsCloseToTheAim) {
  // Keys that share more after the range's prefix than a position's digits hold, as under
  // /registry/ in a Kubernetes store: the guess counts from the prefix the sample shares.
  auto key = [](int i) { return Numbered("/registry/pods/kube-system/coredns-", i); };
  KeySpace space("/registry/", "/registry0");
  for (int i = 0; i < 10000; ++i) space.Observe(key(i));
  std::string sample_from = key(0), sample_to = key(9999);
  int64_t sample_keys = 9999;
  int next = 10000, pages = 0;
  while (next < 190000) {
    const std::string from = key(next);
    auto end = space.EndAfter(from, sample_from, sample_to, sample_keys, 20000);
    ASSERT_TRUE(end.has_value()) << from;
    ASSERT_GT(*end, from);
    int n = 0;
    while (next + n < 200000 && key(next + n) < *end) ++n;
    EXPECT_LE(n, 20000 * 4) << from << " .. " << *end;
    ++pages;
    if (n > 0) {
      for (int i = next; i < next + n; ++i) space.Observe(key(i));
      sample_from = from;
      sample_to = *end;
      sample_keys = n;
    }
    next += n;
    ASSERT_LT(pages, 100) << "no progress at " << from;
  }
  // About 180,000 keys in pages of about 20,000; a few pages at the ends of decades.
  EXPECT_LE(pages, 30);
}

TEST(KeySpace, EndsStayInsideTheRange) {
  KeySpace space("a/", "a0");
  space.Observe("a/0");
  space.Observe("a/5");
  space.Observe("a/9");
  // Far past the last key: no guess, the page reads to the range end.
  EXPECT_FALSE(space.EndAfter("a/5", "a/0", "a/5", 1, 1e18).has_value());
  EXPECT_FALSE(space.EndAfter("a/5", "a/0", "a/5", 5, 10).has_value());
  EXPECT_EQ(space.EndAfter("a/5", "a/0", "a/5", 5, 1), "a/6");
}

TEST(KeySpace, NoGuessWhenTheSampleHasNoWidth) {
  KeySpace space("a/", "a0");
  space.Observe("a/x");
  EXPECT_FALSE(space.EndAfter("a/x", "a/x", "a/x", 5, 10).has_value());
}

}  // namespace
}  // namespace ectl::client
