// Tab completion for the `txn -i` prompt: what the word before the cursor can become.
// Pure, so that it is unit-tested apart from the line editor.
#ifndef ECTL_CLI_COMMANDS_TXN_COMPLETE_H_
#define ECTL_CLI_COMMANDS_TXN_COMPLETE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/line_editor.h"
#include "txn/grammar.h"

namespace ectl::cli {

// Compare section: targets at the start of a line (completed with `("`), then operators
// after `("key")` (completed with ` "`). Op sections: put/get/del as the first word, then
// the flags of that command.
Completion CompleteTxnLine(txn::Section section, std::string_view before_cursor);

}  // namespace ectl::cli

#endif  // ECTL_CLI_COMMANDS_TXN_COMPLETE_H_
