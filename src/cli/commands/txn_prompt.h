// The `txn -i` prompt at a terminal: libedit line editing, history (kept in memory and in
// $XDG_STATE_HOME/ectl/txn_history), Tab completion of op commands, flags, compare
// targets and operators, and every line checked as it is entered: a bad line is shown
// with a caret under the offending column and asked for again.
#ifndef ECTL_CLI_COMMANDS_TXN_PROMPT_H_
#define ECTL_CLI_COMMANDS_TXN_PROMPT_H_

#include "txn/grammar.h"

namespace ectl::cli {

// Exit codes when the user leaves the prompt: Ctrl-D ends the input before the
// transaction is complete (ExitInvalidInput, as etcdctl's "EOF"); Ctrl-C is an interrupt
// (130, what a shell reports for a program ended by SIGINT, as etcdctl is). Nothing is sent
// in either case.
inline constexpr int kPromptInterrupted = 130;

// Throws Error when the user leaves the prompt.
txn::TxnPlan PromptTxn(const txn::OpParser& ops);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_TXN_PROMPT_H_
