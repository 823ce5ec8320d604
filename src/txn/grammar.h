// The txn input grammar, as etcdctl reads it:
//
//   <compares>  := <compare-line>* <empty line>
//   <success>   := <op-line>* <empty line>
//   <failure>   := <op-line>* <empty line>
//
// Every line is trimmed of surrounding white space (so CRLF input works). Compare lines are
// parsed by compare.h; op lines are split into words by argify.h and handed to an
// OpParser, which the command layer provides (put/get/del and their flags).
#ifndef ECTL_TXN_GRAMMAR_H_
#define ECTL_TXN_GRAMMAR_H_

#include <functional>
#include <iosfwd>
#include <string_view>
#include <vector>

#include "etcdserverpb/rpc.pb.h"
#include "txn/argify.h"
#include "txn/compare.h"
#include "txn/plan.h"

namespace ectl::txn {

enum class Section { kCompares, kSuccess, kFailure, kDone };

// Turns the words of an op line (at least two) into a request. Throws Error, or
// LineError to point at a word.
using OpParser =
    std::function<etcdserverpb::RequestOp(const std::vector<Word>& words, std::string_view line)>;

// Builds a transaction line by line. A line that throws leaves the reader unchanged, so
// an interactive caller can report it and ask again.
class TxnReader {
 public:
  explicit TxnReader(OpParser ops) : ops_(std::move(ops)) {}

  [[nodiscard]] Section section() const { return section_; }
  [[nodiscard]] bool done() const { return section_ == Section::kDone; }

  // One line without its '\n'. An empty (blank) line ends the current section. Throws
  // LineError / Error with etcdctl's message and exit code.
  void AddLine(std::string_view line);

  [[nodiscard]] TxnPlan Plan() const;

 private:
  OpParser ops_;
  Section section_ = Section::kCompares;
  std::vector<ParsedCompare> compares_;
  std::vector<etcdserverpb::RequestOp> success_, failure_;
};

// Reads a transaction from in as etcdctl does: lines end with '\n', and input that ends
// before the third empty line is Error(kInvalidInput, "EOF"), even a last line without
// its newline. before_section is called as each section starts (the -i prompts). Input
// after the third empty line is not read.
TxnPlan ReadTxn(std::istream& in, const OpParser& ops,
                const std::function<void(Section)>& before_section);

}  // namespace ectl::txn

#endif  // ECTL_TXN_GRAMMAR_H_
