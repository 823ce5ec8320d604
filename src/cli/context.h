// Context: what a running command gets: its arguments, the global options, the streams,
// the environment, a printer, and its connection to etcd.
//
// The connection is the one path to etcd clients (cli/connection.h). A Context makes its
// own unless Run() was given one to share (many commands over one connection).
#ifndef ECTL_CLI_CONTEXT_H_
#define ECTL_CLI_CONTEXT_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/io.h"

namespace ectl::client {
class Client;
}
namespace ectl::output {
class Printer;
}

namespace ectl::cli {

class Connection;
class GlobalOptions;

class Context {
 public:
  // connection may be null: one is then made on first use from global.
  Context(const GlobalOptions& global, Io& io, const Environment& env,
          std::vector<std::string> args, std::vector<std::string> raw_argv, std::string program,
          Connection* connection);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  [[nodiscard]] const std::vector<std::string>& args() const { return args_; }
  [[nodiscard]] const GlobalOptions& global() const { return global_; }
  [[nodiscard]] Io& io() { return io_; }
  [[nodiscard]] const std::string& program() const { return program_; }
  [[nodiscard]] const Environment& env() const { return env_; }
  // The command line as typed (argv[0] first), for the few commands whose etcdctl twin
  // reads os.Args itself (watch finds its exec command after the raw "--").
  [[nodiscard]] const std::vector<std::string>& raw_argv() const { return raw_argv_; }

  // The printer for -w/--hex (validated when first asked for).
  output::Printer& printer();
  // The connection to etcd: the only way a command reaches a server.
  Connection& connection();
  // Shorthand for connection().client().
  client::Client& client();

 private:
  const GlobalOptions& global_;
  Io& io_;
  const Environment& env_;
  std::vector<std::string> args_;
  std::vector<std::string> raw_argv_;
  std::string program_;
  std::unique_ptr<output::Printer> printer_;
  std::unique_ptr<Connection> own_connection_;
  Connection* connection_;
};

}  // namespace ectl::cli

#endif  // ECTL_CLI_CONTEXT_H_
