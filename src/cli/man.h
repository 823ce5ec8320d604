// The man pages, generated from the command tree: ectl(1) (global options, environment,
// exit status, files) and one page per visible top-level command, ectl-get(1),
// ectl-lease(1) with its subcommands, ... Each command's long help is its DESCRIPTION;
// the block after a line `Examples:` (or `Example:`) in it goes to EXAMPLES. The
// checked-in copies under man/ are rewritten by `ectl __man <dir>` (the regen-docs
// target); a unit test fails when they are stale. Completion scripts: completion.h.
#ifndef ECTL_CLI_MAN_H_
#define ECTL_CLI_MAN_H_

#include <string>
#include <vector>

namespace ectl::cli {

class CommandTree;

struct ManPage {
  std::string name;  // "ectl", "ectl-get": the file is name + ".1"
  std::string text;  // roff, man macros
};

// ectl(1) first, then one page per visible top-level command in registration order.
std::vector<ManPage> RenderManPages(CommandTree& tree);

// Writes every page into dir as <name>.1 and removes other ectl*.1 files there.
void WriteManPages(CommandTree& tree, const std::string& dir);

// The hidden `__man <dir>` command, which regen-docs runs.
void RegisterManCommand(CommandTree& tree);

}  // namespace ectl::cli

#endif  // ECTL_CLI_MAN_H_
