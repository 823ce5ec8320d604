// The GoText suite: ectl's Go-compatible text rules proven against etcdctl 3.4 on
// whole input classes rather than samples.
//
// - Quoting sweep: one key per code point (the BMP without surrogates, planes 1 and
//   14 whole, every boundary of ectl's printable table and a stride through the other
//   planes) and one key per invalid or truncated UTF-8 sequence (every byte pair with
//   a lead byte >= 0x80, and the three- and four-byte lead bytes with their edge
//   continuation bytes), each with a value holding the same bytes. They are stored in
//   large transactions (the oracle's JSON then proves every key arrived byte-exact), and
//   `get --prefix` is compared byte for byte in simple, json and fields output, each
//   with and without --hex.
// - Durations: every combination of sign (none or "-"; "+" sampled), number shape and
//   unit, plus multi-part, truncation, overflow and odd-byte inputs, through
//   --keepalive-time (whose parsed value `--debug` prints), --dial-timeout and
//   --command-timeout.
// - Integers: every combination of sign (none or "-"; "+" and upper-case prefixes
//   sampled), base prefix, digits and underscore placement, plus the 64-bit boundaries
//   in every base, through get --limit (base 0), get --rev, lease grant (base 10) and
//   lease timetolive (base 16, echoed in hex).
// Each differential case compares exit code, stdout and the final stderr line.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/bytes.h"
#include "ctl.h"
#include "etcd_fixture.h"

