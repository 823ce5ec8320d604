// get, put, del.
#include <istream>
#include <iterator>
#include <memory>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/global_options.h"
#include "cli/commands/kv_requests.h"
#include "cli/commands/paging.h"
#include "client/client.h"
#include "client/op.h"
#include "client/range_reader.h"
#include "common/error.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using output::Result;

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

void RunGet(Context& ctx, const GetFlags& f) {
  client::GetOptions options = BuildGet(ctx.args(), f);
  bool value_only = f.print_value_only;
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
  // A large range is read in pages at one revision, so memory stays flat; the output is
  // what one request prints.
  client::RangePaged(c, client::OpGet(options).request_range(), c.command_timeout(),
                     RangePageOptions(ctx.env()), visitor);
}

void RunPut(Context& ctx, const PutFlags& f) {
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

void RunDel(Context& ctx, const DelFlags& f) {
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
           [](FlagSet& flags) -> RunFn {
             auto o = std::make_shared<GetFlags>();
             BindGetFlags(flags, o.get());
             return [o](Context& ctx) { RunGet(ctx, *o); };
           },
      "Gets the key, the range [key, range_end), or with --prefix every key that starts with\n"
      "the key, with --from-key every key from the key on. Prints each key and value on their\n"
      "own lines (--keys-only: keys only; --print-value-only: values only; --hex: bytes as \\xNN).\n"
      "\n"
      "Flags of later etcdctl releases: --count-only (3.5, prints the count; needs -w fields),\n"
      "--min-create-rev, --max-create-rev, --min-mod-rev, --max-mod-rev (3.6).\n"
      "\n"
      "--print-value-only with a format other than simple and --count-only without -w fields\n"
      "are refused before anything is read (exit 128). -w table is refused (exit 4).\n"
      "\n"
      "-w jsonl prints one line per key: the key-value object that export writes, plus the\n"
      "revision of the read. key and value are text when their bytes are valid UTF-8, else\n"
      "key_base64 / value_base64 (standard base64); lease is the lease ID in hex, absent when 0;\n"
      "revisions and version are numbers. No key, no line. For example:\n"
      "  {\"key\":\"a\",\"value\":\"1\",\"create_revision\":2,\"mod_revision\":2,\"version\":1,\"revision\":5}\n"
      "\n"
      "Examples:\n"
      "  ectl get greeting\n"
      "  ectl get fruit/ --prefix --keys-only\n"
      "  ectl get greeting -w json\n"
      "  ectl get a c                                # keys from a up to, not with, c\n"
      "  ectl get '' --from-key --keys-only          # every key\n"
      "  ectl get fruit/ --prefix --sort-by=MODIFY --order=DESCEND --limit=5\n"
      "  ectl get greeting --rev=42 --print-value-only\n"
      "  ectl get fruit/ --prefix -w jsonl | jq -r .key");
  tree.Add(
      nullptr, "put [options] <key> <value> (<value> can also be given from stdin)",
      "Puts the given key into the store",
      [](FlagSet& flags) -> RunFn {
        auto o = std::make_shared<PutFlags>();
        BindPutFlags(flags, o.get());
        return [o](Context& ctx) { RunPut(ctx, *o); };
      },
      "Puts the given key into the store.\n"
      "\n"
      "When <value> begins with '-', <value> is interpreted as a flag.\n"
      "Insert '--' for workaround:\n"
      "\n"
      "  $ put <key> -- <value>\n"
      "  $ put -- <key> <value>\n"
      "\n"
      "If <value> isn't given as a command line argument and '--ignore-value' is not specified,\n"
      "this command reads the value from standard input, byte for byte.\n"
      "For example:\n"
      "  $ cat file | put <key>\n"
      "stores the content of the file under <key>.\n"
      "\n"
      "--lease=<leaseID> (hexadecimal, as printed by lease grant) attaches the key to a lease.\n"
      "-w table is refused before the key is written (exit 4); etcdctl writes, then refuses.\n"
      "-w jsonl prints {\"revision\":N}, with --prev-kv also \"prev_kv\": the previous key-value\n"
      "object (as get -w jsonl prints it, without revision) when the key existed.\n"
      "\n"
      "Examples:\n"
      "  ectl put greeting hello\n"
      "  ectl put config/app.json < app.json        # the value from a file\n"
      "  ectl put -- temperature -5                  # a value starting with '-'\n"
      "  ectl put session alive --lease=694d7a1e3f2c1a0b\n"
      "  ectl put greeting hi --prev-kv              # also prints the old value\n"
      "  ectl put greeting --ignore-value --lease=694d7a1e3f2c1a0b  # keep the value, new lease");
  tree.Add(nullptr, "del [options] <key> [range_end]",
           "Removes the specified key or range of keys [key, range_end)",
           [](FlagSet& flags) -> RunFn {
             auto o = std::make_shared<DelFlags>();
             BindDelFlags(flags, o.get());
             return [o](Context& ctx) { RunDel(ctx, *o); };
           },
      "Deletes the key, the range [key, range_end), or with --prefix every key that starts\n"
      "with the key, with --from-key every key from the key on. Prints the number of keys\n"
      "deleted, then with --prev-kv each deleted key and value.\n"
      "\n"
      "--range (etcdctl 3.5) deletes [key, range_end) without asking for confirmation.\n"
      "-w table is refused before anything is deleted (exit 4). -w jsonl prints\n"
      "{\"deleted\":N,\"revision\":N}, with --prev-kv also \"prev_kvs\": [key-value objects].\n"
      "\n"
      "Examples:\n"
      "  ectl del greeting\n"
      "  ectl del fruit/ --prefix\n"
      "  ectl del a c --prev-kv                      # a, b..., not c; prints what was deleted");
}

}  // namespace ectl::cli
