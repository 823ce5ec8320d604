#include "kv_suite.h"

#include <string_view>

#include <nlohmann/json.hpp>

namespace ectl::integration {

std::unique_ptr<EtcdCluster> EtcdSuite::cluster_;
std::string EtcdSuite::start_error_;

namespace {

void ExpectNoTimeout(const RunResult& r, std::string_view who) {
  EXPECT_FALSE(r.timed_out) << who << " was killed after its timeout";
}

}  // namespace

const std::vector<OutputVariant>& OutputVariants() {
  static const std::vector<OutputVariant> kVariants = {
      {"simple", {}, Format::kSimple},
      {"-w simple --hex", {"-w", "simple", "--hex"}, Format::kSimple},
      {"-w json", {"-w", "json"}, Format::kJson},
      {"--write-out=json --hex", {"--write-out=json", "--hex"}, Format::kJson},
      {"-w fields", {"-w", "fields"}, Format::kFields},
      {"-w fields --hex", {"-w", "fields", "--hex"}, Format::kFields},
      {"-w protobuf", {"-w", "protobuf"}, Format::kProtobuf},
      {"-w protobuf --hex", {"-w", "protobuf", "--hex"}, Format::kProtobuf},
  };
  return kVariants;
}

std::vector<std::string> WithFlags(const std::vector<std::string>& flags,
                                   const std::vector<std::string>& args) {
  std::vector<std::string> out = flags;
  out.insert(out.end(), args.begin(), args.end());
  return out;
}

void EtcdSuite::SetUpTestSuite() {
  start_error_.clear();
  cluster_ = EtcdCluster::Start(EtcdClusterOptions{}, &start_error_);
}

void EtcdSuite::TearDownTestSuite() { cluster_.reset(); }

void EtcdSuite::SetUp() {
  ASSERT_NE(cluster_, nullptr) << start_error_;
  WipeKeyspace();
}

Invocation EtcdSuite::Cmd(std::vector<std::string> args,
                          std::string stdin_data) {
  Invocation inv;
  inv.args = std::move(args);
  inv.stdin_data = std::move(stdin_data);
  inv.endpoints = Endpoints();
  return inv;
}

void EtcdSuite::Put(const std::string& key, const std::string& value,
                    const std::string& lease_hex) {
  std::vector<std::string> args = {"put"};
  if (!lease_hex.empty()) args.push_back("--lease=" + lease_hex);
  args.insert(args.end(), {"--", key});  // keys may start with '-'
  // stdin keeps NUL bytes; an empty stdin would be refused, so argv then.
  if (value.empty()) args.push_back("");
  RunResult r = RunTool(Tool::kEtcdctl, Cmd(args, value));
  ASSERT_EQ(r.exit_code, 0) << "oracle put " << Printable(key) << ": " << r.err;
}

void EtcdSuite::PutAll(const std::vector<KeyValue>& kvs) {
  // txn input: no compares, the puts as success ops, no failure ops. Tokens
  // are double-quoted for the txn grammar's argument splitter.
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') q += '\\';
      q += c;
    }
    return q + "\"";
  };
  std::string input = "\n";
  for (const KeyValue& kv : kvs) {
    input += "put " + quote(kv.key) + " " + quote(kv.value);
    if (!kv.lease_hex.empty()) input += " --lease=" + kv.lease_hex;
    input += "\n";
  }
  input += "\n\n";
  RunResult r = RunTool(Tool::kEtcdctl, Cmd({"txn"}, input));
  ASSERT_EQ(r.exit_code, 0) << "oracle txn: " << r.out << r.err;
  ASSERT_EQ(r.out.rfind("SUCCESS", 0), 0u) << r.out;
}

std::string EtcdSuite::GrantLease(int ttl_seconds) {
  RunResult r = RunTool(Tool::kEtcdctl,
                        Cmd({"lease", "grant", std::to_string(ttl_seconds)}));
  // "lease 694d7a1e3f2c1a0b granted with TTL(100s)"
  std::string_view out = r.out;
  if (r.exit_code != 0 || out.substr(0, 6) != "lease ") {
    ADD_FAILURE() << "oracle lease grant: " << r.out << r.err;
    return "";
  }
  return std::string(out.substr(6, out.find(' ', 6) - 6));
}

void EtcdSuite::WipeKeyspace() {
  RunResult r = RunTool(Tool::kEtcdctl, Cmd({"del", "--prefix", ""}));
  ASSERT_EQ(r.exit_code, 0) << "oracle wipe: " << r.err;
}

