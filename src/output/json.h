// The "json" output format.
#ifndef ECTL_OUTPUT_JSON_H_
#define ECTL_OUTPUT_JSON_H_

#include <iosfwd>
#include <memory>

namespace ectl::output {

class Printer;
std::unique_ptr<Printer> MakeJsonPrinter(std::ostream& out, bool hex);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_JSON_H_
