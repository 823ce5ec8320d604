#include "cli/commands/txn_prompt.h"

#include <histedit.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/commands/txn_complete.h"
#include "common/error.h"
#include "sys/terminal.h"
#include "txn/go_text.h"
#include "txn/line_error.h"

namespace ectl::cli {
namespace {

// libedit calls back through plain functions; one prompt runs at a time.
struct PromptState {
  txn::Section section = txn::Section::kCompares;
  bool interrupted = false;
  FILE* out = nullptr;
};
PromptState* g_state = nullptr;

const char* Header(txn::Section s) {
  switch (s) {
    case txn::Section::kCompares: return "compares:";
    case txn::Section::kSuccess: return "success requests (get, put, del):";
    default: return "failure requests (get, put, del):";
  }
}

char* PromptText(EditLine*) {
  static char compare[] = "compare> ", success[] = "success> ", failure[] = "failure> ";
  switch (g_state->section) {
    case txn::Section::kCompares: return compare;
    case txn::Section::kSuccess: return success;
    default: return failure;
  }
}

// Ctrl-C: leave the prompt (the terminal does not turn it into SIGINT while editing).
unsigned char Cancel(EditLine*, int) {
  g_state->interrupted = true;
  return CC_EOF;
}

unsigned char Complete(EditLine* el, int) {
  const LineInfo* li = el_line(el);
  std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  Completion c = CompleteTxnLine(g_state->section, before);
  if (c.candidates.empty()) return CC_ERROR;
  std::string common = CommonPrefix(c.candidates);
  std::string insert = common.substr(c.prefix.size());
  if (c.candidates.size() == 1) insert += c.suffix;
  if (!insert.empty()) {
    el_insertstr(el, insert.c_str());
    return CC_REFRESH;
  }
  // Nothing more to insert: show the choices under the line.
  std::fputc('\n', g_state->out);
  for (const auto& w : c.candidates) std::fprintf(g_state->out, "%s  ", w.c_str());
  std::fputc('\n', g_state->out);
  return CC_REDISPLAY;
}

std::string HistoryPath() {
  std::string dir;
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) {
    dir = xdg;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::string(home) + "/.local/state";
  } else {
    return "";
  }
  // Best effort: without the directory the history simply stays in memory.
  ::mkdir(dir.c_str(), 0700);
  dir += "/ectl";
  ::mkdir(dir.c_str(), 0700);
  return dir + "/txn_history";
}

// The line with a caret under the byte at offset (counted in characters).
void ShowError(const std::string& line, size_t offset, const std::string& message) {
  std::string caret;
  for (size_t i = 0; i < line.size() && i < offset;) {
    caret += line[i] == '\t' ? '\t' : ' ';
    i += txn::DecodeRune(line, i).size;
  }
  std::fprintf(stderr, "%s\n%s^\nError: %s\n", line.c_str(), caret.c_str(), message.c_str());
  std::fflush(stderr);
}

class Editor {
 public:
  explicit Editor(PromptState& state) {
    el_ = el_init("ectl", stdin, state.out, stderr);
    hist_ = history_init();
    HistEvent ev;
    history(hist_, &ev, H_SETSIZE, 1000);
    history(hist_, &ev, H_SETUNIQUE, 1);
    path_ = HistoryPath();
    if (!path_.empty()) history(hist_, &ev, H_LOAD, path_.c_str());
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_HIST, history, hist_);
    el_set(el_, EL_PROMPT, PromptText);
    el_set(el_, EL_SIGNAL, 1);
    // Ctrl-C reaches the editor as a key, so leaving restores the terminal first.
    el_set(el_, EL_SETTY, "-d", "-isig", nullptr);
    el_set(el_, EL_ADDFN, "ectl-complete", "complete a txn word", Complete);
    el_set(el_, EL_ADDFN, "ectl-cancel", "leave without sending", Cancel);
    el_set(el_, EL_BIND, "^I", "ectl-complete", nullptr);
    el_set(el_, EL_BIND, "^C", "ectl-cancel", nullptr);
  }
  ~Editor() {
    HistEvent ev;
    if (!path_.empty()) history(hist_, &ev, H_SAVE, path_.c_str());
    el_end(el_);
    history_end(hist_);
  }
  Editor(const Editor&) = delete;
  Editor& operator=(const Editor&) = delete;

  // A line without its newline; false at Ctrl-D / Ctrl-C.
  bool Read(std::string& line) {
    int count = 0;
    const char* text = el_gets(el_, &count);
    if (text == nullptr || count <= 0) return false;
    line.assign(text, static_cast<size_t>(count));
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!txn::GoTrimSpace(line).empty()) {
      HistEvent ev;
      history(hist_, &ev, H_ENTER, line.c_str());
    }
    return true;
  }

 private:
  EditLine* el_ = nullptr;
  History* hist_ = nullptr;
  std::string path_;
};

}  // namespace

txn::TxnPlan PromptTxn(const txn::OpParser& ops) {
  PromptState state;
  // Prompts go where the person is looking: stdout unless it is redirected.
  state.out = sys::IsTerminal(STDOUT_FILENO) ? stdout : stderr;
  g_state = &state;
  struct Reset {
    ~Reset() { g_state = nullptr; }
  } reset;

  txn::TxnReader reader(ops);
  Editor editor(state);
  txn::Section shown = txn::Section::kDone;
  std::string line;
  while (!reader.done()) {
    state.section = reader.section();
    if (state.section != shown) {
      shown = state.section;
      std::fprintf(state.out, "%s\n", Header(shown));
      std::fflush(state.out);
    }
    if (!editor.Read(line)) {
      std::fputc('\n', state.out);
      std::fflush(state.out);
      if (state.interrupted) {
        throw Error(static_cast<ExitCode>(kPromptInterrupted), "interrupted; transaction not sent");
      }
      throw Error(ExitCode::kInvalidInput, "EOF; transaction not sent");
    }
    try {
      reader.AddLine(line);
    } catch (const txn::LineError& e) {
      ShowError(line, e.offset(), e.what());
    } catch (const Error& e) {
      ShowError(line, 0, e.what());
    }
  }
  return reader.Plan();
}

}  // namespace ectl::cli
