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
      "{\"member_id\":\"<hex>\", \"alarm\":\"NOSPACE\"|\"CORRUPT\"}, nothing when there is none.");
  tree.Add(alarm, "disarm", "Disarms all alarms",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunAlarm(ctx, true); }; });
  tree.Add(alarm, "list", "Lists all alarms",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunAlarm(ctx, false); }; });
}

}  // namespace ectl::cli
