// The "protobuf" output format.
#ifndef ECTL_OUTPUT_PROTOBUF_H_
#define ECTL_OUTPUT_PROTOBUF_H_

#include <iosfwd>
#include <memory>

namespace ectl::output {

class Printer;
std::unique_ptr<Printer> MakeProtobufPrinter(std::ostream& out, bool hex);

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_PROTOBUF_H_
