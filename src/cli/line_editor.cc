#include "cli/line_editor.h"

#include <histedit.h>
#include <sys/stat.h>

#include <cstdlib>

namespace ectl::cli {

std::string CommonPrefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string p = words[0];
  for (const auto& w : words) {
    size_t n = 0;
    while (n < p.size() && n < w.size() && p[n] == w[n]) ++n;
    p.resize(n);
  }
  return p;
}

std::string HistoryPath(const std::string& name) {
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
  return dir + "/" + name;
}

// libedit calls back through plain functions; the editor is found through its client data.
struct LineEditor::Callbacks {
  static LineEditor* Self(EditLine* el) {
    void* self = nullptr;
    el_get(el, EL_CLIENTDATA, &self);
    return static_cast<LineEditor*>(self);
  }
  static char* Prompt(EditLine* el) { return Self(el)->prompt_.data(); }
  // Ctrl-C: leave the line.
  static unsigned char Cancel(EditLine* el, int) {
    Self(el)->interrupted_ = true;
    return CC_EOF;
  }
  static unsigned char Complete(EditLine* el, int) {
    LineEditor* self = Self(el);
    if (!self->completer_) return CC_ERROR;
    const LineInfo* li = el_line(el);
    std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
    Completion c = self->completer_(before);
    if (c.candidates.empty()) return CC_ERROR;
    std::string common = CommonPrefix(c.candidates);
    std::string insert = common.size() > c.prefix.size() ? common.substr(c.prefix.size()) : "";
    if (c.candidates.size() == 1) insert += c.suffix;
    if (!insert.empty()) {
      el_insertstr(el, insert.c_str());
      return CC_REFRESH;
    }
    // Nothing more to insert: show the choices under the line.
    std::fputc('\n', self->out_);
    for (const auto& w : c.candidates) std::fprintf(self->out_, "%s  ", w.c_str());
    std::fputc('\n', self->out_);
    return CC_REDISPLAY;
  }
};

LineEditor::LineEditor(FILE* out, const std::string& history_name, Completer completer)
    : out_(out), completer_(std::move(completer)) {
  EditLine* el = el_init("ectl", stdin, out, stderr);
  History* hist = history_init();
  el_ = el;
  hist_ = hist;
  HistEvent ev;
  history(hist, &ev, H_SETSIZE, 1000);
  history(hist, &ev, H_SETUNIQUE, 1);
  path_ = HistoryPath(history_name);
  if (!path_.empty()) history(hist, &ev, H_LOAD, path_.c_str());
  el_set(el, EL_CLIENTDATA, this);
  el_set(el, EL_EDITOR, "emacs");
  el_set(el, EL_HIST, history, hist);
  el_set(el, EL_PROMPT, &Callbacks::Prompt);
  el_set(el, EL_SIGNAL, 1);
  // Ctrl-C reaches the editor as a key, so leaving restores the terminal first.
  el_set(el, EL_SETTY, "-d", "-isig", nullptr);
  el_set(el, EL_ADDFN, "ectl-complete", "complete the word", &Callbacks::Complete);
  el_set(el, EL_ADDFN, "ectl-cancel", "leave the line", &Callbacks::Cancel);
  el_set(el, EL_BIND, "^I", "ectl-complete", nullptr);
  el_set(el, EL_BIND, "^C", "ectl-cancel", nullptr);
}

LineEditor::~LineEditor() {
  auto* hist = static_cast<History*>(hist_);
  HistEvent ev;
  if (!path_.empty()) history(hist, &ev, H_SAVE, path_.c_str());
  el_end(static_cast<EditLine*>(el_));
  history_end(hist);
}

bool LineEditor::Read(std::string& line) {
  interrupted_ = false;
  int count = 0;
  const char* text = el_gets(static_cast<EditLine*>(el_), &count);
  if (text == nullptr || count <= 0) return false;
  line.assign(text, static_cast<size_t>(count));
  if (!line.empty() && line.back() == '\n') line.pop_back();
  if (line.find_first_not_of(" \t") != std::string::npos) {
    HistEvent ev;
    history(static_cast<History*>(hist_), &ev, H_ENTER, line.c_str());
  }
  return true;
}

}  // namespace ectl::cli
