// The "simple" output format.
#ifndef ECTL_OUTPUT_SIMPLE_H_
#define ECTL_OUTPUT_SIMPLE_H_

#include <iosfwd>
#include <memory>

namespace ectl::output {

class Printer;
std::unique_ptr<Printer> MakeSimplePrinter(std::ostream& out, bool hex);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_SIMPLE_H_
