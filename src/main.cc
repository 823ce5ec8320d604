#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "sys/terminal.h"

extern char** environ;

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // gRPC's own log lines would precede ectl's "Error:" line; --debug turns them on.
  setenv("GRPC_VERBOSITY", "NONE", 0);
  std::vector<std::string> args(argv, argv + argc);
  int code = ectl::cli::Run(args, ectl::cli::Environment::FromEnviron(environ),
                            {std::cin, std::cout, std::cerr, ectl::sys::IsTerminal(STDIN_FILENO), true,
                             ectl::sys::IsTerminal(STDOUT_FILENO), ectl::sys::IsTerminal(STDERR_FILENO)});
  // gRPC's threads may still be running (the client is not torn down, see Io): leave
  // without static destructors, which could race them.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  _exit(code);
}
