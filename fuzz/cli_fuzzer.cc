// Fuzz target: the flag and command layer, ectl::cli::Run() with random argv, ETCDCTL_*
// environment and standard input, and no server.
//
// Input: words separated by NUL bytes. A word starting with \x01 is an environment entry
// (NAME=VALUE), one starting with \x02 is standard input, every other word is an argument
// after "ectl". Exit codes and messages are not checked; an uncaught exception, a hang or
// a sanitizer report is a finding.
//
// Nothing can reach a server or the file system outside an empty scratch directory:
//  - the link wraps client::Client::Make (fuzz/CMakeLists.txt, -Wl,--wrap), the one way
//    the cli layer gets a connection: every command that would connect fails as a dial
//    timeout does, at once;
//  - socket() fails in this process (defined below, ahead of the C library), so DNS
//    discovery and anything else that would open a socket fails as well;
//  - inputs with a path outside the scratch directory (any '/', except in "scheme://")
//    are skipped, so `snapshot status` and the TLS file flags read nothing real.
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run.h"
#include "client/client.h"
#include "client/config.h"
#include "client/rpc_error.h"

// Replaces client::Client::Make for this binary (see above).
std::unique_ptr<ectl::client::Client> WrappedMake(const ectl::client::ClientConfig& config) __asm__(
    "__wrap__ZN4ectl6client6Client4MakeERKNS0_12ClientConfigE");
std::unique_ptr<ectl::client::Client> WrappedMake(const ectl::client::ClientConfig& config) {
  if (config.endpoints.empty()) {
    throw ectl::client::ConnectError(0, "etcdclient: no available endpoints");
  }
  throw ectl::client::ConnectError(4, "context deadline exceeded");
}

extern "C" int socket(int /*domain*/, int /*type*/, int /*protocol*/) {
  errno = EACCES;
  return -1;
}

namespace {

// True when word names a path: a '/' other than those of "scheme://".
bool HasPath(std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] != '/') continue;
    if (i >= 1 && word[i - 1] == ':' && i + 1 < word.size() && word[i + 1] == '/') {
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // Relative paths (snapshot status, --cert) resolve in an empty directory of our own.
  char dir[] = "/tmp/ectl-cli-fuzz-XXXXXX";
  if (mkdtemp(dir) == nullptr || chdir(dir) != 0) {
    std::perror("cli_fuzzer: scratch directory");
    std::abort();
  }
  if (::socket(AF_INET, SOCK_STREAM, 0) != -1) std::abort();
  setenv("GRPC_VERBOSITY", "NONE", 1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> argv{"ectl"};
  std::map<std::string, std::string> env;
  std::string stdin_text;
  while (true) {
    size_t nul = input.find('\0');
    std::string_view word = input.substr(0, nul);
    if (!word.empty() && word[0] == '\x01') {
      word.remove_prefix(1);
      size_t eq = word.find('=');
      if (eq == std::string_view::npos) return 0;
      std::string_view value = word.substr(eq + 1);
      if (HasPath(value)) return 0;
      env[std::string(word.substr(0, eq))] = value;
    } else if (!word.empty() && word[0] == '\x02') {
      stdin_text = word.substr(1);
    } else {
      if (HasPath(word)) return 0;
      argv.emplace_back(word);
    }
    if (nul == std::string_view::npos) break;
    input.remove_prefix(nul + 1);
  }
  if (argv.size() > 64) return 0;

  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  ectl::cli::Run(argv, env, {in, out, err, false, false});
  return 0;
}
