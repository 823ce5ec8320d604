#include "txn/grammar.h"

#include <istream>
#include <string>

#include "txn/go_text.h"
#include "txn/line_error.h"

namespace ectl::txn {

void TxnReader::AddLine(std::string_view raw) {
  if (done()) return;
  std::string_view line = GoTrimSpace(raw);
  // Offsets in errors are relative to the line as typed.
  const size_t lead = static_cast<size_t>(line.data() - raw.data());
  if (line.empty()) {
    section_ = static_cast<Section>(static_cast<int>(section_) + 1);
    return;
  }
  try {
    if (section_ == Section::kCompares) {
      ParsedCompare c = ParseCompare(line);
      if (c.or_equal) {
        int count = 1;
        for (const auto& p : compares_) count += p.or_equal ? 1 : 0;
        if (count > kMaxOrEqual) {
          throw LineError(ExitCode::kInvalidInput,
                          "malformed comparison: " + std::string(line) + " (at most " +
                              std::to_string(kMaxOrEqual) + " value >= compares per transaction)",
                          0);
        }
      }
      compares_.push_back(std::move(c));
      return;
    }
    std::vector<Word> words = Argify(line);
    if (words.size() < 2) {
      // etcdctl's wording, even for an op line.
      throw LineError(ExitCode::kInvalidInput, "invalid txn compare request: " + std::string(line),
                      words.empty() ? 0 : words[0].offset + words[0].text.size());
    }
    auto op = ops_(words, line);
    (section_ == Section::kSuccess ? success_ : failure_).push_back(std::move(op));
  } catch (const LineError& e) {
    throw LineError(e.code(), e.what(), e.offset() + lead);
  }
}

TxnPlan TxnReader::Plan() const { return MakePlan(compares_, success_, failure_); }

TxnPlan ReadTxn(std::istream& in, const OpParser& ops,
                const std::function<void(Section)>& before_section) {
  TxnReader reader(ops);
  Section announced = Section::kDone;
  std::string line;
  while (!reader.done()) {
    if (reader.section() != announced) {
      announced = reader.section();
      if (before_section) before_section(announced);
    }
    line.clear();
    if (!std::getline(in, line) || in.eof()) {
      // getline sets eof when the last line has no '\n': etcdctl's ReadString('\n')
      // reports that as EOF too.
      throw Error(ExitCode::kInvalidInput, "EOF");
    }
    reader.AddLine(line);
  }
  return reader.Plan();
}

}  // namespace ectl::txn
