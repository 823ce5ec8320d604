// LineError: a transaction line that cannot be used, with etcdctl's message and exit
// code plus the byte offset in the line where the problem is (for the -i prompt's caret).
#ifndef ECTL_TXN_LINE_ERROR_H_
#define ECTL_TXN_LINE_ERROR_H_

#include <cstddef>
#include <string>

#include "common/error.h"

namespace ectl::txn {

class LineError : public Error {
 public:
  LineError(ExitCode code, const std::string& message, size_t offset)
      : Error(code, message), offset_(offset) {}
  [[nodiscard]] size_t offset() const { return offset_; }

 private:
  size_t offset_;
};

}  // namespace ectl::txn

#endif  // ECTL_TXN_LINE_ERROR_H_
