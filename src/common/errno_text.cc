// Go's text for an errno value; see errno_text.h.
#include "common/errno_text.h"

#include <cstring>

namespace ectl {

std::string ErrnoText(int err) {
  // strerrordesc_np is thread-safe and never localised, unlike strerror.
  const char* desc = strerrordesc_np(err);
  std::string text = desc != nullptr ? desc : "errno " + std::to_string(err);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

}  // namespace ectl