int64_t EtcdSuite::Revision() {
  RunResult r =
      RunTool(Tool::kEtcdctl, Cmd({"get", "-w", "json", "revision-probe"}));
  int64_t rev = r.exit_code == 0 ? HeaderRevision(r.out) : -1;
  EXPECT_GT(rev, 0) << "oracle revision probe: " << r.out << r.err;
  return rev;
}

std::optional<std::string> EtcdSuite::StoredValue(const std::string& key) {
  RunResult r = RunTool(Tool::kEtcdctl, Cmd({"get", "-w", "json", "--", key}));
  EXPECT_EQ(r.exit_code, 0) << "oracle get: " << r.err;
  const auto json = nlohmann::json::parse(r.out);
  if (!json.contains("kvs")) return std::nullopt;
  // An empty value is omitted.
  return Base64Decode(json["kvs"][0].value("value", std::string()));
}

std::string EtcdSuite::StateDump() {
  RunResult r =
      RunTool(Tool::kEtcdctl, Cmd({"get", "--prefix", "", "-w", "fields"}));
  EXPECT_EQ(r.exit_code, 0) << "oracle dump: " << r.err;
  return r.out;
}

RunResult EtcdSuite::ExpectSameAsOracle(const Invocation& inv) {
  SCOPED_TRACE(Describe(inv));
  RunResult oracle = RunTool(Tool::kEtcdctl, inv);
  RunResult ectl = RunTool(Tool::kEctl, inv);
  ExpectNoTimeout(ectl, "ectl");
  EXPECT_EQ(Printable(ectl.out), Printable(oracle.out)) << "stdout differs";
  EXPECT_EQ(ectl.exit_code, oracle.exit_code) << "ectl stderr: " << ectl.err;
  EXPECT_EQ(LastLine(ectl.err), LastLine(oracle.err));
  return ectl;
}

RunResult EtcdSuite::ExpectSameErrorAsOracle(const Invocation& inv) {
  SCOPED_TRACE(Describe(inv));
  RunResult oracle = RunTool(Tool::kEtcdctl, inv);
  RunResult ectl = RunTool(Tool::kEctl, inv);
  ExpectNoTimeout(ectl, "ectl");
  EXPECT_NE(oracle.exit_code, 0) << "not an error case for the oracle";
  EXPECT_EQ(ectl.exit_code, oracle.exit_code) << "ectl stderr: " << ectl.err;
  EXPECT_EQ(LastLine(ectl.err), LastLine(oracle.err));
  return ectl;
}

void EtcdSuite::ExpectRefusedBeforeChange(const Invocation& inv, int exit_code,
                                          const std::string& last_line) {
  SCOPED_TRACE(Describe(inv));
  const std::string before = StateDump();
  RunResult ectl = RunTool(Tool::kEctl, inv);
  EXPECT_EQ(ectl.exit_code, exit_code);
  EXPECT_EQ(ectl.out, "");
  EXPECT_EQ(LastLine(ectl.err), last_line);
  EXPECT_EQ(StateDump(), before) << "ectl changed the keyspace although it refused";
  RunResult oracle = RunTool(Tool::kEtcdctl, inv);
  EXPECT_EQ(ectl.exit_code, oracle.exit_code);
  EXPECT_EQ(LastLine(ectl.err), LastLine(oracle.err));
}

RunResult EtcdSuite::ExpectSameMutationAsOracle(const Invocation& inv, Format format,
                                                const std::function<void()>& setup,
                                                const Normalizer& normalize) {
  SCOPED_TRACE(Describe(inv));
  struct Outcome {
    RunResult run;
    std::string out;    // normalised stdout
    std::string state;  // normalised keyspace afterwards
  };
  auto run = [&](Tool tool) {
    WipeKeyspace();
    setup();
    const int64_t base = Revision();
    Outcome o;
    o.run = RunTool(tool, inv);
    o.out = normalize ? normalize(o.run.out, base) : NormalizeRevisions(format, o.run.out, base);
    o.state = NormalizeRevisions(Format::kFields, StateDump(), base);
    return o;
  };
  Outcome oracle = run(Tool::kEtcdctl);
  Outcome ectl = run(Tool::kEctl);
  ExpectNoTimeout(ectl.run, "ectl");
  EXPECT_EQ(Printable(ectl.out), Printable(oracle.out))
      << "stdout differs (normalised)";
  EXPECT_EQ(ectl.run.exit_code, oracle.run.exit_code)
      << "ectl stderr: " << ectl.run.err;
  EXPECT_EQ(LastLine(ectl.run.err), LastLine(oracle.run.err));
  EXPECT_EQ(Printable(ectl.state), Printable(oracle.state))
      << "keyspace afterwards differs";
  return ectl.run;
}

}  // namespace ectl::integration
