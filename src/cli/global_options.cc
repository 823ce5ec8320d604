#include "cli/global_options.h"

#include <algorithm>

#include "cli/flags.h"
#include "cli/parse_util.h"
#include "cli/password.h"
#include "common/bytes.h"
#include "common/error.h"
#include "common/strconv.h"

namespace ectl::cli {
namespace {

std::string EnvName(std::string_view flag) {
  std::string name = "ETCDCTL_";
  for (char c : flag) name += c == '-' ? '_' : static_cast<char>(std::toupper(c));
  return name;
}

}  // namespace

void GlobalOptions::Bind(FlagSet& f) {
  flags_ = &f;
  f.String(&cacert_, "cacert", "verify certificates of TLS-enabled secure servers using this CA bundle").Path();
  f.String(&cert_, "cert", "identify secure client using this TLS certificate file").Path();
  f.Duration(&command_timeout_, "command-timeout", "timeout for short running command (excluding dial timeout)")
      .changed_out = &command_timeout_set_;
  Flag& color = f.String(&color_, "color",
                         "colour watch events, table headers and errors: auto (on a terminal, "
                         "unless NO_COLOR is set), always or never")
                       .Choices({"auto", "always", "never"});
  color.set = [this](const std::string& v) {
    if (v != "auto" && v != "always" && v != "never") {
      throw ParseError("must be auto, always or never");
    }
    color_ = v;
  };
  f.Bool(&debug_, "debug", "enable client-side debug logging");
  f.Duration(&dial_timeout_, "dial-timeout", "dial timeout for client connections");
  f.String(&discovery_srv_, "discovery-srv", "domain name to query for SRV records describing cluster endpoints", 'd');
  f.String(&discovery_srv_name_, "discovery-srv-name", "service name to query when using DNS discovery");
  f.StringSlice(&endpoints_, "endpoints", "gRPC endpoints");
  f.Bool(&hex_, "hex", "print byte strings as hex encoded strings");
  f.Bool(&insecure_discovery_, "insecure-discovery", "accept insecure SRV records describing cluster endpoints");
  f.Bool(&insecure_skip_tls_verify_, "insecure-skip-tls-verify", "skip server certificate verification (CAUTION: this option should be enabled only for testing purposes)");
  f.Bool(&insecure_transport_, "insecure-transport", "disable transport security for client connections");
  f.Duration(&keepalive_time_, "keepalive-time", "keepalive time for client connections");
  f.Duration(&keepalive_timeout_, "keepalive-timeout", "keepalive timeout for client connections");
  f.String(&key_, "key", "identify secure client using this TLS key file").Path();
  f.Int(&max_recv_bytes_, "max-recv-bytes", "client-side response receive limit in bytes (if 0, it defaults to \"math.MaxInt32\")");
  f.Int(&max_request_bytes_, "max-request-bytes", "client-side request send limit in bytes (if 0, it defaults to 2.0 MiB (2 * 1024 * 1024).)");
  f.String(&password_, "password", "password for authentication (if this option is used, --user option shouldn't include password)");
  f.String(&password_file_, "password-file", "read the password for authentication from this file (ectl; keeps it out of argv)").Path();
  f.String(&user_, "user", "username[:password] for authentication (prompt if password is not supplied)");
  f.String(&write_out_, "write-out", "set the output format (fields, json, jsonl, protobuf, simple, table)", 'w')
      .Choices({"fields", "json", "jsonl", "protobuf", "simple", "table"});
}

void GlobalOptions::ApplyEnv(const Environment& env, std::vector<std::string>& warnings) {
  // etcd's pkg/flags rules: a non-empty variable sets a flag not given on the command line
  // (an unparsable value is discarded, keeping the default); then, walking the
  // environment in order, a variable present (even empty) next to the flag it shadows is
  // fatal, and any other ETCDCTL_ variable not used, an empty known one included, is
  // reported as unrecognized.
  std::vector<std::string> used, shadowed;
  for (const auto& flag : flags_->flags()) {
    if (flag->name == "help" || flag->name == "version") continue;
    std::string name = EnvName(flag->name);
    if (flag->changed) {
      shadowed.push_back(name);
      continue;
    }
    const std::string* value = env.Find(name);
    if (value == nullptr || value->empty()) continue;
    used.push_back(name);
    try {
      FlagSet::Set(*flag, *value);
    } catch (const FlagError&) {
      // etcdctl discards the error of an unparsable variable and keeps the default.
    }
  }
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (const auto& [name, value] : env.vars()) {
    if (contains(used, name)) continue;
    if (contains(shadowed, name)) {
      throw Error(ExitCode::kError,
                  "conflicting environment variable \"" + name +
                      "\" is shadowed by corresponding command-line flag (either unset "
                      "environment variable or disable flag)");
    }
    if (name.rfind("ETCDCTL_", 0) != 0) continue;
    // Consumed by the entry point (API) and by watch; not global flags.
    if (name == "ETCDCTL_API" || name == "ETCDCTL_WATCH_KEY" || name == "ETCDCTL_WATCH_RANGE_END") {
      continue;
    }
    warnings.push_back("unrecognized environment variable " + name + "=" + value);
  }
}

bool GlobalOptions::Color(bool is_terminal, const Environment& env) const {
  if (color_ == "always") return true;
  if (color_ == "never") return false;
  // auto: a terminal that can show colour, unless NO_COLOR (any non-empty value, as
  // no-color.org asks) says otherwise.
  return is_terminal && env.Get("NO_COLOR").empty() && env.Get("TERM") != "dumb";
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
    const Flag* f = flags_ ? flags_->Lookup(flag) : nullptr;
    if (f != nullptr && f->changed && value.empty()) {
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

}  // namespace ectl::cli
