// FlagSet: the one flag table and parser of ectl, with pflag's semantics and error texts.
//
// Every command binds the fields of its options struct to a FlagSet once
// (`flags.Bool(&o->prefix, "prefix", "...")`); parsing converts each value as it is met
// and stores it in the bound field, so nothing reads a flag back by a string name. The
// same parser serves the command line, the op lines of a transaction (`get k --prefix`)
// and the lines of `watch -i`; each caller turns a FlagError into its own message.
//
// What pflag does and this reproduces: long flags as `--name value`, `--name=value`;
// shorthands as `-w value`, `-wvalue`, `-w=value` and clusters (`-ii`); bool flags take
// a value only after `=`; flags and arguments interleave; `--` ends the flags; values are
// converted at once with Go's parsers; the first value of a string-slice flag replaces
// its default and later ones append. Why this is not CLI11: src/README.md.
#ifndef ECTL_CLI_FLAGS_H_
#define ECTL_CLI_FLAGS_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ectl::cli {

// A flag parse failure, with pflag's text ("unknown flag: --x", "flag needs an argument:
// --rev", `invalid argument "x" for "--limit" flag: ...`, "bad flag syntax: ---x").
// help_requested is set for an unknown -h/--help ("pflag: help requested").
class FlagError : public std::runtime_error {
 public:
  explicit FlagError(const std::string& message, bool help_requested = false)
      : std::runtime_error(message), help_requested_(help_requested) {}
  [[nodiscard]] bool help_requested() const { return help_requested_; }
  // The index, in the words parsed, of the word that failed (for a caret under it).
  [[nodiscard]] size_t word_index() const { return word_index_; }
  void set_word_index(size_t i) { word_index_ = i; }

 private:
  bool help_requested_;
  size_t word_index_ = 0;
};

// What a flag's value (or a command's argument) is, beyond its type: shell completion
// offers file or directory names for paths.
enum class ValueKind { kText, kFile, kDirectory };

struct Flag {
  std::string name;
  char shorthand = 0;
  std::string type;            // "bool", "string", "int", "duration", "strings"
  std::string default_text;    // the default as help shows it
  std::string help;
  std::string no_opt_default;  // the value of `--name` alone ("true" for bools)
  bool hidden = false;         // accepted, but left out of help and completion
  // Converts and stores a value; throws ParseError (common/strconv.h) with Go's text.
  std::function<void(const std::string&)> set;
  bool changed = false;        // set on the command line (or from ETCDCTL_*)
  bool* changed_out = nullptr; // mirrors `changed`, for options that need pflag's Changed()
  // The values the flag accepts when they are a fixed set (shell completion offers them;
  // the command validates them with etcdctl's texts), and whether the value is a path.
  std::vector<std::string> choices;
  ValueKind value_kind = ValueKind::kText;

  Flag& Choices(std::vector<std::string> values) {
    choices = std::move(values);
    return *this;
  }
  Flag& Path(ValueKind kind = ValueKind::kFile) {
    value_kind = kind;
    return *this;
  }

  [[nodiscard]] bool is_bool() const { return type == "bool"; }
  // "-w, --write-out" or "--limit": how pflag names the flag in messages.
  [[nodiscard]] std::string DisplayName() const;
};

class FlagSet {
 public:
  FlagSet() = default;
  FlagSet(const FlagSet&) = delete;
  FlagSet& operator=(const FlagSet&) = delete;

  // Each binds target, whose current value is the default. Returns the flag, so that a
  // caller can mark it hidden or ask for its changed state.
  Flag& Bool(bool* target, std::string_view name, std::string_view help, char shorthand = 0);
  Flag& String(std::string* target, std::string_view name, std::string_view help,
               char shorthand = 0);
  Flag& Int(int64_t* target, std::string_view name, std::string_view help, char shorthand = 0);
  Flag& Duration(std::chrono::nanoseconds* target, std::string_view name, std::string_view help);
  Flag& StringSlice(std::vector<std::string>* target, std::string_view name,
                    std::string_view help);

  [[nodiscard]] Flag* Lookup(std::string_view name);
  [[nodiscard]] Flag* LookupShorthand(char c);
  [[nodiscard]] const std::vector<std::unique_ptr<Flag>>& flags() const { return flags_; }

  // Sets a flag from text as pflag's Set does (marks it changed). Throws FlagError with
  // pflag's `invalid argument ...` text.
  static void Set(Flag& flag, const std::string& value);

 private:
  Flag& Add(std::string_view name, char shorthand, std::string type, std::string default_text,
            std::string_view help, std::function<void(const std::string&)> set);
  std::vector<std::unique_ptr<Flag>> flags_;
};

// Parses words (no program name, no command words) against sets, searched in order (a
// command's own flags, then the inherited global ones). Returns the arguments that are
// not flags, in order, everything after "--" included. Throws FlagError.
std::vector<std::string> ParseFlags(const std::vector<std::string>& words,
                                    const std::vector<FlagSet*>& sets);

// The flag a word names, for callers that must know whether a flag takes the next word
// as its value before the command is known (cobra's command search): true for
// `--name`/`-n` of a non-bool flag without an attached value.
bool TakesSeparateValue(std::string_view word, const std::vector<FlagSet*>& sets);

// Parses one CSV record as pflag's StringSlice does ("a,b", "\"a,b\",c").
std::vector<std::string> ParseCsv(std::string_view text);

}  // namespace ectl::cli

#endif  // ECTL_CLI_FLAGS_H_
