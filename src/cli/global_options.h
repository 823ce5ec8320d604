// GlobalOptions: etcdctl's global flags, their ETCDCTL_* variables, and the mapping to a
// client::ClientConfig.
//
// Every flag is kept as the text given (flag or variable) and converted here, so that
// errors carry pflag's wording: a bad flag value is an error
// (`invalid argument "x" for "--dial-timeout" flag: time: invalid duration "x"`), a bad
// variable value is ignored as etcdctl ignores it, and a variable that shadows a flag
// given on the command line is fatal.
#ifndef ECTL_CLI_GLOBAL_OPTIONS_H_
#define ECTL_CLI_GLOBAL_OPTIONS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/config.h"

namespace CLI {
class App;
}

namespace ectl::cli {

enum class FlagKind { kBool, kString, kDuration, kInt, kStringSlice };

struct FlagDef {
  std::string_view name;
  char shorthand;  // 0 when none
  FlagKind kind;
  std::string_view default_value;
  std::string_view help;
};

// The global flags, in pflag's (alphabetical) order.
const std::vector<FlagDef>& GlobalFlagDefs();

class GlobalOptions {
 public:
  GlobalOptions();

  // Registers every global flag on the root command (inherited by subcommands).
  void Bind(CLI::App& root);

  // Converts the flags given on the command line; throws Error(kError) for a bad value.
  void ApplyFlags();
  // Applies ETCDCTL_* variables from env ("NAME=value" entries). Warnings for
  // unrecognised variables go to warnings. Throws Error(kError) when a variable shadows a
  // flag given on the command line.
  void ApplyEnv(const std::map<std::string, std::string>& env, std::vector<std::string>& warnings);

  // The client configuration these options describe. Throws Error(kBadArgs) for TLS
  // file flags that are set but empty, or a cert without a key.
  [[nodiscard]] client::ClientConfig ToClientConfig() const;
  // True when --user names a user without a password and no other source gives one:
  // the password is then asked for (Context::client).
  [[nodiscard]] bool NeedsPasswordPrompt() const;
  // The --user name without any ":password" part (for messages).
  [[nodiscard]] std::string UserName() const {
    return password_.empty() && password_file_.empty() ? user_.substr(0, user_.find(':')) : user_;
  }

  [[nodiscard]] const std::string& write_out() const { return write_out_; }
  [[nodiscard]] bool hex() const { return hex_; }
  [[nodiscard]] bool debug() const { return debug_; }
  [[nodiscard]] const std::string& discovery_srv() const { return discovery_srv_; }
  [[nodiscard]] const std::string& discovery_srv_name() const { return discovery_srv_name_; }
  [[nodiscard]] bool insecure_discovery() const { return insecure_discovery_; }
  // Whether a flag was given, on the command line or through its ETCDCTL_* variable
  // (pflag's Changed(); snapshot save has a deadline only then).
  [[nodiscard]] bool IsSet(std::string_view name) const {
    return explicitly_set_.find(name) != explicitly_set_.end();
  }
  // Flag values as etcdctl's --debug lists them: ETCDCTL_NAME=value.
  [[nodiscard]] std::vector<std::string> DebugLines() const;

  // Test hook: behave as if `--name=value` was given on the command line.
  void SetFlagForTest(std::string_view name, std::string_view value);

 private:
  // Stores a value for a flag; throws ParseError with Go's message when it is malformed.
  void Set(std::string_view name, const std::string& value, bool first_occurrence);

  std::map<std::string, std::vector<std::string>, std::less<>> given_;  // from the command line
  std::map<std::string, bool, std::less<>> explicitly_set_;

  std::vector<std::string> endpoints_{"127.0.0.1:2379"};
  client::Duration dial_timeout_, command_timeout_, keepalive_time_, keepalive_timeout_;
  bool insecure_transport_ = true, insecure_discovery_ = true, insecure_skip_tls_verify_ = false;
  bool hex_ = false, debug_ = false;
  std::string cert_, key_, cacert_, user_, password_, password_file_, discovery_srv_, discovery_srv_name_;
  std::string write_out_ = "simple";
  int64_t max_request_bytes_ = 0, max_recv_bytes_ = 0;
};

// Parses one CSV record as pflag's StringSlice does ("a,b", "\"a,b\",c").
std::vector<std::string> ParseCsv(std::string_view text);

}  // namespace ectl::cli

#endif  // ECTL_CLI_GLOBAL_OPTIONS_H_
