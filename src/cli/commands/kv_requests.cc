#include "cli/commands/kv_requests.h"

#include "cli/flags.h"

#include <fmt/format.h>

#include "cli/parse_util.h"
#include "common/bytes.h"
#include "common/error.h"
#include "common/strconv.h"

namespace ectl::cli {

void BindGetFlags(FlagSet& f, GetFlags* g) {
  f.String(&g->consistency, "consistency", "Linearizable(l) or Serializable(s)").Choices({"l", "s"});
  f.String(&g->order, "order", "Order of results; ASCEND or DESCEND (ASCEND by default)")
      .Choices({"ASCEND", "DESCEND"});
  f.String(&g->sort_by, "sort-by", "Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION")
      .Choices({"CREATE", "KEY", "MODIFY", "VALUE", "VERSION"});
  f.Int(&g->limit, "limit", "Maximum number of results");
  f.Bool(&g->prefix, "prefix", "Get keys with matching prefix");
  f.Bool(&g->from_key, "from-key",
         "Get keys that are greater than or equal to the given key using byte compare");
  f.Int(&g->rev, "rev", "Specify the kv revision");
  f.Bool(&g->keys_only, "keys-only", "Get only the keys");
  f.Bool(&g->count_only, "count-only", "Get only the count");
  f.Bool(&g->print_value_only, "print-value-only",
         "Only write values when using the \"simple\" output format");
  f.Int(&g->min_create_rev, "min-create-rev", "Minimum create revision");
  f.Int(&g->max_create_rev, "max-create-rev", "Maximum create revision");
  f.Int(&g->min_mod_rev, "min-mod-rev", "Minimum modification revision");
  f.Int(&g->max_mod_rev, "max-mod-rev", "Maximum modification revision");
}

void BindPutFlags(FlagSet& f, PutFlags* p) {
  f.String(&p->lease, "lease", "lease ID (in hexadecimal) to attach to the key");
  f.Bool(&p->prev_kv, "prev-kv", "return the previous key-value pair before modification");
  f.Bool(&p->ignore_value, "ignore-value", "updates the key using its current value");
  f.Bool(&p->ignore_lease, "ignore-lease", "updates the key using its current lease");
}

void BindDelFlags(FlagSet& f, DelFlags* d) {
  f.Bool(&d->prefix, "prefix", "delete keys with matching prefix");
  f.Bool(&d->prev_kv, "prev-kv", "return deleted key-value pairs");
  f.Bool(&d->from_key, "from-key",
         "delete keys that are greater than or equal to the given key using byte compare");
  f.Bool(&d->range, "range", "delete range of keys");
}
namespace {

constexpr char kPrefixAndFromKey[] =
    "`--prefix` and `--from-key` cannot be set at the same time, choose one";
constexpr char kTooManyWithPrefix[] =
    "too many arguments, only accept one argument when `--prefix` or `--from-key` is set";

client::KeyRange Range(const std::vector<std::string>& args, bool prefix, bool from_key) {
  client::KeyRange range;
  range.key = args[0];
  if (args.size() > 1) {
    if (prefix || from_key) throw Error(ExitCode::kBadArgs, kTooManyWithPrefix);
    range.range_end = args[1];
  }
  range.prefix = prefix;
  range.from_key = from_key;
  return range;
}

}  // namespace

client::GetOptions BuildGet(const std::vector<std::string>& args, const GetFlags& f) {
  if (args.empty()) {
    throw Error(ExitCode::kBadArgs,
                "get command needs one argument as key and an optional argument as range_end");
  }
  if (f.prefix && f.from_key) throw Error(ExitCode::kBadArgs, kPrefixAndFromKey);
  if (f.keys_only && f.count_only) {
    throw Error(ExitCode::kBadArgs,
                "`--keys-only` and `--count-only` cannot be set at the same time, choose one");
  }
  client::GetOptions o;
  if (f.consistency == "s") {
    o.serializable = true;
  } else if (f.consistency != "l") {
    throw Error(ExitCode::kBadFeature, "unknown consistency flag " + GoQuote(f.consistency));
  }
  o.range = Range(args, f.prefix, f.from_key);
  o.limit = f.limit;
  o.revision = f.rev;

  std::string order = ToUpper(f.order);
  if (order == "ASCEND") o.order = client::SortOrder::kAscend;
  else if (order == "DESCEND") o.order = client::SortOrder::kDescend;
  else if (!order.empty()) throw Error(ExitCode::kBadFeature, "bad sort order " + f.order);

  std::string target = ToUpper(f.sort_by);
  if (target == "CREATE") o.target = client::SortTarget::kCreate;
  else if (target == "KEY" || target.empty()) o.target = client::SortTarget::kKey;
  else if (target == "MODIFY") o.target = client::SortTarget::kMod;
  else if (target == "VALUE") o.target = client::SortTarget::kValue;
  else if (target == "VERSION") o.target = client::SortTarget::kVersion;
  else throw Error(ExitCode::kBadFeature, "bad sort target " + f.sort_by);

  o.keys_only = f.keys_only;
  o.count_only = f.count_only;
  if (f.min_create_rev > 0 && f.max_create_rev > 0 && f.min_create_rev > f.max_create_rev) {
    throw Error(ExitCode::kBadFeature, fmt::format("getMinCreateRev(={}) > getMaxCreateRev(={})",
                                                   f.min_create_rev, f.max_create_rev));
  }
  if (f.min_mod_rev > 0 && f.max_mod_rev > 0 && f.min_mod_rev > f.max_mod_rev) {
    throw Error(ExitCode::kBadFeature,
                fmt::format("getMinModRev(={}) > getMaxModRev(={})", f.min_mod_rev, f.max_mod_rev));
  }
  o.min_create_revision = f.min_create_rev;
  o.max_create_revision = f.max_create_rev;
  o.min_mod_revision = f.min_mod_rev;
  o.max_mod_revision = f.max_mod_rev;
  return o;
}

int64_t ParseLeaseId(const std::string& text, const char* what) {
  try {
    return ParseInt(text, 16);
  } catch (const ParseError& e) {
    throw Error(ExitCode::kBadArgs, fmt::format("bad {} ({}), expecting ID in Hex", what, e.what()));
  }
}

client::PutOptions BuildPut(const std::vector<std::string>& args, const PutFlags& f,
                            const std::optional<std::string>& stdin_value) {
  constexpr char kNeedsArgs[] = "put command needs 1 argument and input from stdin or 2 arguments";
  if (args.empty()) throw Error(ExitCode::kBadArgs, kNeedsArgs);
  if (f.ignore_value && args.size() > 1) {
    throw Error(ExitCode::kBadArgs, "put command needs only 1 argument when 'ignore-value' is set");
  }
  client::PutOptions o;
  o.key = args[0];
  if (args.size() > 1) {
    o.value = args[1];  // further arguments are ignored, as etcdctl ignores them
  } else if (!f.ignore_value) {
    if (!stdin_value || stdin_value->empty()) throw Error(ExitCode::kBadArgs, kNeedsArgs);
    o.value = *stdin_value;
  }
  o.lease = ParseLeaseId(f.lease, "lease ID");
  o.prev_kv = f.prev_kv;
  o.ignore_value = f.ignore_value;
  o.ignore_lease = f.ignore_lease;
  return o;
}

client::DeleteOptions BuildDelete(const std::vector<std::string>& args, const DelFlags& f) {
  if (args.empty() || args.size() > 2) {
    throw Error(ExitCode::kBadArgs,
                "del command needs one argument as key and an optional argument as range_end");
  }
  if (f.prefix && f.from_key) throw Error(ExitCode::kBadArgs, kPrefixAndFromKey);
  client::DeleteOptions o;
  o.range = Range(args, f.prefix, f.from_key);
  o.prev_kv = f.prev_kv;
  return o;
}

}  // namespace ectl::cli
