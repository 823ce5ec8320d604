#include "cli/flags.h"

#include <optional>

#include "common/bytes.h"
#include "common/strconv.h"

namespace ectl::cli {
namespace {

// Go's %q of a shorthand byte: 'c' for printable ASCII.
std::string QuoteRune(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f && c != '\'' && c != '\\') return std::string("'") + c + "'";
  if (c == '\'') return "'\\''";
  if (c == '\\') return "'\\\\'";
  static const char kHex[] = "0123456789abcdef";
  if (u < 0x80) return std::string("'\\x") + kHex[u >> 4] + kHex[u & 15] + "'";
  // A byte of a multi-byte character: Go formats the byte as the code point U+00XX.
  std::string utf8{static_cast<char>(0xc0 | (u >> 6)), static_cast<char>(0x80 | (u & 0x3f))};
  return "'" + utf8 + "'";
}

Flag* Find(const std::vector<FlagSet*>& sets, std::string_view name) {
  for (FlagSet* s : sets) {
    if (Flag* f = s->Lookup(name)) return f;
  }
  return nullptr;
}

Flag* FindShort(const std::vector<FlagSet*>& sets, char c) {
  for (FlagSet* s : sets) {
    if (Flag* f = s->LookupShorthand(c)) return f;
  }
  return nullptr;
}

// `--name[=value]` with the words that follow; returns how many of them it consumed.
size_t ParseLong(const std::string& word, const std::vector<std::string>& words, size_t next,
                 const std::vector<FlagSet*>& sets) {
  std::string name = word.substr(2);
  if (name.empty() || name[0] == '-' || name[0] == '=') {
    throw FlagError("bad flag syntax: " + word);
  }
  std::optional<std::string> value;
  if (auto eq = name.find('='); eq != std::string::npos) {
    value = name.substr(eq + 1);
    name.resize(eq);
  }
  Flag* flag = Find(sets, name);
  if (flag == nullptr) {
    if (name == "help") throw FlagError("pflag: help requested", true);
    throw FlagError("unknown flag: --" + name);
  }
  size_t used = 0;
  if (!value) {
    if (!flag->no_opt_default.empty()) {
      value = flag->no_opt_default;
    } else if (next < words.size()) {
      value = words[next];
      used = 1;
    } else {
      throw FlagError("flag needs an argument: " + word);
    }
  }
  FlagSet::Set(*flag, *value);
  return used;
}

// `-abc`, `-w json`, `-wjson`, `-w=json`; returns how many following words it consumed.
size_t ParseShort(const std::string& word, const std::vector<std::string>& words, size_t next,
                  const std::vector<FlagSet*>& sets) {
  std::string shorthands = word.substr(1);
  size_t used = 0;
  while (!shorthands.empty()) {
    char c = shorthands[0];
    Flag* flag = FindShort(sets, c);
    if (flag == nullptr) {
      if (c == 'h') throw FlagError("pflag: help requested", true);
      throw FlagError("unknown shorthand flag: " + QuoteRune(c) + " in -" + shorthands);
    }
    std::string value;
    std::string rest = shorthands.substr(1);
    if (shorthands.size() > 2 && shorthands[1] == '=') {
      value = shorthands.substr(2);
      rest.clear();
    } else if (!flag->no_opt_default.empty()) {
      value = flag->no_opt_default;
    } else if (shorthands.size() > 1) {
      value = shorthands.substr(1);
      rest.clear();
    } else if (next + used < words.size()) {
      value = words[next + used];
      ++used;
    } else {
      throw FlagError("flag needs an argument: " + QuoteRune(c) + " in -" + shorthands);
    }
    FlagSet::Set(*flag, value);
    shorthands = rest;
  }
  return used;
}

}  // namespace

std::string Flag::DisplayName() const {
  if (shorthand == 0) return "--" + name;
  return std::string("-") + shorthand + ", --" + name;
}

Flag& FlagSet::Add(std::string_view name, char shorthand, std::string type,
                   std::string default_text, std::string_view help,
                   std::function<void(const std::string&)> set) {
  auto flag = std::make_unique<Flag>();
  flag->name = std::string(name);
  flag->shorthand = shorthand;
  flag->type = std::move(type);
  flag->default_text = std::move(default_text);
  flag->help = std::string(help);
  flag->set = std::move(set);
  if (flag->type == "bool") flag->no_opt_default = "true";
  flags_.push_back(std::move(flag));
  return *flags_.back();
}

