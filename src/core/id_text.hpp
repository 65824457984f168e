// The one check of an id's text (private to src/core): letters, digits, '_' and '-', because ids
// travel inside lever paths ("policy.JP.stockpile..."), share links and URLs. Used by validation,
// the JSON readers and the link decoder; each caller words its own message.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace kz {

inline bool IsIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// Non-empty, at most `most` characters, each an IsIdChar.
inline bool IsIdText(std::string_view text, std::size_t most = std::string_view::npos) {
  return !text.empty() && text.size() <= most && std::all_of(text.begin(), text.end(), IsIdChar);
}

}  // namespace kz