namespace ectl::integration {
namespace {

using Args = std::vector<std::string>;

// ectl's printable table, used only to choose extra sample points (its boundaries)
// in the planes the sweep does not cover whole.
struct RuneRange {
  uint32_t first, last;
};
constexpr RuneRange kPrintable[] = {
#include "common/isprint_table.inc"
};

constexpr char kHex[] = "0123456789abcdef";

// The UTF-8 bytes of r (never a surrogate here: the sweep skips them).
std::string Utf8(uint32_t r) {
  std::string out;
  AppendRune(out, r);
  return out;
}

std::string HexDigits(std::string_view bytes) {
  std::string out;
  for (unsigned char b : bytes) out += {kHex[b >> 4], kHex[b & 15]};
  return out;
}

std::string Hex6(uint32_t v) {
  std::string out(6, '0');
  for (int i = 5; i >= 0; --i, v >>= 4) out[i] = kHex[v & 15];
  return out;
}

// A txn-grammar token holding any bytes: double-quoted, every byte as \xHH, so the
// line itself is plain ASCII.
std::string TxnToken(std::string_view bytes) {
  std::string out = "\"";
  for (unsigned char b : bytes) out += {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
  return out + "\"";
}

// The code points of the sweep, ascending.
std::vector<uint32_t> SweepCodePoints() {
  std::vector<uint32_t> cps;
  auto whole_plane = [](uint32_t r) { return r < 0x20000 || (r >= 0xE0000 && r < 0xF0000); };
  for (uint32_t r = 0; r <= 0x10FFFF; ++r) {
    if (r >= 0xD800 && r <= 0xDFFF) continue;  // surrogates cannot be encoded
    if (whole_plane(r) || r % 61 == 0 || (r & 0xFFFF) < 4 || (r & 0xFFFF) > 0xFFFB) {
      cps.push_back(r);
    }
  }
  for (const RuneRange& range : kPrintable) {
    for (uint32_t r : {range.first - 1, range.first, range.last, range.last + 1}) {
      if (r <= 0x10FFFF && !whole_plane(r)) cps.push_back(r);
    }
  }
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  return cps;
}

// Byte sequences that are not valid UTF-8 (or are cut short), each at most 4 bytes.
std::vector<std::string> SweepInvalidSequences() {
  std::vector<std::string> seqs;
  auto add = [&](std::initializer_list<int> bytes) {
    std::string s;
    for (int b : bytes) s += static_cast<char>(b);
    seqs.push_back(s);
  };
  for (int b1 = 0x80; b1 <= 0xFF; ++b1) {
    add({b1});
    for (int b2 = 0; b2 <= 0xFF; ++b2) add({b1, b2});
  }
  for (int b1 = 0xE0; b1 <= 0xEF; ++b1) {
    for (int b2 = 0x80; b2 <= 0xBF; ++b2) {
      for (int b3 : {0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF}) add({b1, b2, b3});
    }
    for (int b2 : {0x00, 0x7F, 0xC0, 0xFF}) add({b1, b2, 0x80});
  }
  for (int b1 = 0xF0; b1 <= 0xFF; ++b1) {
    for (int b2 : {0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0}) {
      for (int b3 : {0x7F, 0x80, 0xBF}) {
        for (int b4 : {0x7F, 0x80, 0xBF, 0xC0}) add({b1, b2, b3, b4});
      }
    }
  }
  return seqs;
}

// Splits output into comparable records: lines, and for JSON also its kv objects.
std::vector<std::string_view> Records(std::string_view out) {
  std::vector<std::string_view> records;
  size_t start = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const bool json_cut = out[i] == '}' && i + 1 < out.size() && out[i + 1] == ',';
    if (out[i] == '\n' || json_cut) {
      records.push_back(out.substr(start, i + 1 - start));
      start = i + 1;
    }
  }
  if (start < out.size()) records.push_back(out.substr(start));
  return records;
}

std::string Clip(std::string_view s) {
  std::string p = Printable(s.substr(0, 240));
  return s.size() > 240 ? p + "..." : p;
}

// "" when equal; otherwise the number of differing records and the first few.
std::string DiffOutputs(std::string_view want, std::string_view got) {
  if (want == got) return "";
  std::vector<std::string_view> a = Records(want), b = Records(got);
  std::string report;
  size_t differing = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    std::string_view x = i < a.size() ? a[i] : "<none>";
    std::string_view y = i < b.size() ? b[i] : "<none>";
    if (x == y) continue;
    if (++differing <= 12) {
      report += "record " + std::to_string(i) + ":\n  etcdctl: " + Clip(x) + "\n  ectl:    " +
                Clip(y) + "\n";
    }
  }
  return std::to_string(differing) + " of " + std::to_string(a.size()) +
         " records differ (ectl has " + std::to_string(b.size()) + ")\n" + report;
}

// Runs every invocation with both tools, a few processes at a time.
struct Pair {
  RunResult oracle, ectl;
};
std::vector<Pair> RunBoth(const std::vector<Invocation>& invs) {
  std::vector<Pair> out(invs.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < 2 * invs.size();) {
      if (i % 2 == 0) {
        out[i / 2].oracle = RunTool(Tool::kEtcdctl, invs[i / 2]);
      } else {
        out[i / 2].ectl = RunTool(Tool::kEctl, invs[i / 2]);
      }
    }
  };
  std::vector<std::thread> threads;
  // Most of a run is the oracle's start-up latency, not CPU, hence more workers than cores.
  for (int t = 0; t < 6; ++t) threads.emplace_back(work);
  for (std::thread& t : threads) t.join();
  return out;
}

// What a differential case compares: exit code, stdout (after `normalize`) and the
// final stderr line, or for `stderr_prefix` the first stderr line starting with it.
struct Outcome {
  int exit_code;
  std::string out;
  std::string err;
  bool operator==(const Outcome&) const = default;
};