Flag& FlagSet::Bool(bool* target, std::string_view name, std::string_view help, char shorthand) {
  return Add(name, shorthand, "bool", *target ? "true" : "false", help,
             [target](const std::string& v) { *target = ParseBool(v); });
}

Flag& FlagSet::String(std::string* target, std::string_view name, std::string_view help,
                      char shorthand) {
  return Add(name, shorthand, "string", *target, help,
             [target](const std::string& v) { *target = v; });
}

Flag& FlagSet::Int(int64_t* target, std::string_view name, std::string_view help,
                   char shorthand) {
  return Add(name, shorthand, "int", std::to_string(*target), help,
             [target](const std::string& v) { *target = ParseInt(v, 0); });
}

Flag& FlagSet::Duration(std::chrono::nanoseconds* target, std::string_view name,
                        std::string_view help) {
  return Add(name, 0, "duration", FormatDuration(*target), help,
             [target](const std::string& v) { *target = ParseDuration(v); });
}

Flag& FlagSet::StringSlice(std::vector<std::string>* target, std::string_view name,
                           std::string_view help) {
  std::string shown = "[";
  for (size_t i = 0; i < target->size(); ++i) shown += (i ? "," : "") + (*target)[i];
  shown += "]";
  // pflag: the first value replaces the default, later ones append.
  auto replaced = std::make_shared<bool>(false);
  return Add(name, 0, "strings", shown, help, [target, replaced](const std::string& v) {
    auto items = ParseCsv(v);
    if (!*replaced) target->clear();
    *replaced = true;
    target->insert(target->end(), items.begin(), items.end());
  });
}

Flag* FlagSet::Lookup(std::string_view name) {
  for (auto& f : flags_) {
    if (f->name == name) return f.get();
  }
  return nullptr;
}

Flag* FlagSet::LookupShorthand(char c) {
  for (auto& f : flags_) {
    if (f->shorthand == c) return f.get();
  }
  return nullptr;
}

void FlagSet::Set(Flag& flag, const std::string& value) {
  try {
    flag.set(value);
  } catch (const ParseError& e) {
    throw FlagError("invalid argument " + GoQuote(value) + " for " +
                    GoQuote(flag.DisplayName()) + " flag: " + e.what());
  }
  flag.changed = true;
  if (flag.changed_out) *flag.changed_out = true;
}

std::vector<std::string> ParseFlags(const std::vector<std::string>& words,
                                    const std::vector<FlagSet*>& sets) {
  std::vector<std::string> args;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() < 2 || w[0] != '-') {
      args.push_back(w);
    } else if (w == "--") {
      args.insert(args.end(), words.begin() + static_cast<long>(i) + 1, words.end());
      break;
    } else {
      try {
        i += w[1] == '-' ? ParseLong(w, words, i + 1, sets) : ParseShort(w, words, i + 1, sets);
      } catch (FlagError& e) {
        e.set_word_index(i);
        throw;
      }
    }
  }
  return args;
}

bool TakesSeparateValue(std::string_view word, const std::vector<FlagSet*>& sets) {
  if (word.size() < 2 || word[0] != '-' || word == "--") return false;
  if (word[1] == '-') {
    std::string_view name = word.substr(2);
    if (name.find('=') != std::string_view::npos) return false;
    Flag* f = Find(sets, name);
    return f != nullptr && f->no_opt_default.empty();
  }
  // A shorthand cluster takes the next word when its last letter is a flag that needs
  // a value and nothing follows it.
  for (size_t i = 1; i < word.size(); ++i) {
    Flag* f = FindShort(sets, word[i]);
    if (f == nullptr) return false;
    if (f->no_opt_default.empty()) return i + 1 == word.size();
    if (i + 1 < word.size() && word[i + 1] == '=') return false;
  }
  return false;
}

std::vector<std::string> ParseCsv(std::string_view text) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        in_quotes = false;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      out.push_back(field);
      field.clear();
      quoted = false;
    } else {
      field += c;
    }
  }
  out.push_back(field);
  return out;
}

}  // namespace ectl::cli
