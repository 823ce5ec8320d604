#include "cli/global_options.h"

#include <CLI/CLI.hpp>

#include "cli/parse_util.h"
#include "cli/password.h"
#include "common/bytes.h"
#include "common/error.h"
#include "common/strconv.h"

namespace ectl::cli {
namespace {

using std::chrono::seconds;

std::string EnvName(std::string_view flag) {
  std::string name = "ETCDCTL_";
  for (char c : flag) name += c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return name;
}

const FlagDef* FindFlag(std::string_view name) {
  for (const auto& def : GlobalFlagDefs()) {
    if (def.name == name) return &def;
  }
  return nullptr;
}

}  // namespace

const std::vector<FlagDef>& GlobalFlagDefs() {
  static const std::vector<FlagDef> kDefs = {
      {"cacert", 0, FlagKind::kString, "", "verify certificates of TLS-enabled secure servers using this CA bundle"},
      {"cert", 0, FlagKind::kString, "", "identify secure client using this TLS certificate file"},
      {"command-timeout", 0, FlagKind::kDuration, "5s", "timeout for short running command (excluding dial timeout)"},
      {"debug", 0, FlagKind::kBool, "false", "enable client-side debug logging"},
      {"dial-timeout", 0, FlagKind::kDuration, "2s", "dial timeout for client connections"},
      {"discovery-srv", 'd', FlagKind::kString, "", "domain name to query for SRV records describing cluster endpoints"},
      {"discovery-srv-name", 0, FlagKind::kString, "", "service name to query when using DNS discovery"},
      {"endpoints", 0, FlagKind::kStringSlice, "[127.0.0.1:2379]", "gRPC endpoints"},
      {"hex", 0, FlagKind::kBool, "false", "print byte strings as hex encoded strings"},
      {"insecure-discovery", 0, FlagKind::kBool, "true", "accept insecure SRV records describing cluster endpoints"},
      {"insecure-skip-tls-verify", 0, FlagKind::kBool, "false", "skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)"},
      {"insecure-transport", 0, FlagKind::kBool, "true", "disable transport security for client connections"},
      {"keepalive-time", 0, FlagKind::kDuration, "2s", "keepalive time for client connections"},
      {"keepalive-timeout", 0, FlagKind::kDuration, "6s", "keepalive timeout for client connections"},
      {"key", 0, FlagKind::kString, "", "identify secure client using this TLS key file"},
      {"max-recv-bytes", 0, FlagKind::kInt, "0", "client-side response receive limit in bytes (if 0, it defaults to \"math.MaxInt32\")"},
      {"max-request-bytes", 0, FlagKind::kInt, "0", "client-side request send limit in bytes (if 0, it defaults to 2.0 MiB (2 * 1024 * 1024).)"},
      {"password", 0, FlagKind::kString, "", "password for authentication (if this option is used, --user option shouldn't include password)"},
      {"password-file", 0, FlagKind::kString, "", "read the password for authentication from this file (ectl; keeps it out of argv)"},
      {"user", 0, FlagKind::kString, "", "username[:password] for authentication (prompt if password is not supplied)"},
      {"write-out", 'w', FlagKind::kString, "simple", "set the output format (fields, json, protobuf, simple, table)"},
  };
  return kDefs;
}

GlobalOptions::GlobalOptions()
    : dial_timeout_(seconds(2)),
      command_timeout_(seconds(5)),
      keepalive_time_(seconds(2)),
      keepalive_timeout_(seconds(6)) {}

void GlobalOptions::Bind(CLI::App& root) {
  for (const auto& def : GlobalFlagDefs()) {
    std::string names = "--" + std::string(def.name);
    if (def.shorthand) names = std::string("-") + def.shorthand + "," + names;
    auto& slot = given_[std::string(def.name)];
    CLI::Option* opt;
    if (def.kind == FlagKind::kBool) {
      opt = root.add_flag(names, slot, std::string(def.help));
    } else {
      opt = root.add_option(names, slot, std::string(def.help))->allow_extra_args(false);
    }
    opt->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    opt->default_str(std::string(def.default_value));
    static const char* const kTypeNames[] = {"bool", "string", "duration", "int", "strings"};
    opt->type_name(kTypeNames[static_cast<int>(def.kind)]);
  }
}

void GlobalOptions::Set(std::string_view name, const std::string& value, bool first) {
  const FlagDef* def = FindFlag(name);
  std::string v = value;
  switch (def->kind) {
    case FlagKind::kBool: {
      bool b = ParseBool(v);
      if (name == "hex") hex_ = b;
      else if (name == "debug") debug_ = b;
      else if (name == "insecure-transport") insecure_transport_ = b;
      else if (name == "insecure-discovery") insecure_discovery_ = b;
      else if (name == "insecure-skip-tls-verify") insecure_skip_tls_verify_ = b;
      break;
    }
    case FlagKind::kDuration: {
      auto d = ParseDuration(v);
      if (name == "dial-timeout") dial_timeout_ = d;
      else if (name == "command-timeout") command_timeout_ = d;
      else if (name == "keepalive-time") keepalive_time_ = d;
      else if (name == "keepalive-timeout") keepalive_timeout_ = d;
      break;
    }
    case FlagKind::kInt: {
      int64_t n = ParseInt(v, 0);
      if (name == "max-request-bytes") max_request_bytes_ = n;
      else max_recv_bytes_ = n;
      break;
    }
    case FlagKind::kStringSlice: {
      // pflag: the first occurrence replaces the default, later ones append.
      auto items = ParseCsv(v);
      if (first) endpoints_.clear();
      endpoints_.insert(endpoints_.end(), items.begin(), items.end());
      break;
    }
    case FlagKind::kString:
      if (name == "cacert") cacert_ = v;
      else if (name == "cert") cert_ = v;
      else if (name == "key") key_ = v;
      else if (name == "user") user_ = v;
      else if (name == "password") password_ = v;
      else if (name == "password-file") password_file_ = v;
      else if (name == "discovery-srv") discovery_srv_ = v;
      else if (name == "discovery-srv-name") discovery_srv_name_ = v;
      else if (name == "write-out") write_out_ = v;
      break;
  }
  explicitly_set_[std::string(name)] = true;
}

void GlobalOptions::ApplyFlags() {
  for (const auto& def : GlobalFlagDefs()) {
    const auto& values = given_[std::string(def.name)];
    bool first = true;
    for (const auto& raw : values) {
      std::string value = FromArgv(raw);
      try {
        Set(def.name, value, first);
      } catch (const ParseError& e) {
        throw Error(ExitCode::kError, "invalid argument " + GoQuote(value) + " for \"--" +
                                          std::string(def.name) + "\" flag: " + e.what());
      }
      first = false;
    }
  }
}

void GlobalOptions::ApplyEnv(const std::map<std::string, std::string>& env,
                             std::vector<std::string>& warnings) {
  // etcd's pkg/flags rules: a non-empty variable sets a flag not given on the command line;
  // a variable present (even empty) next to the flag it shadows is fatal; any other
  // ETCDCTL_ variable, an empty known one included, is reported as unrecognized.
  std::map<std::string, const FlagDef*> by_env;
  for (const auto& def : GlobalFlagDefs()) by_env[EnvName(def.name)] = &def;
  for (const auto& [name, value] : env) {
    if (name.rfind("ETCDCTL_", 0) != 0) continue;
    // Consumed by the entry point (API) and by watch; not global flags.
    if (name == "ETCDCTL_API" || name == "ETCDCTL_WATCH_KEY" || name == "ETCDCTL_WATCH_RANGE_END") {
      continue;
    }
    auto it = by_env.find(name);
    if (it != by_env.end() && !given_[std::string(it->second->name)].empty()) {
      throw Error(ExitCode::kError,
                  "conflicting environment variable \"" + name +
                      "\" is shadowed by corresponding command-line flag (either unset "
                      "environment variable or disable flag)");
    }
    if (it == by_env.end() || value.empty()) {
      warnings.push_back("unrecognized environment variable " + name + "=" + value);
      continue;
    }
    try {
      Set(it->second->name, value, true);
    } catch (const ParseError&) {
      // etcdctl discards the error of an unparsable variable and keeps the default.
    }
  }
}

bool GlobalOptions::NeedsPasswordPrompt() const {
  return !user_.empty() && password_.empty() && password_file_.empty() &&
         user_.find(':') == std::string::npos;
}

client::ClientConfig GlobalOptions::ToClientConfig() const {
  client::ClientConfig c;
  for (const auto& ep : endpoints_) c.endpoints.push_back(TrimSpace(ep));
  c.dial_timeout = dial_timeout_;
  c.command_timeout = command_timeout_;
  c.keepalive_time = keepalive_time_;
  c.keepalive_timeout = keepalive_timeout_;

  auto check_empty = [&](std::string_view flag, const std::string& value) {
    auto it = explicitly_set_.find(flag);
    if (it != explicitly_set_.end() && value.empty()) {
      throw Error(ExitCode::kBadArgs,
                  "empty string is passed to --" + std::string(flag) + " option");
    }
  };
  check_empty("cert", cert_);
  check_empty("key", key_);
  check_empty("cacert", cacert_);
  if (!cert_.empty() || !key_.empty() || !cacert_.empty()) {
    if (cert_.empty() != key_.empty()) {
      throw Error(ExitCode::kBadArgs,
                  "KeyFile and CertFile must both be present[key: " + key_ + ", cert: " + cert_ + "]");
    }
    c.tls = client::TlsConfig{cert_, key_, cacert_, insecure_skip_tls_verify_, ""};
  } else if (!discovery_srv_.empty() && !insecure_discovery_) {
    c.tls = client::TlsConfig{};
    c.tls->insecure_skip_verify = insecure_skip_tls_verify_;
  } else if (!insecure_transport_) {
    c.tls = client::TlsConfig{};
    c.tls->insecure_skip_verify = insecure_skip_tls_verify_;
  }

  // Discovered servers are verified under the discovery domain's name.
  if (c.tls && !discovery_srv_.empty() && !insecure_discovery_) c.tls->server_name = discovery_srv_;

  if (!password_file_.empty()) {
    if (!password_.empty()) {
      throw Error(ExitCode::kBadArgs, "--password and --password-file are mutually exclusive");
    }
    // Like --password: the user string is the name, whole.
    c.user = user_;
    c.password = ReadPasswordFile(password_file_);
  } else if (!user_.empty()) {
    if (password_.empty()) {
      auto colon = user_.find(':');
      c.user = user_.substr(0, colon);
      if (colon != std::string::npos) c.password = user_.substr(colon + 1);
    } else {
      c.user = user_;
      c.password = password_;
    }
  }
  if (max_request_bytes_ > 0) c.max_request_bytes = max_request_bytes_;
  if (max_recv_bytes_ > 0) c.max_recv_bytes = max_recv_bytes_;
  return c;
}

std::vector<std::string> GlobalOptions::DebugLines() const {
  std::vector<std::string> lines;
  std::string eps = "[";
  for (size_t i = 0; i < endpoints_.size(); ++i) eps += (i ? " " : "") + endpoints_[i];
  eps += "]";
  lines.push_back("ETCDCTL_ENDPOINTS=" + eps);
  lines.push_back("ETCDCTL_WRITE_OUT=" + write_out_);
  lines.push_back(std::string("ETCDCTL_HEX=") + (hex_ ? "true" : "false"));
  lines.push_back("ETCDCTL_DIAL_TIMEOUT=" + FormatDuration(dial_timeout_));
  lines.push_back("ETCDCTL_COMMAND_TIMEOUT=" + FormatDuration(command_timeout_));
  lines.push_back("ETCDCTL_KEEPALIVE_TIME=" + FormatDuration(keepalive_time_));
  lines.push_back("ETCDCTL_KEEPALIVE_TIMEOUT=" + FormatDuration(keepalive_timeout_));
  lines.push_back(std::string("ETCDCTL_INSECURE_TRANSPORT=") + (insecure_transport_ ? "true" : "false"));
  lines.push_back(std::string("ETCDCTL_INSECURE_SKIP_TLS_VERIFY=") +
                  (insecure_skip_tls_verify_ ? "true" : "false"));
  lines.push_back("ETCDCTL_CACERT=" + cacert_);
  lines.push_back("ETCDCTL_CERT=" + cert_);
  lines.push_back("ETCDCTL_KEY=" + key_);
  lines.push_back("ETCDCTL_USER=" + user_.substr(0, user_.find(':')));
  lines.push_back("ETCDCTL_DISCOVERY_SRV=" + discovery_srv_);
  return lines;
}

void GlobalOptions::SetFlagForTest(std::string_view name, std::string_view value) {
  given_[std::string(name)].push_back(std::string(value));
}

std::vector<std::string> ParseCsv(std::string_view text) {
  std::vector<std::string> out;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size()) {
      out.push_back(field);
      break;
    }
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
        else in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      out.push_back(field);
      field.clear();
      quoted = false;
    } else {
      field += c;
    }
  }
  if (text.empty()) out.clear();
  return out;
}

}  // namespace ectl::cli
