// txn [-i]: one transaction read from standard input (etcdctl's grammar, see
// txn/grammar.h), or typed at a prompt with line editing (txn_prompt.h).
#include <memory>
#include <ostream>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/txn_ops.h"
#include "cli/commands/txn_prompt.h"
#include "cli/connection.h"
#include "client/client.h"
#include "client/op.h"
#include "common/error.h"
#include "output/printer.h"
#include "txn/grammar.h"

namespace ectl::cli {
namespace {

// etcdctl's prompts for `txn -i` when standard input is not a terminal.
const char* Prompt(txn::Section section) {
  switch (section) {
    case txn::Section::kCompares: return "compares:";
    case txn::Section::kSuccess: return "success requests (get, put, del):";
    default: return "failure requests (get, put, del):";
  }
}

void RunTxn(Context& ctx, bool interactive) {
  if (!ctx.args().empty()) throw Error(ExitCode::kBadArgs, "txn command does not accept argument");
  // An unknown -w is refused before any input is read, as etcdctl does.
  output::Printer& printer = ctx.printer();
  txn::TxnPlan plan;
  if (interactive && ctx.io().in_is_terminal) {
    // Nobody should type a transaction that cannot be printed or sent.
    printer.Require(output::Result::kTxn);
    (void)ctx.client();
    plan = PromptTxn(ParseTxnOp);
  } else {
    // The password prompt reads the first line of stdin, before the transaction, as
    // etcdctl (which connects first) does: resolve the configuration without dialling, so
    // that input errors still come before connection errors.
    (void)ctx.connection().config();
    std::ostream& out = ctx.io().out;
    plan = txn::ReadTxn(ctx.io().in, ParseTxnOp, [&](txn::Section s) {
      if (interactive) out << Prompt(s) << "\n" << std::flush;
    });
    // Input errors first (as etcdctl reports them), but a refused format still comes
    // before the transaction is applied, unlike etcdctl.
    printer.Require(output::Result::kTxn);
  }
  client::Client& c = ctx.client();
  // etcdctl sends the transaction without a deadline; ectl bounds it by the command
  // timeout like every other key-value request, so an unresponsive server cannot hang it.
  auto response = client::Txn(c, plan.request, c.command_timeout());
  printer.Txn(txn::Flatten(plan, std::move(response)));
}

}  // namespace

void RegisterTxnCommand(CommandTree& tree) {
  tree.Add(
      nullptr, "txn [options]", "Txn processes all the requests in one transaction",
      [](FlagSet& flags) -> RunFn {
        auto interactive = std::make_shared<bool>(false);
        flags.Bool(interactive.get(), "interactive", "Input transaction in interactive mode", 'i');
        return [interactive](Context& ctx) { RunTxn(ctx, *interactive); };
      },
      "Reads one transaction from standard input and commits it:\n"
      "compare lines, an empty line, success requests, an empty line, failure requests,\n"
      "an empty line. With -i at a terminal, each line is checked as it is typed, with line\n"
      "editing, history and Tab completion; Ctrl-D or Ctrl-C leave without sending anything.");
}

}  // namespace ectl::cli
