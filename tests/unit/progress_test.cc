// The progress line: its text, and that it writes nothing unless enabled.
#include "output/progress.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

namespace ectl::output {
namespace {

using std::chrono::seconds;

TEST(Progress, LineWithTotalShowsPercentRateAndEta) {
  ProgressState s{"Saving snapshot", ProgressUnit::kBytes, "", 25'000'000, 100'000'000, seconds(5)};
  EXPECT_EQ(ProgressLine(s), "Saving snapshot  25 MB / 100 MB  25%  5.0 MB/s  ETA 15s");
}

TEST(Progress, LineWithoutTotalShowsCountAndRate) {
  ProgressState s{"Mirroring", ProgressUnit::kItems, "keys", 12345, std::nullopt, seconds(10)};
  EXPECT_EQ(ProgressLine(s), "Mirroring  12345 keys  1234 keys/s");
}

TEST(Progress, NoRateInTheFirstSecond) {
  ProgressState s{"Defragmenting", ProgressUnit::kItems, "members", 1, 3, std::chrono::milliseconds(10)};
  EXPECT_EQ(ProgressLine(s), "Defragmenting  1 members / 3 members  33%");
}

TEST(Progress, DoneAtOrPastTotalIsHundredPercentWithoutEta) {
  ProgressState s{"x", ProgressUnit::kItems, "", 12, 10, seconds(2)};
  EXPECT_EQ(ProgressLine(s), "x  12 / 10  100%  6/s");
}

TEST(Progress, Durations) {
  EXPECT_EQ(ProgressDuration(std::chrono::milliseconds(850)), "850ms");
  EXPECT_EQ(ProgressDuration(seconds(7)), "7s");
  EXPECT_EQ(ProgressDuration(seconds(184)), "3m04s");
  EXPECT_EQ(ProgressDuration(seconds(3720)), "1h02m");
  EXPECT_EQ(ProgressDuration(seconds(-3)), "0ms");
}

TEST(Progress, DisabledWritesNothing) {
  std::ostringstream err;
  {
    Progress p(err, false, "Saving", ProgressUnit::kBytes);
    p.SetTotal(100);
    p.Add(10);
    p.Draw();
    p.Set(100);
    p.Finish();
  }
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, DrawsAtOnceAndClearsOnFinish) {
  std::ostringstream err;
  Progress p(err, true, "Copying", ProgressUnit::kItems, "keys");
  p.Add(3);  // the first count is drawn at once
  EXPECT_EQ(err.str(), "\rCopying  3 keys\x1b[K");
  p.Finish();
  EXPECT_EQ(err.str(), "\rCopying  3 keys\x1b[K\r\x1b[K");
  p.Add(1);  // nothing after Finish
  p.Finish();
  EXPECT_EQ(err.str(), "\rCopying  3 keys\x1b[K\r\x1b[K");
  EXPECT_EQ(p.done(), 4u);
}

TEST(Progress, NothingDrawnNothingCleared) {
  std::ostringstream err;
  { Progress p(err, true, "Idle"); }
  EXPECT_EQ(err.str(), "");
}

TEST(Progress, CutToWidth) {
  std::ostringstream err;
  Progress p(err, true, "A long label", ProgressUnit::kItems, "", 8);
  p.Draw();
  EXPECT_EQ(err.str(), "\rA long \x1b[K");
}

TEST(Progress, AddFromManyThreadsCountsEverything) {
  std::ostringstream err;
  Progress p(err, false, "n");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&p] {
      for (int i = 0; i < 1000; ++i) p.Add(1);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(p.done(), 4000u);
}

}  // namespace
}  // namespace ectl::output
