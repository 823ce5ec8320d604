#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/run.h"

extern char** environ;

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // gRPC's own log lines would precede ectl's "Error:" line; --debug turns them on.
  setenv("GRPC_VERBOSITY", "NONE", 0);
  std::vector<std::string> args(argv, argv + argc);
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string kv(*e);
    auto eq = kv.find('=');
    if (eq != std::string::npos) env.emplace(kv.substr(0, eq), kv.substr(eq + 1));
  }
  int code = ectl::cli::Run(args, env, {std::cin, std::cout, std::cerr, isatty(0) == 1, true});
  // gRPC's threads may still be running (the client is not torn down, see Io): leave
  // without static destructors, which could race them.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  _exit(code);
}
