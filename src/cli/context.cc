#include "cli/context.h"

#include "cli/connection.h"
#include "cli/global_options.h"
#include "client/client.h"
#include "output/printer.h"

namespace ectl::cli {

Context::Context(const GlobalOptions& global, Io& io, const Environment& env,
                 std::vector<std::string> args, std::vector<std::string> raw_argv,
                 std::string program, Connection* connection)
    : global_(global),
      io_(io),
      env_(env),
      args_(std::move(args)),
      raw_argv_(std::move(raw_argv)),
      program_(std::move(program)),
      connection_(connection) {}

Context::~Context() {
  printer_.reset();  // output first, before any teardown
}

output::Printer& Context::printer() {
  if (!printer_) {
    printer_ = output::MakePrinter(global_.write_out(), global_.hex(), io_.out);
    printer_->set_color(io_.out_color);
  }
  return *printer_;
}

Connection& Context::connection() {
  if (connection_ == nullptr) {
    own_connection_ = std::make_unique<Connection>(global_, io_, program_);
    connection_ = own_connection_.get();
  }
  return *connection_;
}

client::Client& Context::client() { return connection().client(); }

}  // namespace ectl::cli
