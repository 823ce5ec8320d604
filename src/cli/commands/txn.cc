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
      "Reads one transaction from standard input and commits it in a single request: if\n"
      "every compare holds, the success requests run, otherwise the failure requests.\n"
      "\n"
      "Input, as etcdctl's: compare lines, an empty line, success requests, an empty line,\n"
      "failure requests, an empty line. Lines are trimmed (CRLF input works); input after\n"
      "the third empty line is not read.\n"
      "\n"
      "Grammar (\"\\n\" is the end of a line):\n"
      "  <Txn>       ::= <CMP>* \"\\n\" <THEN> \"\\n\" <ELSE> \"\\n\"\n"
      "  <CMP>       ::= (<CMPCREATE> | <CMPMOD> | <CMPVAL> | <CMPVER> | <CMPLEASE>) \"\\n\"\n"
      "  <CMPOP>     ::= \"=\" | \"!=\" | \"<\" | \">\" | \"<=\" | \">=\"\n"
      "  <CMPCREATE> ::= (\"c\" | \"create\") \"(\" <KEY> \")\" <CMPOP> <REVISION>\n"
      "  <CMPMOD>    ::= (\"m\" | \"mod\") \"(\" <KEY> \")\" <CMPOP> <REVISION>\n"
      "  <CMPVAL>    ::= (\"val\" | \"value\") \"(\" <KEY> \")\" <CMPOP> <VALUE>\n"
      "  <CMPVER>    ::= (\"ver\" | \"version\") \"(\" <KEY> \")\" <CMPOP> <VERSION>\n"
      "  <CMPLEASE>  ::= \"lease\" \"(\" <KEY> \")\" <CMPOP> <LEASE>\n"
      "  <THEN>      ::= <OP>*\n"
      "  <ELSE>      ::= <OP>*\n"
      "  <OP>        ::= (<GET> | <PUT> | <DEL>) \"\\n\"\n"
      "  <GET>       ::= \"get\" <WORD> [<WORD>] [flags of get]\n"
      "  <PUT>       ::= \"put\" <WORD> <WORD> [flags of put]\n"
      "  <DEL>       ::= \"del\" <WORD> [<WORD>] [flags of del]\n"
      "  <KEY>, <VALUE>        a Go string literal: \"...\" with escapes, or `raw`\n"
      "  <REVISION>, <VERSION> a decimal integer in double quotes: \"42\"\n"
      "  <LEASE>               a lease ID in hexadecimal in double quotes: \"694d7a5cf6b5e004\"\n"
      "  <WORD>                a word, a \"Go string literal\" or a 'single quoted' text\n"
      "\n"
      "Compare lines: <target>(\"<key>\") <op> \"<value>\"\n"
      "  ver, version   the key's version (decimal)\n"
      "  c, create      its create revision (decimal)\n"
      "  m, mod         its modification revision (decimal)\n"
      "  val, value     its value (bytes)\n"
      "  lease          the ID of its lease, hexadecimal as put --lease (\"0\": none)\n"
      "Operators: = != < > and, unlike etcdctl, <= >=. Key and value are Go string literals:\n"
      "\"...\" with escapes (\\n, \\x00, \\u00e9, ...) or `raw`. A value compare on a missing key\n"
      "never holds; the other targets see a missing key as 0.\n"
      "\n"
      "Requests take the arguments and flags of the commands of the same name (g, p, d\n"
      "abbreviate them):\n"
      "  get <key> [range_end] [--prefix|--from-key] [--limit N] [--rev N] [--order ..]\n"
      "      [--sort-by ..] [--keys-only] [--count-only] [--consistency l|s]\n"
      "      [--min-create-rev N] [--max-create-rev N] [--min-mod-rev N] [--max-mod-rev N]\n"
      "  put <key> <value> [--lease ID] [--prev-kv] [--ignore-value] [--ignore-lease]\n"
      "  del <key> [range_end] [--prefix|--from-key] [--prev-kv] [--range]\n"
      "Words split at blanks; \"double quoted\" words are Go literals, 'single quoted' words are\n"
      "literal; -- ends the flags (put -- k -v). put without a value is refused (exit 128).\n"
      "\n"
      "Output: SUCCESS or FAILURE, an empty line, then each request's output; -w json, fields\n"
      "and protobuf print the whole response. -w table is refused before sending (exit 4).\n"
      "-w jsonl prints {\"succeeded\":true|false,\"revision\":N}, then one line per response of\n"
      "the branch that ran, each with \"revision\":N: {\"op\":\"get\", \"kvs\":[key-value objects\n"
      "of get -w jsonl],\"count\":N,\"more\":false}, {\"op\":\"put\"} (with \"prev_kv\" for\n"
      "--prev-kv), {\"op\":\"delete\", \"deleted\":N} (\"prev_kvs\"), {\"op\":\"txn\", \"succeeded\":..,\n"
      "\"responses\":[...]}.\n"
      "\n"
      "Interactive (-i): with standard input not a terminal, prints etcdctl's three section\n"
      "prompts and reads the same input. At a terminal it is a line editor: history (Up/Down,\n"
      "kept in $XDG_STATE_HOME/ectl/txn_history), Tab completion of targets, operators,\n"
      "commands and flags, and each line checked as it is typed (a caret marks the error and\n"
      "the line is asked again). Prompts go to stderr when stdout is redirected. The output\n"
      "format is checked and the connection made before the first prompt. Ctrl-D on an empty\n"
      "line: \"Error: EOF; transaction not sent\", exit 3. Ctrl-C: \"Error: interrupted;\n"
      "transaction not sent\", exit 130.\n"
      "\n"
      "<= and >=: etcd knows only = != < >, so for numbers x <= n is sent as x < n+1 and\n"
      "x >= n as x > n-1. For values, x <= v is x < v+\"\\x00\"; x >= v, in general, becomes a\n"
      "chain of nested transactions (x > v, else x = v) that etcd runs atomically in one\n"
      "revision; the output is that of the flat transaction. At most 3 such compares per\n"
      "transaction; nested transactions count against etcd's --max-txn-ops.\n"
      "\n"
      "Timeouts: piped input is read and checked before connecting; the connection waits\n"
      "--dial-timeout and the request --command-timeout (etcdctl has no deadline).\n"
      "\n"
      "Exit codes (as etcdctl): 128 arguments (txn command does not accept argument; put,\n"
      "get and del argument errors); 4 unsupported output format; 3 input errors (EOF before\n"
      "the third empty line, \"malformed comparison: <line>\", \"invalid txn compare request\",\n"
      "\"invalid txn request: <line>\", \"invalid syntax\"); 1 server errors.\n"
      "\n"
      "Examples:\n"
      "  # Update config only if it was last modified before revision 200:\n"
      "  printf '%s\\n' 'mod(\"config\") < \"200\"' '' 'put config v2' '' 'get config' '' | ectl txn\n"
      "\n"
      "  # Create a key only if it does not exist yet (its version is 0):\n"
      "  printf '%s\\n' 'version(\"job/owner\") = \"0\"' '' 'put job/owner worker-1' '' '' |\n"
      "    ectl txn\n"
      "\n"
      "  # Type the transaction at a prompt, with history and Tab completion:\n"
      "  ectl txn -i");
}

}  // namespace ectl::cli
