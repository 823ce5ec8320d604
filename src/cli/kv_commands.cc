// get, put, del.
#include <istream>
#include <iterator>
#include <memory>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/global_options.h"
#include "cli/kv_requests.h"
#include "client/client.h"
#include "client/op.h"
#include "client/range_reader.h"
#include "common/error.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using output::Result;

void AddGetFlags(Flags& f) {
  f.String("consistency", "l", "Linearizable(l) or Serializable(s)");
  f.String("order", "", "Order of results; ASCEND or DESCEND (ASCEND by default)");
  f.String("sort-by", "", "Sort target; CREATE, KEY, MODIFY, VALUE, or VERSION");
  f.Int("limit", 0, "Maximum number of results");
  f.Bool("prefix", "Get keys with matching prefix");
  f.Bool("from-key", "Get keys that are greater than or equal to the given key using byte compare");
  f.Int("rev", 0, "Specify the kv revision");
  f.Bool("keys-only", "Get only the keys");
  f.Bool("count-only", "Get only the count");
  f.Bool("print-value-only", "Only write values when using the \"simple\" output format");
  f.Int("min-create-rev", 0, "Minimum create revision");
  f.Int("max-create-rev", 0, "Maximum create revision");
  f.Int("min-mod-rev", 0, "Minimum modification revision");
  f.Int("max-mod-rev", 0, "Maximum modification revision");
}

GetFlags ReadGetFlags(const Flags& f) {
  GetFlags g;
  g.consistency = f.GetString("consistency");
  g.order = f.GetString("order");
  g.sort_by = f.GetString("sort-by");
  g.limit = f.GetInt("limit");
  g.prefix = f.GetBool("prefix");
  g.from_key = f.GetBool("from-key");
  g.rev = f.GetInt("rev");
  g.keys_only = f.GetBool("keys-only");
  g.count_only = f.GetBool("count-only");
  g.min_create_rev = f.GetInt("min-create-rev");
  g.max_create_rev = f.GetInt("max-create-rev");
  g.min_mod_rev = f.GetInt("min-mod-rev");
  g.max_mod_rev = f.GetInt("max-mod-rev");
  return g;
}

// Prints a range as the client decodes it, one key-value at a time.
class PrintRange final : public client::RangeVisitor {
 public:
  PrintRange(output::Printer& printer, output::GetPrintOptions options)
      : printer_(printer), options_(options) {}
  void OnBegin(const etcdserverpb::ResponseHeader* header) override {
    printer_.RangeBegin(header, options_);
  }
  void OnKeyValue(const mvccpb::KeyValue& kv) override { printer_.RangeKeyValue(kv); }
  void OnEnd(bool more, int64_t count) override { printer_.RangeEnd(more, count); }

 private:
  output::Printer& printer_;
  output::GetPrintOptions options_;
};

void RunGet(Context& ctx, const Flags& flags) {
  GetFlags f = ReadGetFlags(flags);
  client::GetOptions options = BuildGet(ctx.args(), f);
  bool value_only = flags.GetBool("print-value-only");
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kGet);
  // etcdctl checks these after the range has been read; checking first costs nothing and
  // answers without a round trip.
  if (f.count_only && printer.name() != "fields") {
    throw Error(ExitCode::kBadArgs, "--count-only is only for `--write-out=fields`");
  }
  if (value_only && printer.name() != "simple") {
    throw Error(ExitCode::kBadArgs, "print-value-only is only for `--write-out=simple`");
  }
  client::Client& c = ctx.client();
  PrintRange visitor(printer, {value_only});
  client::RangeStreamed(c, client::OpGet(options).request_range(), c.command_timeout(), visitor);
}

void RunPut(Context& ctx, const Flags& flags) {
  PutFlags f;
  f.lease = flags.GetString("lease");
  f.prev_kv = flags.GetBool("prev-kv");
  f.ignore_value = flags.GetBool("ignore-value");
  f.ignore_lease = flags.GetBool("ignore-lease");
  std::optional<std::string> stdin_value;
  // The value comes from stdin only when it is not an argument; --ignore-value needs none
  // (etcdctl reads stdin even then, which blocks on a terminal).
  if (ctx.args().size() == 1 && !f.ignore_value) {
    std::istream& in = ctx.io().in;
    stdin_value.emplace(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  client::PutOptions options = BuildPut(ctx.args(), f, stdin_value);
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kPut);
  client::Client& c = ctx.client();
  auto response = client::Do(c, client::OpPut(options), c.command_timeout());
  printer.Put(response.response_put());
}

void RunDel(Context& ctx, const Flags& flags) {
  DelFlags f;
  f.prefix = flags.GetBool("prefix");
  f.from_key = flags.GetBool("from-key");
  f.prev_kv = flags.GetBool("prev-kv");
  (void)flags.GetBool("range");  // validates the value; a range needs no confirmation in ectl
  client::DeleteOptions options = BuildDelete(ctx.args(), f);
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kDelete);
  client::Client& c = ctx.client();
  auto response = client::Do(c, client::OpDelete(options), c.command_timeout());
  printer.Delete(response.response_delete_range());
}

}  // namespace

void RegisterKvCommands(CommandTree& tree) {
  tree.Add(nullptr, "get [options] <key> [range_end]", "Gets the key or a range of keys",
           [](CLI::App& app) -> RunFn {
             auto flags = std::make_shared<Flags>(&app);
             AddGetFlags(*flags);
             return [flags](Context& ctx) { RunGet(ctx, *flags); };
           });
  tree.Add(
      nullptr, "put [options] <key> <value> (<value> can also be given from stdin)",
      "Puts the given key into the store",
      [](CLI::App& app) -> RunFn {
        auto flags = std::make_shared<Flags>(&app);
        flags->String("lease", "0", "lease ID (in hexadecimal) to attach to the key");
        flags->Bool("prev-kv", "return the previous key-value pair before modification");
        flags->Bool("ignore-value", "updates the key using its current value");
        flags->Bool("ignore-lease", "updates the key using its current lease");
        return [flags](Context& ctx) { RunPut(ctx, *flags); };
      },
      "Puts the given key into the store.\n\n"
      "When <value> begins with '-', <value> is interpreted as a flag.\n"
      "Insert '--' for workaround:\n\n"
      "$ put <key> -- <value>\n"
      "$ put -- <key> <value>\n\n"
      "If <value> isn't given as a command line argument and '--ignore-value' is not specified,\n"
      "this command reads the value from standard input, byte for byte.\n"
      "For example:\n"
      "$ cat file | put <key>\n"
      "stores the content of the file under <key>.");
  tree.Add(nullptr, "del [options] <key> [range_end]",
           "Removes the specified key or range of keys [key, range_end)",
           [](CLI::App& app) -> RunFn {
             auto flags = std::make_shared<Flags>(&app);
             flags->Bool("prefix", "delete keys with matching prefix");
             flags->Bool("prev-kv", "return deleted key-value pairs");
             flags->Bool("from-key",
                         "delete keys that are greater than or equal to the given key using byte compare");
             flags->Bool("range", "delete range of keys");
             return [flags](Context& ctx) { RunDel(ctx, *flags); };
           });
}

}  // namespace ectl::cli