class GoText : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EtcdClusterOptions options;
    // The sweep stores its keys in a few large transactions.
    options.extra_args = {"--max-txn-ops=100000", "--max-request-bytes=33554432"};
    start_error_.clear();
    cluster_ = EtcdCluster::Start(options, &start_error_);
  }
  static void TearDownTestSuite() { cluster_.reset(); }
  void SetUp() override { ASSERT_NE(cluster_, nullptr) << start_error_; }

  // Generous timeouts go first (a later flag of the same name wins): the sweep's
  // ranges are large, and a loaded machine must not turn into a difference.
  static Invocation Cmd(Args args, std::string stdin_data = "") {
    Invocation inv;
    inv.args = {"--dial-timeout=30s", "--command-timeout=60s"};
    inv.args.insert(inv.args.end(), args.begin(), args.end());
    inv.stdin_data = std::move(stdin_data);
    inv.endpoints = cluster_->ClientEndpoints();
    return inv;
  }

  static void OraclePut(const std::string& key, const std::string& value) {
    RunResult r = RunTool(Tool::kEtcdctl, Cmd({"put", key, value}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  static Outcome OutcomeOf(const RunResult& r, const std::string& stderr_prefix,
                           const std::function<std::string(std::string)>& normalize) {
    // A rejected flag makes etcdctl print its usage, whose words are ectl's own; the
    // failures compared here print nothing else on stdout.
    std::string out = r.exit_code == 0 ? r.out : "";
    Outcome o{r.exit_code, normalize ? normalize(out) : out, LastLine(r.err)};
    if (!stderr_prefix.empty() && r.exit_code == 0) {
      size_t at = r.err.find("\n" + stderr_prefix);
      o.err = at == std::string::npos ? "<no " + stderr_prefix + " line>"
                                      : r.err.substr(at + 1, r.err.find('\n', at + 1) - at - 1);
    }
    return o;
  }

  // Runs make(input) for every input with both tools and expects equal outcomes;
  // returns the oracle's results for follow-up runs.
  static std::vector<RunResult> ExpectSameOutcomes(
      const std::vector<std::string>& inputs,
      const std::function<Invocation(const std::string&)>& make,
      const std::string& stderr_prefix = "",
      const std::function<std::string(std::string)>& normalize = nullptr) {
    std::vector<Invocation> invs;
    for (const std::string& in : inputs) invs.push_back(make(in));
    std::vector<Pair> results = RunBoth(invs);
    std::string report;
    size_t differing = 0;
    std::vector<RunResult> oracle;
    for (size_t i = 0; i < inputs.size(); ++i) {
      Outcome want = OutcomeOf(results[i].oracle, stderr_prefix, normalize);
      Outcome got = OutcomeOf(results[i].ectl, stderr_prefix, normalize);
      if (want != got && ++differing <= 15) {
        report += Describe(invs[i]) + "\n  etcdctl: exit " + std::to_string(want.exit_code) +
                  " out " + Clip(want.out) + " err " + Clip(want.err) + "\n  ectl:    exit " +
                  std::to_string(got.exit_code) + " out " + Clip(got.out) + " err " +
                  Clip(got.err) + "\n";
      }
      oracle.push_back(std::move(results[i].oracle));
    }
    EXPECT_EQ(differing, 0u) << differing << " of " << inputs.size() << " inputs differ\n"
                             << report;
    return oracle;
  }

  static std::unique_ptr<EtcdCluster> cluster_;
  static std::string start_error_;
};

std::unique_ptr<EtcdCluster> GoText::cluster_;
std::string GoText::start_error_;

TEST_F(GoText, QuotingOfEveryCodePointAndInvalidSequenceMatchesEtcdctl) {
  // Keys "q/c/<hex code point>/<rune>" with value "<rune>", and "q/i/<hex bytes>/<bytes>z"
  // with value "<bytes>": keys see each sequence followed by ASCII, values see it cut
  // off by the end of the string.
  std::vector<std::pair<std::string, std::string>> kvs;
  const std::vector<uint32_t> cps = SweepCodePoints();
  for (uint32_t r : cps) kvs.emplace_back("q/c/" + Hex6(r) + "/" + Utf8(r), Utf8(r));
  const std::vector<std::string> seqs = SweepInvalidSequences();
  for (const std::string& s : seqs) kvs.emplace_back("q/i/" + HexDigits(s) + "/" + s + "z", s);
  std::sort(kvs.begin(), kvs.end());
  ASSERT_EQ(std::adjacent_find(kvs.begin(), kvs.end(),
                               [](auto& a, auto& b) { return a.first == b.first; }),
            kvs.end());

  // Stored by ectl's txn, 20,000 puts per transaction (the oracle's txn parses its input
  // ten times slower); the oracle's JSON below proves every key arrived byte-exact.
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", "--prefix", "q/"})).exit_code, 0);
  for (size_t at = 0; at < kvs.size(); at += 20000) {
    std::string input = "\n";
    for (size_t i = at; i < std::min(kvs.size(), at + 20000); ++i) {
      input += "put " + TxnToken(kvs[i].first) + " " + TxnToken(kvs[i].second) + "\n";
    }
    Invocation inv = Cmd({"txn"}, input + "\n\n");
    inv.timeout = std::chrono::seconds(120);
    RunResult r = RunTool(Tool::kEctl, inv);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(r.out.rfind("SUCCESS", 0), 0u) << Clip(r.out);
  }

  const std::vector<Args> formats = {
      {},           {"--hex"},          {"-w", "json"}, {"-w", "json", "--hex"},
      {"-w", "fields"}, {"-w", "fields", "--hex"},
  };
  for (const Args& flags : formats) {
    SCOPED_TRACE(Join(flags, " "));
    Args args = flags;
    args.insert(args.end(), {"get", "--prefix", "q/"});
    Invocation inv = Cmd(args);
    inv.timeout = std::chrono::seconds(120);
    std::vector<Pair> runs = RunBoth({inv});
    const RunResult& want = runs[0].oracle;
    const RunResult& got = runs[0].ectl;
    ASSERT_EQ(want.exit_code, 0) << want.err;
    EXPECT_EQ(got.exit_code, 0) << got.err;
    EXPECT_EQ(DiffOutputs(want.out, got.out), "");

    if (flags == Args{"-w", "json"}) {
      // The oracle's keys, decoded, are exactly the keys meant: the sweep is what it
      // says it is.
      std::vector<std::string> stored;
      const std::string needle = "\"key\":\"";
      for (size_t at = want.out.find(needle); at != std::string::npos;
           at = want.out.find(needle, at + 1)) {
        stored.push_back(Base64Decode(std::string_view(want.out).substr(at + needle.size())));
      }
      ASSERT_EQ(stored.size(), kvs.size());
      for (size_t i = 0; i < kvs.size(); ++i) {
        ASSERT_EQ(Printable(stored[i]), Printable(kvs[i].first)) << "key " << i;
      }
    }
  }
  RecordProperty("code_points", static_cast<int>(cps.size()));
  RecordProperty("invalid_sequences", static_cast<int>(seqs.size()));
  std::cout << "[ swept    ] " << cps.size() << " code points, " << seqs.size()
            << " invalid sequences, " << formats.size() << " formats\n";
}

// --- durations ---------------------------------------------------------------------

std::vector<std::string> DurationInputs() {
  std::vector<std::string> inputs;
  const char* numbers[] = {"", "0", "1", "01", "1.", ".5", "1.5", ".", "1.9999999999"};
  const char* units[] = {"",  "ns", "us", "\xc2\xb5s", "\xce\xbcs", "ms", "s",  "m",
                         "h", "x",  "Ms", "S",         "\xc2\xb5",  "sec", "d"};
  // "+" parses as no sign does: a few combinations suffice.
  for (const char* sign : {"", "-"}) {
    for (const char* number : numbers) {
      for (const char* unit : units) inputs.push_back(std::string(sign) + number + unit);
    }
  }
  for (const char* s : {"+1s", "+1.5h", "+.5ms", "+1", "+s", "+", "+0", "+1x"}) inputs.push_back(s);
  const char* more[] = {
      // several components
      "1h2m3s", "1h.5m", "1.5h30m", "1s1", "1s.", "1s1.5ms", "1m-1s", "1s+1s", "1h1h",
      "0s0", "00", "0.0", "0x", "1e3s", "1_0s", " 1s", "1s ", "1 s", "1s1x", "+-1s", "--1s",
      "3h1.000000001s",
      // fractions are truncated, and digits beyond 2^63 precision ignored
      "1.5ns", "1.999999999ns", "0.9ns", "1.0000000001s", "0.1234567891234us",
      "0.3333333333333333333333h", "1.00000000000000000000000000001h", "2.5us",
      "1.00000000000000000001ns", "0.99999999999999999999999999999s",
      "1.0000000000000000000000000000000000000000000000001h", "0.000000000000000000001h",
      // 2^63 nanoseconds and around, in every unit
      "9223372036854775807ns", "9223372036854775808ns", "-9223372036854775808ns",
      "-9223372036854775809ns", "9223372036854775807999ns", "18446744073709551616ns",
      "9223372036854775.807us", "9223372036854775.808us", "9223372036854.775807ms",
      "9223372036.854775807s", "9223372036.854775808s", "-9223372036.854775808s",
      "153722867m", "153722868m", "153722867.28m", "2562047h", "2562048h",
      "2562047.788015215h", "2562047.7880152156h", "-2562047.7880152156h",
      "2562047h47m16.854775807s", "2562047h47m16.854775808s", "-2562047h47m16.854775808s",
      "-2562047h47m16.854775809s", "2562047h47m16s854775807ns", "1h9223372036854775807ns",
      "9223372036854775807ns1ns", "-9223372036854775807ns1ns",
      // bytes the error text must quote as Go's time package does
      "1\x01", "1\x7f", "1\"", "1\\", "1\xc3\xa9", "1\xff", "1\xef\xbf\xbd", "1\xe2\x80\xa8",
      "x\x1b", "\xff", "1s\xff", "1\xf0\x9f\x98\x80", "\xef\xbf\xbd", "1\xc0\x80",
      "1\xed\xa0\x80", "\t1s", "1\ts"};
  for (const char* m : more) inputs.push_back(m);
  return inputs;
}

TEST_F(GoText, DurationFlagsMatchEtcdctl) {
  const std::vector<std::string> inputs = DurationInputs();
  // --keepalive-time only tunes pings, so any accepted value leaves `get` working,
  // and --debug prints the parsed value with Go's Duration.String().
  std::vector<RunResult> oracle = ExpectSameOutcomes(
      inputs,
      [](const std::string& s) {
        return Cmd({"--debug", "--keepalive-time=" + s, "get", "gotext-none"});
      },
      "ETCDCTL_KEEPALIVE_TIME=");
  // Every other rejected one again, alternately through the two timeouts, whose accepted
  // values would change what a command does.
  std::vector<std::string> rejected;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (oracle[i].exit_code != 0) rejected.push_back(inputs[i]);
  }
  EXPECT_GT(rejected.size(), inputs.size() / 3);
  size_t n = 0;
  for (size_t i = 0; i < rejected.size(); ++i) {
    if (i % 2 == 0) rejected[i / 2] = rejected[i];
  }
  rejected.resize((rejected.size() + 1) / 2);
  ExpectSameOutcomes(rejected, [&n](const std::string& s) {
    return Cmd({(n++ % 2 ? "--command-timeout=" : "--dial-timeout=") + s, "version"});
  });
  std::cout << "[ swept    ] " << inputs.size() << " durations (" << rejected.size()
            << " rejected)\n";
}

// --- integers ----------------------------------------------------------------------

// Every sign, base prefix and digit string, with underscores nowhere, leading,
// trailing, inside and doubled; then the 64-bit boundaries in each base.
std::vector<std::string> IntegerInputs() {
  std::vector<std::string> inputs;
  const char* signs[] = {"", "+", "-"};
  const char* prefixes[] = {"", "0", "0b", "0o", "0x"};
  const char* bodies[] = {"", "0", "1", "8", "f", "g", "10", "1f"};
  // "+" parses as no sign does, and upper-case prefixes as lower-case ones: a few
  // combinations of each suffice.
  for (const char* sign : signs) {
    for (const char* prefix : {"0B", "0O", "0X"}) {
      for (const char* body : {"1", "f", "_1"}) inputs.push_back(sign + std::string(prefix) + body);
    }
  }
  for (const char* prefix : prefixes) {
    for (const char* body : {"1", "_1", "1_0", ""}) {
      inputs.push_back("+" + std::string(prefix) + body);
    }
  }
  for (const char* sign : {"", "-"}) {
    for (const char* prefix : prefixes) {
      for (std::string body : bodies) {
        std::vector<std::string> shapes = {body, "_" + body};
        if (!body.empty()) shapes.push_back(body + "_");
        if (body.size() >= 2) {
          shapes.push_back(body.substr(0, 1) + "_" + body.substr(1));
          shapes.push_back(body.substr(0, 1) + "__" + body.substr(1));
        }
        for (const std::string& shape : shapes) {
          inputs.push_back(sign + std::string(prefix) + shape);
        }
      }
    }
  }
  // 2^63 - 1, 2^63, 2^63 + 1, 2^64 - 1, 2^64 and 10^20 - 1 in every base-0 spelling.
  const char* boundaries[][5] = {
      {"9223372036854775807", "0x7fffffffffffffff", "0o777777777777777777777", "0777777777777777777777",
       "0b111111111111111111111111111111111111111111111111111111111111111"},
      {"9223372036854775808", "0x8000000000000000", "0o1000000000000000000000", "01000000000000000000000",
       "0b1000000000000000000000000000000000000000000000000000000000000000"},
      {"9223372036854775809", "0x8000000000000001", "0o1000000000000000000001", "01000000000000000000001",
       "0b1000000000000000000000000000000000000000000000000000000000000001"},
      {"18446744073709551615", "0xffffffffffffffff", "0o1777777777777777777777", "01777777777777777777777",
       "0b1111111111111111111111111111111111111111111111111111111111111111"},
      {"18446744073709551616", "0x10000000000000000", "0o2000000000000000000000", "02000000000000000000000",
       "0b10000000000000000000000000000000000000000000000000000000000000000"},
      {"99999999999999999999", "0x56bc75e2d630fffff", "0o12657072742654303777777", "012657072742654303777777",
       "0b1010110101111000111010111100010110101100011000011111111111111111111"}};
  for (const auto& row : boundaries) {
    for (const char* n : row) {
      for (const char* sign : signs) inputs.push_back(sign + std::string(n));
    }
  }
  // Overflow is reported as soon as it happens, before a later bad byte or a
  // misplaced underscore would be.
  for (const char* s : {"99999999999999999999x", "_99999999999999999999", "99999999999999999999_",
                        "9_223_372_036_854_775_807", "9_223_372_036_854_775_808",
                        "-9_223_372_036_854_775_808", "0x_7fff_ffff_ffff_ffff", "0_7", "0_8",
                        "00", "0_0", "0x", "0x_", "0b_1", "0o_7", "0_x1", "1 ", " 1", "1.0", "1e3",
                        "0x1p4", "\xd9\xa1", "+-1", "--1", "0x-1", "1_000"}) {
    inputs.push_back(s);
  }
  return inputs;
}

TEST_F(GoText, IntegerFlagsAndArgumentsMatchEtcdctl) {
  // Twelve keys written one revision apart, so --limit and --rev results show the
  // parsed value.
  ASSERT_EQ(RunTool(Tool::kEtcdctl, Cmd({"del", "--prefix", "n/"})).exit_code, 0);
  for (int i = 0; i < 12; ++i) OraclePut("n/" + std::to_string(100 + i), std::to_string(i));
  const std::vector<std::string> inputs = IntegerInputs();
  std::vector<RunResult> oracle = ExpectSameOutcomes(inputs, [](const std::string& s) {
    return Cmd({"get", "--prefix", "n/", "--keys-only", "--limit=" + s});
  });
  // --rev parses as --limit does, so only the accepted values, whose results differ.
  std::vector<std::string> revs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (oracle[i].exit_code == 0) revs.push_back(inputs[i]);
  }
  ExpectSameOutcomes(revs, [](const std::string& s) {
    return Cmd({"get", "--prefix", "n/", "--keys-only", "--rev=" + s});
  });

  // Arguments without base prefixes: base 10 (lease grant) and 16 (lease timetolive,
  // which echoes the parsed ID in hex for a lease that does not exist).
  std::vector<std::string> plain;
  for (const std::string& s : inputs) {
    if (s.find_first_of("xXoObB") == std::string::npos && s.find("0_") == std::string::npos &&
        (s.size() < 2 || s[s.size() - 2] != '_')) {
      plain.push_back(s);
    }
  }
  const std::regex lease_id("lease [0-9a-f]+ granted");
  ExpectSameOutcomes(
      plain, [](const std::string& s) { return Cmd({"lease", "grant", "--", s}); }, "",
      [&](std::string out) { return std::regex_replace(out, lease_id, "lease <id> granted"); });
  ExpectSameOutcomes(plain, [](const std::string& s) {
    return Cmd({"lease", "timetolive", "--", s});
  });
  std::cout << "[ swept    ] " << inputs.size() << " integers through --limit, " << revs.size()
            << " through --rev, " << plain.size() << " through lease grant and lease timetolive\n";
}

}  // namespace
}  // namespace ectl::integration
