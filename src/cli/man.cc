#include "cli/man.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cli/command.h"
#include "common/bytes.h"
#include "common/error.h"
#include "version.h"

namespace ectl::cli {
namespace {

// Text as roff input: backslashes, minus signs, a control character at the start of a
// line, and every non-ASCII character (as \[uXXXX], so no input encoding is assumed).
std::string Roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c >= 0x80) {
      Rune r = DecodeRune(text, i);
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\[u%04X]", static_cast<unsigned>(r.value));
      out += buf;
      i += r.size;
      continue;
    }
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += static_cast<char>(c);
    ++i;
  }
  return out;
}

// A macro argument in double quotes.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : Roff(text)) {
    if (c == '"') out += "\\(dq";
    else out += c;
  }
  return out + "\"";
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool Indented(const std::string& line) { return !line.empty() && (line[0] == ' ' || line[0] == '\t'); }

// Help text as roff: unindented lines are filled into paragraphs (an empty line starts a
// new one), indented lines (examples, tables, continued lists) are kept as written.
std::string ManText(std::string_view text) {
  std::vector<std::string> lines = Lines(text);
  std::string out;
  bool verbatim = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) {
      size_t next = i + 1;
      while (next < lines.size() && lines[next].empty()) ++next;
      if (next == lines.size()) break;
      if (verbatim && Indented(lines[next])) {
        out += "\n";
      } else {
        if (verbatim) out += ".fi\n";
        verbatim = false;
        out += ".PP\n";
      }
      i = next - 1;
      continue;
    }
    bool indented = Indented(line);
    if (indented && !verbatim) out += ".nf\n";
    if (!indented && verbatim) out += ".fi\n";
    verbatim = indented;
    out += Roff(line) + "\n";
  }
  if (verbatim) out += ".fi\n";
  return out;
}

// A long help split at its `Examples:` line: the description before, the examples after.
struct HelpParts {
  std::string description;
  std::string examples;
};

HelpParts SplitHelp(const Command& c) {
  const std::string& text = c.long_desc.empty() ? c.short_desc : c.long_desc;
  for (const char* marker : {"\nExamples:\n", "\nExample:\n"}) {
    size_t at = text.find(marker);
    if (at != std::string::npos) {
      return {text.substr(0, at), text.substr(at + std::string_view(marker).size())};
    }
  }
  return {text, ""};
}

std::vector<const Flag*> VisibleFlags(const FlagSet& set, bool with_help) {
  std::vector<const Flag*> flags;
  for (const auto& f : set.flags()) {
    if (f->hidden || (!with_help && f->name == "help")) continue;
    flags.push_back(f.get());
  }
  std::sort(flags.begin(), flags.end(), [](const Flag* a, const Flag* b) { return a->name < b->name; });
  return flags;
}

std::string ManFlags(const std::vector<const Flag*>& flags) {
  std::string out;
  for (const Flag* f : flags) {
    out += ".TP\n";
    if (f->shorthand != 0) out += std::string("\\fB\\-") + f->shorthand + "\\fR, ";
    out += "\\fB\\-\\-" + Roff(f->name) + "\\fR";
    if (!f->is_bool()) out += " \\fI" + Roff(f->type) + "\\fR";
    out += '\n';  // appended apart: g++ 12 misreports "literal" + string&& (-Wrestrict)
    out += Roff(f->help);
    bool shows_default = f->is_bool() ? f->default_text == "true" : !f->default_text.empty() &&
                                                                        f->default_text != "[]";
    if (shows_default) out += " (default: " + Roff(f->default_text) + ")";
    out += "\n";
  }
  return out;
}

std::vector<const Command*> VisibleChildren(const Command& c) {
  std::vector<const Command*> out;
  for (const auto& child : c.children) {
    if (!child->hidden) out.push_back(child.get());
  }
  return out;
}

// "ectl lease grant <ttl>", "ectl lease <subcommand>".
std::string Usage(const Command& c) {
  std::string path = CommandTree::Path(c.parent);
  return "ectl " + (path.empty() ? c.use : path + " " + c.use);
}

std::string PageName(const Command& c) { return "ectl-" + c.name; }

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Header(const std::string& name, std::string_view summary) {
  std::string out = ".\\\" Generated from the command tree by `ectl __man`; do not edit.\n";
  out += ".TH " + Roff(Upper(name)) + " 1 \"\" \"ectl " + kVersion + "\" \"User Commands\"\n";
  out += ".nh\n";  // no hyphenation: flags and key names stay whole
  out += ".SH NAME\n" + Roff(name) + " \\- " + Roff(summary) + "\n";
  return out;
}

