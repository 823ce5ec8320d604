// batch and shell: many commands in one process over one connection. Each line is run by
// Run() exactly as the separate invocation would be, with batch's global flags in front
// of its words and the shared Connection passed in.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/batch_script.h"
#include "cli/command.h"
#include "cli/commands.h"
#include "cli/commands/shell_complete.h"
#include "cli/complete_keys.h"
#include "cli/connection.h"
#include "cli/global_options.h"
#include "cli/line_editor.h"
#include "cli/run.h"
#include "common/errno_text.h"
#include "common/error.h"
#include "sys/terminal.h"
#include "sys/signal_watcher.h"

namespace ectl::cli {
namespace {

struct BatchOptions {
  bool keep_going = false;
};

void BindBatch(FlagSet& f, BatchOptions* o) {
  f.Bool(&o->keep_going, "keep-going",
         "run every command even after one fails; exit with the first failure's code");
}

const char kBatchHelp[] =
    "Runs commands read from FILE (standard input when FILE is absent or -), one per line,\n"
    "in one process over one connection: the same words as on the command line, without\n"
    "the program name. Each command prints exactly what it prints when run on its own.\n"
    "Global flags given to batch (--endpoints, -w, --user, ...) apply to every line; a line\n"
    "may add -w/--write-out, --hex and --debug of its own, but not the flags that describe\n"
    "the connection, which all lines share. ETCDCTL_* variables apply as usual.\n"
    "\n"
    "Every line is read and checked before the first runs: a quoting mistake, a command\n"
    "that cannot run in a batch or a connection flag on a line stops the batch with\n"
    "'Error: line N: <what>' (exit 3) and nothing is sent.\n"
    "\n"
    "Words and quoting (a subset of POSIX sh; nothing is expanded):\n"
    "  - blanks separate words; blank lines are ignored; # at the start of a word starts\n"
    "    a comment to the end of the line;\n"
    "  - \\ outside quotes keeps the next character; \\ at the end of a line joins the next\n"
    "    line to it (the command keeps the number of its first line);\n"
    "  - '...' keeps everything as it is; \"...\" too, except that \\ before $ ` \" \\ escapes it;\n"
    "  - $'...' takes the escapes \\n \\t \\r \\a \\b \\e \\f \\v \\\\ \\' \\\" \\? \\xHH and \\NNN\n"
    "    (octal), so any byte, NUL included, can be written: put $'k\\x00' $'v\\xff';\n"
    "  - a quote must close on its own line; '' and \"\" are empty words;\n"
    "  - $VAR, *, ~, ;, |, & and > are ordinary characters.\n"
    "\n"
    "Standard input of a command: empty (as </dev/null), unless the command ends with a\n"
    "here-document, <<WORD: the lines that follow, up to a line that is exactly WORD, each\n"
    "with its newline, as sh makes them. <<-WORD also removes leading tabs from them.\n"
    "  put greeting <<EOF\n"
    "  hello\n"
    "  EOF\n"
    "stores \"hello\\n\", as `echo hello | ectl put greeting` does. A transaction is the\n"
    "text `ectl txn` reads: compares, a blank line, success requests, a blank line, failure\n"
    "requests, a blank line:\n"
    "  txn <<EOF\n"
    "  value(\"k\") = \"v\"\n"
    "\n"
    "  put k w\n"
    "\n"
    "  put k other\n"
    "\n"
    "  EOF\n"
    "\n"
    "Refused (Error: line N: <command> cannot run in a batch: <why>): watch, lease\n"
    "keep-alive, lock, elect and make-mirror, which run until interrupted, check perf and\n"
    "check datascale, which load the cluster for minutes, and batch and shell themselves.\n"
    "snapshot save runs (it ends by itself).\n"
    "\n"
    "Failures: after a failing command (its own output unchanged), batch writes\n"
    "  Error: line N: command failed with exit code C; batch stopped\n"
    "and exits with C. With --keep-going it writes 'Error: line N: command failed with exit\n"
    "code C' and goes on, and at the end\n"
    "  Error: F of T commands failed; the first at line N (exit code C)\n"
    "and exits with the first failure's code. Ctrl-C or SIGTERM stops the batch after the\n"
    "command that is running ('Error: line N: interrupted; batch stopped', exit 130/143);\n"
    "export, import and snapshot restore stop at once, cleaning up as they do alone.\n"
    "\n"
    "Example:\n"
    "  ectl --endpoints=10.0.0.1:2379 -w json batch - <<'END'\n"
    "  put config/a 1\n"
    "  get config/ --prefix -w simple   # this line prints simple\n"
    "  END";

const char kShellHelp[] =
    "At a terminal, reads commands at a prompt and runs each one over one connection, with\n"
    "line editing (emacs keys), history and Tab completion of command names, flags and key\n"
    "names (get, put, del: up to 100 keys under the typed prefix, asked of the server).\n"
    "The words, quoting, here-documents and refused commands are batch's (see ectl help\n"
    "batch); a line ending in \\ or opening a here-document asks for more with '> '. A\n"
    "command without a here-document reads the terminal, as it does when run alone\n"
    "(put KEY then reads the value up to Ctrl-D). A failing command does not end the shell.\n"
    "\n"
    "History: $XDG_STATE_HOME/ectl/history (default ~/.local/state/ectl/history), the last\n"
    "1000 lines. Ctrl-C drops the line being typed, and stops a running export, import or\n"
    "snapshot restore (status 130) without leaving the shell; SIGTERM ends the shell.\n"
    "Ctrl-D, exit or quit leave, with the exit\n"
    "code of the last command. When standard input is not a terminal, or with a FILE\n"
    "argument, shell is batch.\n"
    "\n"
    "Examples:\n"
    "  ectl --endpoints=10.0.0.1:2379 shell\n"
    "  ectl> get app/ --prefix --keys-only\n"
    "  ectl> put app/mode <<EOF\n"
    "  > blue\n"
    "  > EOF";

// Commands a batch refuses, and why: they run until interrupted (or for minutes) and own
// Ctrl-C, which in a batch belongs to the batch.
const std::map<std::string, std::string>& Refused() {
  static const auto* refused = new std::map<std::string, std::string>{
      {"watch", "it runs until interrupted"},
      {"lease keep-alive", "it runs until interrupted"},
      {"lock", "it holds the lock until interrupted"},
      {"elect", "it campaigns or listens until interrupted"},
      {"make-mirror", "it runs until interrupted"},
      {"check perf", "it loads the cluster for a minute or more; run it on its own"},
      {"check datascale", "it loads the cluster for minutes; run it on its own"},
  };
  return *refused;
}

// Global flags a line may add: the output options. The others describe the connection,
// which every line shares, so they belong to batch.
bool LineMayGive(const Flag& flag) {
  return flag.name == "write-out" || flag.name == "hex" || flag.name == "debug";
}

// The global flags (and their values) given to batch, in order, from its command line.
std::vector<std::string> GlobalWords(const std::vector<std::string>& argv, FlagSet& globals) {
  std::vector<std::string> words;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-') continue;
    const Flag* flag = nullptr;
    if (a[1] == '-') {
      flag = globals.Lookup(std::string_view(a).substr(2, a.find('=') - 2));
    } else {
      flag = globals.LookupShorthand(a[1]);
    }
    if (flag == nullptr) continue;  // batch's own flag
    words.push_back(a);
    if (TakesSeparateValue(a, {&globals}) && i + 1 < argv.size()) words.push_back(argv[++i]);
  }
  return words;
}

// Runs the commands of a script, each as its own invocation over one connection.
class Executor {
 public:
  explicit Executor(Context& ctx) : ctx_(ctx) {
    global_.Bind(global_flags_);
    prefix_ = {ctx.raw_argv().empty() ? std::string("ectl") : ctx.raw_argv()[0]};
    std::vector<std::string> words = GlobalWords(ctx.raw_argv(), global_flags_);
    prefix_.insert(prefix_.end(), words.begin(), words.end());
  }

