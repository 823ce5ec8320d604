#include "cli/commands/txn_prompt.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/commands/txn_complete.h"
#include "cli/line_editor.h"
#include "common/error.h"
#include "sys/terminal.h"
#include "txn/go_text.h"
#include "txn/line_error.h"

namespace ectl::cli {
namespace {

const char* Header(txn::Section s) {
  switch (s) {
    case txn::Section::kCompares: return "compares:";
    case txn::Section::kSuccess: return "success requests (get, put, del):";
    default: return "failure requests (get, put, del):";
  }
}

const char* PromptText(txn::Section s) {
  switch (s) {
    case txn::Section::kCompares: return "compare> ";
    case txn::Section::kSuccess: return "success> ";
    default: return "failure> ";
  }
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

}  // namespace

txn::TxnPlan PromptTxn(const txn::OpParser& ops) {
  // Prompts go where the person is looking: stdout unless it is redirected.
  FILE* out = sys::IsTerminal(STDOUT_FILENO) ? stdout : stderr;
  txn::TxnReader reader(ops);
  txn::Section section = txn::Section::kCompares;
  LineEditor editor(out, "txn_history", [&section](std::string_view before) {
    return CompleteTxnLine(section, before);
  });
  txn::Section shown = txn::Section::kDone;
  std::string line;
  while (!reader.done()) {
    section = reader.section();
    if (section != shown) {
      shown = section;
      std::fprintf(out, "%s\n", Header(shown));
      std::fflush(out);
    }
    editor.set_prompt(PromptText(section));
    if (!editor.Read(line)) {
      std::fputc('\n', out);
      std::fflush(out);
      if (editor.interrupted()) {
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