// Pages named in SEE ALSO next to ectl(1), beside a command's own subject.
const std::map<std::string, std::vector<std::string>>& Related() {
  static const std::map<std::string, std::vector<std::string>> kRelated = {
      {"get", {"put", "del", "txn", "watch"}},
      {"put", {"get", "del", "lease", "txn"}},
      {"del", {"get", "put", "txn"}},
      {"txn", {"get", "put", "del"}},
      {"compaction", {"defrag", "get", "watch"}},
      {"alarm", {"endpoint", "defrag"}},
      {"defrag", {"compaction", "endpoint", "alarm"}},
      {"endpoint", {"member", "defrag"}},
      {"move-leader", {"endpoint", "member"}},
      {"watch", {"get", "put", "del"}},
      {"version", {}},
      {"lease", {"put", "get", "lock", "elect"}},
      {"member", {"endpoint", "move-leader", "snapshot"}},
      {"snapshot", {"member", "defrag"}},
      {"make-mirror", {"get", "watch", "snapshot"}},
      {"migrate", {"snapshot"}},
      {"lock", {"elect", "lease"}},
      {"elect", {"lock", "lease"}},
      {"auth", {"user", "role"}},
      {"user", {"auth", "role"}},
      {"role", {"auth", "user"}},
      {"check", {"endpoint", "defrag"}},
      {"completion", {}},
  };
  return kRelated;
}

std::string SeeAlso(const std::vector<std::string>& pages) {
  std::string out = ".SH SEE ALSO\n";
  for (size_t i = 0; i < pages.size(); ++i) {
    out += "\\fB" + Roff(pages[i]) + "\\fR(1)" + (i + 1 < pages.size() ? ",\n" : "\n");
  }
  return out;
}

// A subcommand (and its own subcommands) as a subsection of its group's page; its
// examples are collected for the page's EXAMPLES.
void Subcommand(const Command& c, std::string& body, std::string& examples) {
  HelpParts help = SplitHelp(c);
  body += ".SS " + Quoted(Usage(c)) + "\n";
  body += ManText(help.description);
  auto flags = VisibleFlags(*c.flags, false);
  if (!flags.empty()) body += ".PP\nOptions:\n.RS\n" + ManFlags(flags) + ".RE\n";
  if (!help.examples.empty()) examples += ".PP\n\\fB" + Roff(CommandTree::Path(&c)) + "\\fR:\n" + ManText(help.examples);
  for (const Command* child : VisibleChildren(c)) Subcommand(*child, body, examples);
}

std::string CommandPage(const Command& c) {
  auto children = VisibleChildren(c);
  HelpParts help = SplitHelp(c);
  std::string out = Header(PageName(c), c.short_desc);
  out += ".SH SYNOPSIS\n";
  if (children.empty()) {
    out += "\\fB" + Roff("ectl " + c.name) + "\\fR " + Roff(c.use.substr(std::min(c.use.size(), c.name.size() + 1))) + "\n";
  } else {
    for (size_t i = 0; i < children.size(); ++i) {
      const Command* child = children[i];
      out += (i ? ".br\n\\fB" : "\\fB") + Roff("ectl " + c.name + " " + child->name) + "\\fR";
      std::string rest = child->use.substr(std::min(child->use.size(), child->name.size() + 1));
      out += (rest.empty() ? "" : " " + Roff(rest)) + "\n";
    }
  }
  out += ".SH DESCRIPTION\n" + ManText(help.description);
  auto flags = VisibleFlags(*c.flags, false);
  if (!flags.empty()) out += ".SH OPTIONS\n" + ManFlags(flags);
  std::string examples = help.examples.empty() ? "" : ManText(help.examples);
  if (!children.empty()) {
    std::string body;
    for (const Command* child : children) Subcommand(*child, body, examples);
    out += ".SH COMMANDS\n" + body;
  }
  out += ".PP\nThe global options of \\fBectl\\fR(1) (endpoints, TLS, authentication, output "
         "format, timeouts) apply to every command, and so do its ETCDCTL_* environment "
         "variables and exit status.\n";
  if (!examples.empty()) out += ".SH EXAMPLES\n" + examples;
  std::vector<std::string> see{"ectl"};
  auto it = Related().find(c.name);
  if (it != Related().end()) {
    for (const auto& name : it->second) see.push_back("ectl-" + name);
  }
  see.push_back("etcdctl");
  return out + SeeAlso(see);
}

