#include "cli/docs.h"

#include <algorithm>
#include <ostream>
#include <vector>

#include "cli/command.h"
#include "cli/help.h"
#include "common/error.h"
#include "version.h"

namespace ectl::cli {
namespace {

struct FlagDoc {
  std::string name;  // long name, without dashes
  std::string shorthand;
  bool takes_value = false;
  std::string default_value;
  std::string help;
};

struct CommandDoc {
  const Command* command;
  std::string key;  // "ROOT" or the path, for the completion tables
  std::vector<FlagDoc> flags;
  std::vector<const Command*> children;
};

std::vector<FlagDoc> FlagsOf(const FlagSet& set) {
  std::vector<FlagDoc> flags;
  for (const auto& flag : set.flags()) {
    if (flag->hidden) continue;
    FlagDoc f;
    f.name = flag->name;
    if (flag->shorthand != 0) f.shorthand = std::string(1, flag->shorthand);
    f.takes_value = !flag->is_bool();
    f.default_value = flag->default_text;
    f.help = flag->help;
    flags.push_back(std::move(f));
  }
  std::sort(flags.begin(), flags.end(), [](const FlagDoc& a, const FlagDoc& b) { return a.name < b.name; });
  return flags;
}

// Every visible command, parents before children, in registration order.
std::vector<CommandDoc> Collect(CommandTree& tree) {
  tree.MaterializeAll();
  std::vector<CommandDoc> docs;
  std::vector<const Command*> stack{&tree.root()};
  while (!stack.empty()) {
    const Command* c = stack.back();
    stack.pop_back();
    CommandDoc d{c, c->parent ? CommandTree::Path(c) : "ROOT", FlagsOf(*c->flags), {}};
    for (const auto& child : c->children) {
      if (!child->hidden) d.children.push_back(child.get());
    }
    for (auto it = d.children.rbegin(); it != d.children.rend(); ++it) stack.push_back(*it);
    docs.push_back(std::move(d));
  }
  return docs;
}

std::string Roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

// A command's long help as roff: unindented lines are filled into paragraphs, indented
// lines (examples, tables, continued lists) are kept as they are written.
std::string ManText(const std::string& text) {
  std::string out;
  bool verbatim = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    bool indented = !line.empty() && line[0] == ' ';
    if (indented != verbatim) out += indented ? ".nf\n" : ".fi\n";
    verbatim = indented;
    out += Roff(line) + "\n";
    start = nl + 1;
  }
  if (verbatim) out += ".fi\n";
  return out;
}

void ManFlags(std::string& out, const std::vector<FlagDoc>& flags) {
  for (const auto& f : flags) {
    out += ".TP\n\\fB";
    if (!f.shorthand.empty()) out += "\\-" + f.shorthand + "\\fR, \\fB";
    out += "\\-\\-" + Roff(f.name) + "\\fR";
    if (f.takes_value) out += "=\\fI" + Roff(f.default_value.empty() ? "\"\"" : f.default_value) + "\\fR";
    out += "\n" + Roff(f.help) + "\n";
  }
}

}  // namespace

std::string RenderManPage(CommandTree& tree) {
  auto docs = Collect(tree);
  std::string out = ".\\\" Generated from the command tree by `ectl __man`; do not edit.\n";
  out += std::string(".TH ECTL 1 \"\" \"ectl ") + kVersion + "\" \"User Commands\"\n";
  out += ".SH NAME\nectl \\- command\\-line client for etcd's v3 API, compatible with etcdctl\n";
  out += ".SH SYNOPSIS\n\\fBectl\\fR [\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] "
         "[\\fIarguments\\fR]\n";
  out += ".SH DESCRIPTION\n"
         "ectl talks to an etcd cluster over its v3 gRPC API. Its commands, flags, "
         "ETCDCTL_* environment variables, output formats, error texts and exit codes are "
         "those of etcdctl 3.4, so scripts written for etcdctl run unchanged. Installed or "
         "invoked under the name \\fBetcdctl\\fR, it names itself so in its messages.\n"
         ".PP\nCommand names may be abbreviated to any unambiguous prefix.\n";
  out += ".SH GLOBAL OPTIONS\n";
  ManFlags(out, docs.front().flags);
  out += ".SH COMMANDS\n";
  for (size_t i = 1; i < docs.size(); ++i) {
    const auto& d = docs[i];
    out += ".SS \"" + Roff(UseLine(tree, d.command)) + "\"\n";
    out += ManText(d.command->long_desc.empty() ? d.command->short_desc : d.command->long_desc);
    std::vector<FlagDoc> flags;
    for (const auto& f : d.flags) {
      if (f.name != "help") flags.push_back(f);
    }
    if (!flags.empty()) {
      out += ".PP\nOptions:\n.RS\n";
      ManFlags(out, flags);
      out += ".RE\n";
    }
  }
  out += ".SH ENVIRONMENT\n"
         "Every global option can be given as an environment variable: ETCDCTL_ followed by the "
         "option name in upper case with dashes as underscores (\\fBETCDCTL_ENDPOINTS\\fR, "
         "\\fBETCDCTL_WRITE_OUT\\fR, ...). A variable that shadows an option given on the "
         "command line is an error.\n";
  out += ".SH EXIT STATUS\n"
         ".TP\n0\nsuccess\n.TP\n1\nerror reported by the server or the client\n"
         ".TP\n2\nbad connection (no endpoints, authentication failed)\n"
         ".TP\n3\ninvalid input\n.TP\n4\nunsupported feature or output format\n"
         ".TP\n5\ninterrupted (watch canceled by the server, snapshot failed)\n"
         ".TP\n128\ninvalid arguments\n";
  return out;
}

void RegisterDocCommands(CommandTree& tree) {
  Command* man = tree.Add(nullptr, "__man", "Print the man page", [&tree](FlagSet&) -> RunFn {
    return [&tree](Context& ctx) { ctx.io().out << RenderManPage(tree); };
  });
  man->hidden = true;
  man->offline = true;
}

}  // namespace ectl::cli
