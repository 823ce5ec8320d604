// GlobalOptions: etcdctl's global flags, their ETCDCTL_* variables, and the mapping to a
// client::ClientConfig.
//
// The flags are bound to typed fields through the root command's FlagSet, so a bad flag
// value is a parse error with pflag's wording
// (`invalid argument "x" for "--dial-timeout" flag: time: invalid duration "x"`). A bad
// variable value is ignored as etcdctl ignores it, and a variable that shadows a flag
// given on the command line is fatal.
#ifndef ECTL_CLI_GLOBAL_OPTIONS_H_
#define ECTL_CLI_GLOBAL_OPTIONS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/io.h"
#include "client/config.h"

namespace ectl::cli {

class FlagSet;

class GlobalOptions {
 public:
  GlobalOptions() = default;
  GlobalOptions(const GlobalOptions&) = delete;
  GlobalOptions& operator=(const GlobalOptions&) = delete;

  // Registers every global flag on the root command's flag set (inherited by every
  // command), in pflag's alphabetical order. The set must outlive this object's use.
  void Bind(FlagSet& root);

  // Applies ETCDCTL_* variables, in the environment's order. Warnings for unrecognised
  // variables go to warnings. Throws Error(kError) when a variable shadows a flag given
  // on the command line.
  void ApplyEnv(const Environment& env, std::vector<std::string>& warnings);

  // The client configuration these options describe, without the password prompt and
  // discovery (cli::Connection adds those). Throws Error(kBadArgs) for TLS file flags
  // that are set but empty, or a cert without a key.
  [[nodiscard]] client::ClientConfig ToClientConfig() const;
  // True when --user names a user without a password and no other source gives one:
  // the password is then asked for (cli::Connection).
  [[nodiscard]] bool NeedsPasswordPrompt() const;
  // The --user name without any ":password" part (for messages).
  [[nodiscard]] std::string UserName() const {
    return password_.empty() && password_file_.empty() ? user_.substr(0, user_.find(':')) : user_;
  }

  [[nodiscard]] const std::string& write_out() const { return write_out_; }
  // Whether a stream gets colour: --color=always, or auto (the default) on a terminal
  // when NO_COLOR is empty or unset and TERM is not "dumb".
  [[nodiscard]] bool Color(bool is_terminal, const Environment& env) const;
  [[nodiscard]] bool hex() const { return hex_; }
  [[nodiscard]] bool debug() const { return debug_; }
  [[nodiscard]] const std::string& discovery_srv() const { return discovery_srv_; }
  [[nodiscard]] const std::string& discovery_srv_name() const { return discovery_srv_name_; }
  [[nodiscard]] bool insecure_discovery() const { return insecure_discovery_; }
  // Whether --command-timeout was given, on the command line or through its variable
  // (pflag's Changed(); snapshot save has a deadline only then).
  [[nodiscard]] bool command_timeout_set() const { return command_timeout_set_; }
  // Flag values as etcdctl's --debug lists them: ETCDCTL_NAME=value.
  [[nodiscard]] std::vector<std::string> DebugLines() const;

 private:
  FlagSet* flags_ = nullptr;
  std::vector<std::string> endpoints_{"127.0.0.1:2379"};
  client::Duration dial_timeout_ = std::chrono::seconds(2);
  client::Duration command_timeout_ = std::chrono::seconds(5);
  client::Duration keepalive_time_ = std::chrono::seconds(2);
  client::Duration keepalive_timeout_ = std::chrono::seconds(6);
  bool command_timeout_set_ = false;
  bool insecure_transport_ = true, insecure_discovery_ = true, insecure_skip_tls_verify_ = false;
  bool hex_ = false, debug_ = false;
  std::string cert_, key_, cacert_, user_, password_, password_file_, discovery_srv_,
      discovery_srv_name_;
  std::string write_out_ = "simple";
  std::string color_ = "auto";
  int64_t max_request_bytes_ = 0, max_recv_bytes_ = 0;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_GLOBAL_OPTIONS_H_