  // Throws ScriptError when the command cannot run in a batch.
  void Check(const ScriptCommand& command) {
    std::vector<std::string> argv = {prefix_[0]};
    argv.insert(argv.end(), command.words.begin(), command.words.end());
    std::string path = CommandPath(argv);
    if (path == "batch" || path == "shell") {
      throw ScriptError(command.line, path + " cannot run inside a batch");
    }
    if (auto it = Refused().find(path); it != Refused().end()) {
      throw ScriptError(command.line, path + " cannot run in a batch: " + it->second);
    }
    for (const std::string& w : command.words) {
      if (w == "--") break;
      if (w.size() < 2 || w[0] != '-') continue;
      const Flag* flag = w[1] == '-' ? global_flags_.Lookup(std::string_view(w).substr(2, w.find('=') - 2))
                                     : global_flags_.LookupShorthand(w[1]);
      if (flag != nullptr && !LineMayGive(*flag)) {
        throw ScriptError(command.line, "--" + flag->name +
                                            " must be given to batch, not on a line (all lines "
                                            "share one connection)");
      }
    }
  }

  // Runs one command; in is its standard input. Returns its exit code.
  int Run(const ScriptCommand& command, std::istream& in, bool in_is_terminal) {
    std::vector<std::string> argv = prefix_;
    argv.insert(argv.end(), command.words.begin(), command.words.end());
    Io io{in, ctx_.io().out, ctx_.io().err, in_is_terminal, false};
    int code = cli::Run(argv, ctx_.env(), io, &ctx_.connection());
    ctx_.io().out.flush();
    ctx_.io().err.flush();
    return code;
  }

