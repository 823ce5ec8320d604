// member add, remove, update, promote, list.
#include <memory>

#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/member_requests.h"
#include "client/client.h"
#include "client/cluster.h"
#include "common/error.h"
#include "output/cluster_results.h"
#include "output/printer.h"

namespace ectl::cli {
namespace {

using output::Result;

struct MemberAddOptions {
  std::string peer_urls;
  bool learner = false;
};

void BindMemberAdd(FlagSet& f, MemberAddOptions* o) {
  f.String(&o->peer_urls, "peer-urls", "comma separated peer URLs for the new member.");
  f.Bool(&o->learner, "learner", "indicates if the new member is raft learner");
}

void RunMemberAdd(Context& ctx, const MemberAddOptions& o) {
  const std::string& peer_urls = o.peer_urls;
  MemberAddRequest request = BuildMemberAdd(ctx.args(), peer_urls);
  bool learner = o.learner;
  output::Printer& printer = ctx.printer();
  // etcdctl adds the member and then refuses fields/table; ectl refuses first.
  printer.Require(Result::kMemberAdd);
  client::Client& c = ctx.client();
  auto response = client::MemberAdd(c, request.peer_urls, learner, c.command_timeout());
  printer.MemberAdd({response, request.name, peer_urls});
}

void RunMemberRemove(Context& ctx) {
  uint64_t id = ParseMemberId(ctx.args());
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kMemberChange);
  client::Client& c = ctx.client();
  auto r = client::MemberRemove(c, id, c.command_timeout());
  printer.MemberChange({"removed from", id, r.header(), r.members(), r});
}

struct MemberUpdateOptions {
  std::string peer_urls;
};

void BindMemberUpdate(FlagSet& f, MemberUpdateOptions* o) {
  f.String(&o->peer_urls, "peer-urls", "comma separated peer URLs for the updated member.");
}

void RunMemberUpdate(Context& ctx, const MemberUpdateOptions& o) {
  uint64_t id = ParseMemberId(ctx.args());
  std::vector<std::string> urls = SplitPeerUrls(o.peer_urls);
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kMemberChange);
  client::Client& c = ctx.client();
  auto r = client::MemberUpdate(c, id, urls, c.command_timeout());
  printer.MemberChange({"updated in", id, r.header(), r.members(), r});
}

void RunMemberPromote(Context& ctx) {
  uint64_t id = ParseMemberId(ctx.args());
  output::Printer& printer = ctx.printer();
  // etcdctl 3.4 panics on anything but simple; json and protobuf print as in 3.5.
  printer.Require(Result::kMemberChange);
  client::Client& c = ctx.client();
  auto r = client::MemberPromote(c, id, c.command_timeout());
  printer.MemberChange({"promoted in", id, r.header(), r.members(), r});
}

void RunMemberList(Context& ctx) {
  output::Printer& printer = ctx.printer();
  printer.Require(Result::kMemberList);
  client::Client& c = ctx.client();
  auto r = client::MemberList(c, c.command_timeout());
  printer.MemberList({r});
}

}  // namespace

void RegisterMemberCommands(CommandTree& tree) {
  Command* member = tree.Add(nullptr, "member <subcommand>", "Membership related commands", nullptr,
      "Member IDs are hexadecimal. add, remove, update and promote print them space-padded to\n"
      "16 columns, as etcdctl; list prints them unpadded. -w fields and -w table are refused by\n"
      "add, remove, update and promote before the change is made (exit 4; etcdctl makes the\n"
      "change, then refuses).\n"
      "\n"
      "-w jsonl: member and cluster IDs are hex strings as list prints them. list prints one\n"
      "line per member: {\"id\", \"name\", \"started\", \"peer_urls\", \"client_urls\", \"is_learner\",\n"
      "\"cluster_id\"}; add the new member's line with \"action\":\"added\"; remove, update and\n"
      "promote {\"id\", \"action\":\"removed\"|\"updated\"|\"promoted\", \"cluster_id\"}.\n"
      "\n"
      "Examples:\n"
      "  ectl member list -w table\n"
      "  ectl member add m4 --peer-urls=http://10.0.0.4:2380 --learner\n"
      "  ectl member promote 8211f1d0f64f3269");
  tree.Add(member, "add <memberName> [options]", "Adds a member into the cluster",
           WithOptions(BindMemberAdd, RunMemberAdd),
      "Adds a member with the given --peer-urls (comma-separated), as a non-voting learner with\n"
      "--learner, and prints the ETCD_NAME, ETCD_INITIAL_CLUSTER, ETCD_INITIAL_ADVERTISE_PEER_URLS\n"
      "and ETCD_INITIAL_CLUSTER_STATE lines to start it with.\n"
      "\n"
      "Examples:\n"
      "  ectl member add m4 --peer-urls=http://10.0.0.4:2380\n"
      "  ectl member add m5 --peer-urls=https://10.0.0.5:2380 --learner");
  tree.Add(member, "remove <memberID>", "Removes a member from the cluster",
           [](FlagSet&) -> RunFn { return [](Context& ctx) { RunMemberRemove(ctx); }; },
      "Removes the member with the given ID (as member list prints it) and prints \"Member\n"
      "<id> removed from cluster <cluster id>\".\n"
      "\n"
      "Example:\n"
      "  ectl member remove 8211f1d0f64f3269");
  tree.Add(member, "update <memberID> [options]", "Updates a member in the cluster",
           WithOptions(BindMemberUpdate, RunMemberUpdate),
      "Sets the member's peer URLs to --peer-urls (comma-separated) and prints \"Member <id>\n"
      "updated in cluster <cluster id>\".\n"
      "\n"
      "Example:\n"
      "  ectl member update 8211f1d0f64f3269 --peer-urls=http://10.0.0.9:2380");
  tree.Add(
      member, "list", "Lists all members in the cluster",
      [](FlagSet&) -> RunFn { return [](Context& ctx) { RunMemberList(ctx); }; },
      "When --write-out is set to simple, this command prints out comma-separated member lists "
      "for each endpoint.\nThe items in the lists are ID, Status, Name, Peer Addrs, Client Addrs, "
      "Is Learner.\n"
      "\n"
      "Examples:\n"
      "  ectl member list\n"
      "  ectl member list -w table");
  tree.Add(
      member, "promote <memberID>", "Promotes a non-voting member in the cluster",
      [](FlagSet&) -> RunFn { return [](Context& ctx) { RunMemberPromote(ctx); }; },
      "Promotes a non-voting learner member to a voting one in the cluster.\n"
      "-w json and -w protobuf print the response (etcdctl 3.4 panics on -w json).\n"
      "\n"
      "Example:\n"
      "  ectl member promote 8211f1d0f64f3269");
}

}  // namespace ectl::cli
