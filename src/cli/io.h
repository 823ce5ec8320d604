// Io: the streams a run of ectl reads and writes. main() passes the process's standard
// streams; tests pass string streams.
#ifndef ECTL_CLI_IO_H_
#define ECTL_CLI_IO_H_

#include <iosfwd>

namespace ectl::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  // True when standard input is a terminal (prompts, line editing).
  bool in_is_terminal = false;
  // True when the process ends right after Run() returns (main). The gRPC client is then
  // left for the kernel to reclaim: an orderly gRPC shutdown joins its threads, which
  // only delays the exit of a short command.
  bool process_exits_after_run = false;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_IO_H_
