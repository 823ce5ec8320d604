// Argument and flag validation for get/put/del, turning them into client options with
// etcdctl's error messages and exit codes. Pure functions: the commands and the txn
// grammar's op lines share them, and unit tests drive them directly.
#ifndef ECTL_CLI_COMMANDS_KV_REQUESTS_H_
#define ECTL_CLI_COMMANDS_KV_REQUESTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/op.h"

namespace ectl::cli {

class FlagSet;

// The options of get, put and del: bound to the commands' flags and to a txn op line's.
struct GetFlags {
  std::string consistency = "l";
  std::string order;
  std::string sort_by;
  int64_t limit = 0;
  int64_t rev = 0;
  bool prefix = false;
  bool from_key = false;
  bool keys_only = false;
  bool count_only = false;
  bool print_value_only = false;  // printing only; no effect inside a txn (as etcdctl)
  int64_t min_mod_rev = 0, max_mod_rev = 0, min_create_rev = 0, max_create_rev = 0;
};

struct PutFlags {
  std::string lease = "0";
  bool prev_kv = false;
  bool ignore_value = false;
  bool ignore_lease = false;
};

struct DelFlags {
  bool prefix = false;
  bool from_key = false;
  bool prev_kv = false;
  bool range = false;  // accepted; a range needs no confirmation in ectl
};

// The one flag table of each command, for the command line and for txn op lines.
void BindGetFlags(FlagSet& flags, GetFlags* get);
void BindPutFlags(FlagSet& flags, PutFlags* put);
void BindDelFlags(FlagSet& flags, DelFlags* del);

// Throws Error with etcdctl's message and exit code for invalid combinations.
client::GetOptions BuildGet(const std::vector<std::string>& args, const GetFlags& flags);
// value is the value from stdin when args hold only the key (nullopt: stdin was empty).
client::PutOptions BuildPut(const std::vector<std::string>& args, const PutFlags& flags,
                            const std::optional<std::string>& stdin_value);
client::DeleteOptions BuildDelete(const std::vector<std::string>& args, const DelFlags& flags);

// Lease IDs on the command line are hexadecimal.
int64_t ParseLeaseId(const std::string& text, const char* what);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_KV_REQUESTS_H_