std::string RootPage(CommandTree& tree, const std::vector<const Command*>& commands) {
  Command& root = tree.root();
  std::string out = Header("ectl", "command-line client for etcd's v3 API, compatible with etcdctl");
  out += ".SH SYNOPSIS\n\\fBectl\\fR [\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] "
         "[\\fIarguments\\fR]\n";
  out += ".SH DESCRIPTION\n"
         "ectl talks to an etcd cluster over its v3 gRPC API. Its commands, flags, "
         "ETCDCTL_* environment variables, output formats, error texts and exit codes are "
         "those of etcdctl 3.4, so scripts written for etcdctl run unchanged. Installed or "
         "invoked under the name \\fBetcdctl\\fR, it names itself so in its messages.\n"
         ".PP\n"
         "Flags may come before or after the command words. Command names may be abbreviated "
         "to any unambiguous prefix (\\fBectl memb li\\fR). "
         "\\fBectl help\\fR \\fIcommand\\fR or \\fIcommand\\fR \\fB\\-\\-help\\fR prints a "
         "command's help, with examples; each command has its own page, listed below.\n";
  out += ".SH COMMANDS\n";
  for (const Command* c : commands) {
    out += ".TP\n\\fB" + Roff(c->name) + "\\fR";
    std::string rest = c->use.substr(std::min(c->use.size(), c->name.size() + 1));
    if (!rest.empty()) out += " " + Roff(rest);
    out += "\n" + Roff(c->short_desc);
    auto children = VisibleChildren(*c);
    if (!children.empty()) {
      out += " (";
      for (size_t i = 0; i < children.size(); ++i) out += (i ? ", " : "") + Roff(children[i]->name);
      out += ")";
    }
    out += ". See \\fB" + Roff(PageName(*c)) + "\\fR(1).\n";
  }
  out += ".SH OPTIONS\n"
         "These global options apply to every command.\n" +
         ManFlags(VisibleFlags(*root.flags, true));
  out += ".SH ENVIRONMENT\n"
         "Every global option can be given as an environment variable: ETCDCTL_ followed by the "
         "option name in upper case with dashes as underscores. A variable that is empty is "
         "ignored; one whose value does not parse keeps the option's default, as etcdctl does. "
         "A variable next to the command-line flag it shadows is an error (exit 1), and any "
         "other ETCDCTL_ variable is reported as unrecognized on stderr. Commands that never "
         "connect (\\fBversion\\fR, \\fBcompletion\\fR, \\fBsnapshot restore\\fR) "
         "do not read them.\n";
  for (const Flag* f : VisibleFlags(*root.flags, false)) {
    std::string env = "ETCDCTL_";
    for (char c : f->name) env += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out += ".TP\n\\fB" + Roff(env) + "\\fR\nAs \\fB\\-\\-" + Roff(f->name) + "\\fR: " + Roff(f->help) + "\n";
  }
  out += ".TP\n\\fBETCDCTL_API\\fR\n"
         "The etcd API version. Empty or \\fB3\\fR; any other value is refused with "
         "\"unsupported API version\" (exit 1), as ectl speaks only the v3 API.\n"
         ".TP\n\\fBETCDCTL_WATCH_KEY\\fR, \\fBETCDCTL_WATCH_RANGE_END\\fR\n"
         "The key and range end of \\fBwatch\\fR when none is given on its command line "
         "(see \\fBectl\\-watch\\fR(1)).\n"
         ".TP\n\\fBNO_COLOR\\fR\n"
         "When set to any non-empty value, nothing is printed in colour "
         "(see https://no\\-color.org).\n"
         ".TP\n\\fBXDG_STATE_HOME\\fR, \\fBHOME\\fR\n"
         "Where the history of \\fBtxn \\-i\\fR is kept (see FILES).\n";
  out += ".SH EXIT STATUS\n"
         "The exit codes are those of etcdctl 3.4:\n"
         ".TP\n0\nSuccess.\n"
         ".TP\n1\nAn error reported by the server or the client (the usual failure), an "
         "unhealthy endpoint, a conflicting environment variable.\n"
         ".TP\n2\nNo connection: no endpoint answered within \\fB\\-\\-dial\\-timeout\\fR, no "
         "endpoints, authentication failed; also a failed \\fBlease timetolive\\fR, "
         "\\fBlease list\\fR or \\fBlease keep\\-alive\\fR.\n"
         ".TP\n3\nInvalid input: a transaction that does not parse, an unreadable "
         "\\fBwatch \\-i\\fR line.\n"
         ".TP\n4\nAn unsupported feature: an output format the command cannot print, a bad "
         "\\fB\\-\\-sort\\-by\\fR, \\fB\\-\\-order\\fR or \\fB\\-\\-consistency\\fR value.\n"
         ".TP\n5\nInterrupted: the watch was canceled by the server, \\fBsnapshot save\\fR "
         "failed.\n"
         ".TP\n128\nInvalid arguments or flags, bad IDs, unreadable TLS files.\n"
         ".TP\n130\nEnded by SIGINT (Ctrl\\-C) while running: \\fBwatch\\fR, \\fBlease "
         "keep\\-alive\\fR, \\fBmake\\-mirror\\fR, \\fBsnapshot save\\fR, \\fBcheck\\fR, "
         "\\fBexport\\fR, \\fBimport\\fR and "
         "the password prompt stop cleanly, then exit as the signal would (128 + 2). "
         "\\fBlock\\fR and \\fBelect\\fR release what they hold and exit 0.\n"
         ".TP\n143\nEnded by SIGTERM, in the same way (128 + 15).\n"
         ".PP\nA failure prints one line \\fBError:\\fR \\fImessage\\fR on stderr; the text is "
         "etcdctl's where etcdctl has one.\n";
  out += ".SH FILES\n"
         ".TP\n\\fI$XDG_STATE_HOME/ectl/txn_history\\fR\n"
         "The line history of the interactive \\fBtxn \\-i\\fR prompt (on a terminal); "
         "\\fI~/.local/state/ectl/txn_history\\fR when XDG_STATE_HOME is not set.\n"
         ".TP\n\\fIfile\\fR\\fB.part\\fR\n"
         "\\fBsnapshot save\\fR \\fIfile\\fR writes here (mode 0600) and renames it to "
         "\\fIfile\\fR once the snapshot is complete and its checksum verified.\n";
  out += ".SH EXAMPLES\n"
         "Write, read and delete keys on the local member (127.0.0.1:2379):\n"
         ".PP\n.nf\n"
         "  ectl put greeting hello\n"
         "  ectl get greeting\n"
         "  ectl get fruit/ \\-\\-prefix \\-\\-keys\\-only\n"
         "  ectl del fruit/ \\-\\-prefix\n"
         ".fi\n.PP\n"
         "A cluster over TLS, with a user:\n"
         ".PP\n.nf\n"
         "  ectl \\-\\-endpoints=https://10.0.0.1:2379,https://10.0.0.2:2379 \\e\n"
         "       \\-\\-cacert=ca.pem \\-\\-user=root member list \\-w table\n"
         ".fi\n.PP\n"
         "The same options from the environment:\n"
         ".PP\n.nf\n"
         "  export ETCDCTL_ENDPOINTS=https://10.0.0.1:2379 ETCDCTL_CACERT=ca.pem\n"
         "  ectl endpoint health\n"
         ".fi\n.PP\n"
         "Watch a prefix; Ctrl\\-C ends it:\n"
         ".PP\n.nf\n"
         "  ectl watch fruit/ \\-\\-prefix\n"
         ".fi\n";
  std::vector<std::string> see;
  for (const Command* c : commands) see.push_back(PageName(*c));
  see.push_back("etcd");
  see.push_back("etcdctl");
  return out + SeeAlso(see);
}

}  // namespace

