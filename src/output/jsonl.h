// The jsonl format: one flat JSON object per line (jsonl_printer.h).
#ifndef ECTL_OUTPUT_JSONL_H_
#define ECTL_OUTPUT_JSONL_H_

#include <iosfwd>
#include <memory>

namespace ectl::output {
class Printer;
std::unique_ptr<Printer> MakeJsonlPrinter(std::ostream& out, bool hex);
}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSONL_H_