 private:
  Context& ctx_;
  FlagSet global_flags_;
  GlobalOptions global_;
  std::vector<std::string> prefix_;
};

std::string ReadScript(Context& ctx) {
  if (ctx.args().size() > 1) {
    throw Error(ExitCode::kBadArgs, "batch takes at most one argument, the script file");
  }
  if (ctx.args().empty() || ctx.args()[0] == "-") {
    std::istream& in = ctx.io().in;
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  const std::string& path = ctx.args()[0];
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ExitCode::kBadArgs, "open " + path + ": " + ErrnoText(errno));
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Ends on the first signal after the command that is running.
struct Interrupt {
  sys::SignalWatcher watcher{[](int) {}};
  [[nodiscard]] int code() const { return watcher.received() ? 128 + watcher.received() : 0; }
};

void RunScript(Context& ctx, const BatchOptions& o) {
  // The password prompt reads the first line of stdin, before the script, as txn does.
  if (ctx.global().NeedsPasswordPrompt()) (void)ctx.connection().config();
  std::string text = ReadScript(ctx);
  Executor executor(ctx);
  std::vector<ScriptCommand> commands;
  // Every line is checked before the first runs: a script with a mistake changes nothing.
  try {
    commands = ParseScript(text);
    for (const auto& c : commands) executor.Check(c);
  } catch (const ScriptError& e) {
    throw Error(ExitCode::kInvalidInput, "line " + std::to_string(e.line()) + ": " + e.what());
  }
  // Before the client: gRPC's threads inherit the blocked signals.
  Interrupt interrupt;
  int first_code = 0, first_line = 0, failed = 0;
  for (const auto& c : commands) {
    std::istringstream in(c.input.value_or(""));
    int code = executor.Run(c, in, false);
    // Before the command's own failure: a command that stopped on the signal (export,
    // import, snapshot restore) fails because of it.
    if (interrupt.code() != 0) {
      ctx.io().err << "Error: line " << c.line << ": interrupted; batch stopped\n";
      throw Error::Reported(static_cast<ExitCode>(interrupt.code()));
    }
    if (code != 0) {
      ++failed;
      if (first_code == 0) {
        first_code = code;
        first_line = c.line;
      }
      std::ostream& err = ctx.io().err;
      err << "Error: line " << c.line << ": command failed with exit code " << code;
      if (!o.keep_going) {
        err << "; batch stopped\n";
        throw Error::Reported(static_cast<ExitCode>(code));
      }
      err << "\n";
    }
  }
  if (failed > 0) {
    ctx.io().err << "Error: " << failed << " of " << commands.size()
                 << " commands failed; the first at line " << first_line << " (exit code "
                 << first_code << ")\n";
    throw Error::Reported(static_cast<ExitCode>(first_code));
  }
}

// Key names under prefix for completion: those a word shows as typed.
std::vector<std::string> TypableKeys(Connection& connection, const std::string& prefix) {
  std::vector<std::string> keys;
  for (auto& k : CompleteKeys(connection, prefix)) {
    if (k.find_first_of(" \t\n\r'\"\\$#") == std::string::npos) keys.push_back(std::move(k));
  }
  return keys;
}

void RunShell(Context& ctx, const BatchOptions& o) {
  if (!ctx.io().in_is_terminal || !ctx.args().empty()) return RunScript(ctx, o);
  if (ctx.global().NeedsPasswordPrompt()) (void)ctx.connection().config();
  Executor executor(ctx);
  Interrupt interrupt;
  FILE* out = sys::IsTerminal(STDOUT_FILENO) ? stdout : stderr;
  ShellCompleter completer(ctx.program());
  LineEditor editor(out, "history", [&](std::string_view before) {
    return completer.Complete(before, [&](const std::string& prefix) {
      return TypableKeys(ctx.connection(), prefix);
    });
  });
  int line_number = 0, status = 0;
  std::string text, line;
  for (;;) {
    editor.set_prompt(text.empty() ? ctx.program() + "> " : "> ");
    if (!editor.Read(line)) {
      if (editor.interrupted()) {  // Ctrl-C drops what was typed, as a shell does
        std::fputc('\n', out);
        std::fflush(out);
        text.clear();
        continue;
      }
      std::fputc('\n', out);
      std::fflush(out);
      break;
    }
    ++line_number;
    if (text.empty() && (line == "exit" || line == "quit")) break;
    int first = line_number - static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    text += line;
    text += '\n';
    std::vector<ScriptCommand> commands;
    try {
      commands = ParseScript(text, first);
      for (const auto& c : commands) executor.Check(c);
    } catch (const ScriptError& e) {
      if (e.incomplete()) continue;  // a continuation or a here-document: read on
      ctx.io().err << "Error: " << e.what() << "\n" << std::flush;
      text.clear();
      status = static_cast<int>(ExitCode::kInvalidInput);
      continue;
    }
    text.clear();
    for (const auto& c : commands) {
      // A signal during a command ends the command's wait, not the shell (SIGTERM does).
      Interrupt command_interrupt;
      if (c.input) {
        std::istringstream in(*c.input);
        status = executor.Run(c, in, false);
      } else {
        std::cin.clear();
        status = executor.Run(c, std::cin, true);
        std::cin.clear();
      }
      if (command_interrupt.code() == 128 + 15) throw Error::Reported(ExitCode{128 + 15});
    }
  }
  (void)interrupt;
  if (status != 0) throw Error::Reported(static_cast<ExitCode>(status));
}

}  // namespace

void RegisterBatchCommands(CommandTree& tree) {
  tree.Add(nullptr, "batch [options] [file]", "Runs commands read one per line, over one connection",
           WithOptions(BindBatch, RunScript), kBatchHelp);
  tree.Add(nullptr, "shell [options] [file]", "Runs commands typed at a prompt, over one connection",
           WithOptions(BindBatch, RunShell), kShellHelp);
}

}  // namespace ectl::cli
