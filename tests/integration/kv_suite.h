// The gtest base for suites that need an etcd server, and the oracle checks.
//
// Holds: EtcdSuite, a fixture whose suite shares one single-member etcd
// (started in SetUpTestSuite, since a start costs about a second) and whose
// every test starts from an empty keyspace; helpers that set up server state
// through the oracle etcdctl; and the two comparisons every test builds on:
// ExpectSameAsOracle (read-only commands) and ExpectSameMutationAsOracle
// (put/del, revisions normalised).
//
// Deliberately does not hold test cases; those live in the *_test.cc files.

#ifndef ECTL_TESTS_INTEGRATION_KV_SUITE_H_
#define ECTL_TESTS_INTEGRATION_KV_SUITE_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ctl.h"
#include "etcd_fixture.h"
#include "normalize.h"

namespace ectl::integration {

// One way of choosing an output format on the command line.
struct OutputVariant {
  std::string label;               // for SCOPED_TRACE, e.g. "-w json --hex"
  std::vector<std::string> flags;  // e.g. {"-w", "json", "--hex"}
  Format format;
};

// simple, json, fields and protobuf, each without and with --hex.
const std::vector<OutputVariant>& OutputVariants();

// `args` with `flags` placed before them (global flags before the command,
// which also works for `put -- key -value`, where trailing flags would be
// taken as arguments).
std::vector<std::string> WithFlags(const std::vector<std::string>& flags,
                                   const std::vector<std::string>& args);

class EtcdSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  // Fails the test if etcd did not start; then empties the keyspace.
  void SetUp() override;

  static EtcdCluster& cluster() { return *cluster_; }
  static std::string Endpoints() { return cluster_->ClientEndpoints(); }

  // An invocation against this suite's etcd (--endpoints passed).
  static Invocation Cmd(std::vector<std::string> args,
                        std::string stdin_data = "");

  // --- server state, through the oracle; each ASSERTs success ---
  // Stores value byte-exactly (through stdin unless empty).
  static void Put(const std::string& key, const std::string& value,
                  const std::string& lease_hex = "");
  struct KeyValue {
    std::string key;
    std::string value;
    std::string lease_hex = "";  // empty: no lease
  };
  // Stores plain printable keys and values in one etcdctl txn (one process
  // instead of one per key, which matters in the format matrices). Keys must
  // be distinct, as etcd refuses duplicate keys in one txn.
  static void PutAll(const std::vector<KeyValue>& kvs);
  // `etcdctl lease grant <ttl>`; returns the lease ID in hex.
  static std::string GrantLease(int ttl_seconds);
  static void WipeKeyspace();
  // The store's current revision.
  static int64_t Revision();
  // The stored value, or nullopt if the key does not exist.
  static std::optional<std::string> StoredValue(const std::string& key);
  // The whole keyspace and the header as `get --prefix "" -w fields` prints
  // it; equal dumps mean nothing was written in between.
  static std::string StateDump();

  // --- comparisons with the oracle ---
  // For read-only commands: runs etcdctl, then ectl on the same state, and
  // expects identical stdout, exit code and final stderr line. Returns ectl's
  // result for further checks.
  static RunResult ExpectSameAsOracle(const Invocation& inv);
  // For failures whose stdout is help text (ectl's own words): compares only
  // the exit code and the final stderr line.
  static RunResult ExpectSameErrorAsOracle(const Invocation& inv);
  // For a command ectl must refuse before touching the server (etcdctl may write
  // first): expects exit_code and last_line from ectl, no stdout and an unchanged
  // keyspace, and etcdctl's exit code and final stderr line.
  static void ExpectRefusedBeforeChange(const Invocation& inv, int exit_code,
                                        const std::string& last_line);

  // Turns stdout into comparable text, revisions made relative to base.
  using Normalizer = std::function<std::string(std::string_view out, int64_t base)>;
  // For put/del/txn: for each tool, empties the keyspace, runs `setup`, runs the
  // command; expects identical exit code, final stderr line, stdout with
  // revisions normalised (NormalizeRevisions for format, unless `normalize` is
  // given) and resulting keyspace.
  static RunResult ExpectSameMutationAsOracle(const Invocation& inv, Format format,
                                              const std::function<void()>& setup,
                                              const Normalizer& normalize = nullptr);

 private:
  static std::unique_ptr<EtcdCluster> cluster_;
  static std::string start_error_;
};

}  // namespace ectl::integration

#endif  // ECTL_TESTS_INTEGRATION_KV_SUITE_H_
