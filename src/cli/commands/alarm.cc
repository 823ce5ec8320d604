// alarm list, alarm disarm.
#include <memory>

#include "cli/command.h"
#include "cli/commands.h"
#include "client/client.h"
#include "client/maintenance.h"
#include "common/error.h"
#include "output/cluster_results.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

void RunAlarm(Context& ctx, bool disarm) {
  if (!ctx.args().empty()) {
    throw Error(ExitCode::kBadArgs, std::string("alarm ") + (disarm ? "disarm" : "list") +
                                        " command accepts no arguments");
  }
  output::Printer& printer = ctx.printer();
  printer.Require(output::Result::kAlarm);
  client::Client& c = ctx.client();
  auto response = disarm ? client::AlarmDisarmAll(c, c.command_timeout())
                         : client::AlarmList(c, c.command_timeout());
  printer.Alarm({response});
}

}  // namespace

void RegisterAlarmCommands(CommandTree& tree) {
  Command* alarm = tree.Add(nullptr, "alarm <subcommand>", "Alarm related commands", nullptr,
      "Alarms are raised by members, e.g. NOSPACE when the backend quota is exhausted. -w fields\n"
      "prints the header as zeros when the server sends none, then the alarms (etcdctl 3.4\n"
      "panics); -w table is refused (exit 4). -w jsonl prints one line per alarm:\n"
      "{\"member_id\":\"<hex>\", \"alarm\":\"NOSPACE\"|\"CORRUPT\"}, nothing when there is none.\n"
      "\n"
      "Examples:\n"
      "  ectl alarm list\n"
      "  ectl alarm disarm");
  tree.Add(alarm, "disarm", "Disarms all alarms",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunAlarm(ctx, true); }; },
      "Disarms every alarm raised in the cluster and prints the alarms it disarmed, one\n"
      "\"memberID:<id> alarm:<type>\" line each. Free space first (compaction, defrag), or a\n"
      "NOSPACE alarm comes back at the next write.\n"
      "\n"
      "Examples:\n"
      "  ectl compaction 1234 && ectl defrag && ectl alarm disarm");
  tree.Add(alarm, "list", "Lists all alarms",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunAlarm(ctx, false); }; },
      "Prints one \"memberID:<id> alarm:<type>\" line per alarm (NOSPACE, CORRUPT); nothing\n"
      "when there is none.\n"
      "\n"
      "Example:\n"
      "  ectl alarm list");
}

}  // namespace ectl::cli