std::vector<ManPage> RenderManPages(CommandTree& tree) {
  tree.MaterializeAll();
  std::vector<const Command*> commands = VisibleChildren(tree.root());
  std::vector<ManPage> pages;
  pages.push_back({"ectl", RootPage(tree, commands)});
  for (const Command* c : commands) pages.push_back({PageName(*c), CommandPage(*c)});
  return pages;
}

void WriteManPages(CommandTree& tree, const std::string& dir) {
  namespace fs = std::filesystem;
  std::set<std::string> written;
  for (const ManPage& page : RenderManPages(tree)) {
    std::string file = page.name + ".1";
    std::ofstream out(fs::path(dir) / file, std::ios::binary | std::ios::trunc);
    out << page.text;
    if (!out.flush()) throw Error(ExitCode::kIO, "cannot write " + (fs::path(dir) / file).string());
    written.insert(file);
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string file = entry.path().filename().string();
    if (file.rfind("ectl", 0) == 0 && entry.path().extension() == ".1" && !written.count(file)) {
      fs::remove(entry.path(), ec);
    }
  }
}

void RegisterManCommand(CommandTree& tree) {
  Command* man = tree.Add(nullptr, "__man <dir>", "Write the man pages into a directory",
                          [&tree](FlagSet&) -> RunFn {
                            return [&tree](Context& ctx) {
                              if (ctx.args().size() != 1) {
                                throw Error(ExitCode::kBadArgs, "__man needs one argument: the directory");
                              }
                              WriteManPages(tree, ctx.args()[0]);
                            };
                          });
  man->hidden = true;
  man->offline = true;
}

}  // namespace ectl::cli
