// Colour for people: ANSI SGR codes around a text, only when asked. Whether a stream gets
// colour (--color, NO_COLOR, a terminal) is decided in cli/ (GlobalOptions::Color); here
// are only the codes, so that every coloured text uses the same ones.
#ifndef ECTL_OUTPUT_COLOR_H_
#define ECTL_OUTPUT_COLOR_H_

#include <string>
#include <string_view>

namespace ectl::output {

namespace sgr {
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kGreen = "\x1b[32m";
inline constexpr std::string_view kRed = "\x1b[31m";
inline constexpr std::string_view kBoldRed = "\x1b[1;31m";
inline constexpr std::string_view kReset = "\x1b[0m";
}  // namespace sgr

// code + text + reset when on, the text alone otherwise.
inline std::string Paint(std::string_view text, std::string_view code, bool on) {
  if (!on) return std::string(text);
  std::string out;
  out.reserve(code.size() + text.size() + sgr::kReset.size());
  out.append(code).append(text).append(sgr::kReset);
  return out;
}

}  // namespace ectl::output

#endif  // ECTL_OUTPUT_COLOR_H_
