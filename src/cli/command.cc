#include "cli/command.h"

#include <CLI/CLI.hpp>

#include "cli/error_hints.h"
#include "cli/global_options.h"
#include "cli/parse_util.h"
#include "cli/password.h"
#include "client/client.h"
#include "client/discovery.h"
#include "client/rpc_error.h"
#include "common/bytes.h"
#include "common/error.h"
#include "common/strconv.h"
#include "output/printer.h"

namespace ectl::cli {

Context::Context(const GlobalOptions& global, Io& io, std::vector<std::string> args,
                 std::string program)
    : global_(global), io_(io), args_(std::move(args)), program_(std::move(program)) {}

Context::~Context() {
  printer_.reset();  // output first, before any teardown
  if (io_.process_exits_after_run) (void)client_.release();
}

output::Printer& Context::printer() {
  if (!printer_) printer_ = output::MakePrinter(global_.write_out(), global_.hex(), io_.out);
  return *printer_;
}

client::Client& Context::client() {
  if (!client_) {
    auto config = global_.ToClientConfig();
    if (!global_.discovery_srv().empty()) {
      // Endpoints from DNS SRV records replace --endpoints when any are found.
      std::vector<std::string> found;
      try {
        found = client::DiscoverEndpoints(global_.discovery_srv(), global_.discovery_srv_name());
      } catch (const std::runtime_error& e) {
        throw Error(ExitCode::kError, e.what());
      }
      std::vector<std::string> kept;
      for (const auto& ep : found) {
        if (!global_.insecure_discovery() && ep.rfind("http://", 0) == 0) {
          io_.err << "ignoring discovered insecure endpoint " << GoQuote(ep) << "\n";
          continue;
        }
        kept.push_back(ep);
      }
      if (!kept.empty()) config.endpoints = kept;
    }
    // As etcdctl: --user without a password asks for one; an empty answer means no auth.
    if (global_.NeedsPasswordPrompt()) config.password = AskPassword(io_, "Password: ");
    try {
      client_ = client::Client::Make(config);
    } catch (const client::ConnectError& e) {
      std::string hint = ErrorHint(e.what(), config.user);
      if (!hint.empty()) io_.err << program_ << ": " << hint << "\n";
      throw Error(ExitCode::kBadConnection, e.what());
    } catch (const client::DialError& e) {
      // Why the connection failed, ahead of etcdctl's own message that scripts match.
      for (const auto& reason : e.reasons()) io_.err << program_ << ": " << reason << "\n";
      throw;
    }
  }
  return *client_;
}

CLI::Option* Flags::Add(std::string_view name, char shorthand, std::string_view default_value,
                        std::string_view help, bool is_flag) {
  std::string key(name);
  values_[key] = std::string(default_value);
  defaults_[key] = std::string(default_value);
  std::string names = "--" + key;
  if (shorthand) names = std::string("-") + shorthand + "," + names;
  CLI::Option* opt = is_flag ? app_->add_flag(names, values_[key], std::string(help))
                             : app_->add_option(names, values_[key], std::string(help));
  opt->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  opt->default_str(std::string(default_value));
  opt->type_name(is_flag ? "bool" : (name_is_int_ ? "int" : "string"));
  return opt;
}

void Flags::Bool(std::string_view name, std::string_view help, char shorthand, bool def) {
  Add(name, shorthand, def ? "true" : "false", help, true);
}

void Flags::String(std::string_view name, std::string_view def, std::string_view help,
                   char shorthand) {
  Add(name, shorthand, def, help, false);
}

void Flags::Int(std::string_view name, int64_t def, std::string_view help) {
  name_is_int_ = true;
  Add(name, 0, std::to_string(def), help, false);
  name_is_int_ = false;
}

const std::string& Flags::Raw(std::string_view name) const { return values_.find(name)->second; }

bool Flags::Changed(std::string_view name) const {
  return app_->count("--" + std::string(name)) > 0;
}

namespace {
[[noreturn]] void BadValue(std::string_view name, const std::string& value, const char* why) {
  throw Error(ExitCode::kError, "invalid argument " + GoQuote(value) + " for \"--" +
                                    std::string(name) + "\" flag: " + why);
}
}  // namespace

bool Flags::GetBool(std::string_view name) const {
  std::string v = FromArgv(Raw(name));
  try {
    return ParseBool(v);
  } catch (const ParseError& e) {
    BadValue(name, v, e.what());
  }
}

std::string Flags::GetString(std::string_view name) const { return FromArgv(Raw(name)); }

int64_t Flags::GetInt(std::string_view name) const {
  std::string v = FromArgv(Raw(name));
  try {
    return ParseInt(v, 0);
  } catch (const ParseError& e) {
    BadValue(name, v, e.what());
  }
}

CommandTree::CommandTree(std::string program)
    : program_(std::move(program)),
      root_app_(std::make_unique<CLI::App>("A simple command line client for etcd3.", program_)) {
  root_app_->set_help_flag("-h,--help", "help for " + program_);
  root_.name = program_;
  root_.use = program_;
  root_.short_desc = "A simple command line client for etcd3.";
  root_.app = root_app_.get();
}

CommandTree::~CommandTree() = default;

Command* CommandTree::Add(Command* parent, std::string_view use, std::string_view short_desc,
                          Setup setup, std::string_view long_desc) {
  if (parent == nullptr) parent = &root_;
  auto command = std::make_unique<Command>();
  command->name = std::string(use.substr(0, use.find(' ')));
  command->use = std::string(use);
  command->short_desc = std::string(short_desc);
  command->long_desc = std::string(long_desc);
  command->setup = std::move(setup);
  command->parent = parent;
  parent->children.push_back(std::move(command));
  return parent->children.back().get();
}

CLI::App* CommandTree::Materialize(Command* command) {
  if (command->app != nullptr) return command->app;
  CLI::App* parent = Materialize(command->parent);
  CLI::App* app = parent->add_subcommand(command->name, command->short_desc);
  app->fallthrough();
  app->set_help_flag("-h,--help", "help for " + command->name);
  command->app = app;
  if (command->setup) command->run = command->setup(*app);
  return app;
}

void CommandTree::MaterializeAll() {
  std::vector<Command*> stack{&root_};
  while (!stack.empty()) {
    Command* c = stack.back();
    stack.pop_back();
    Materialize(c);
    for (auto& child : c->children) stack.push_back(child.get());
  }
}

Command* CommandTree::Find(Command* parent, std::string_view word) const {
  Command* match = nullptr;
  int matches = 0;
  for (auto& child : parent->children) {
    if (child->name == word) return child.get();
    // Unambiguous prefixes name a command, as with etcdctl ("memb li").
    if (child->name.rfind(word, 0) == 0) match = child.get(), ++matches;
  }
  return matches == 1 ? match : nullptr;
}

std::string CommandTree::Path(const Command* command) {
  std::string path;
  for (const Command* c = command; c != nullptr && c->parent != nullptr; c = c->parent) {
    path = path.empty() ? c->name : c->name + " " + path;
  }
  return path;
}

}  // namespace ectl::cli
