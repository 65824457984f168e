// The one check of an id's text (private to src/core): letters, digits, '_' and '-', because ids
// travel inside lever paths ("policy.JP.stockpile..."), share links and URLs. Used by validation,
// the JSON readers and the link decoder; each caller words its own message. Also the splitter of
// those paths into segments.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace kz {

inline bool IsIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/// Non-empty, at most `most` characters, each an IsIdChar.
inline bool IsIdText(std::string_view text, std::size_t most = std::string_view::npos) {
  return !text.empty() && text.size() <= most && std::all_of(text.begin(), text.end(), IsIdChar);
}

/// The dot-separated segments of a lever path or path pattern ("policy.JP.weight" -> "policy", "JP",
/// "weight"; "" -> one empty segment), as views into `path`. The one splitter of the path grammar
/// for links, exercises and provenance.
inline std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t begin = 0;
  while (true) {
    const std::size_t dot = path.find('.', begin);
    segments.push_back(path.substr(begin, dot == std::string_view::npos ? std::string_view::npos : dot - begin));
    if (dot == std::string_view::npos) return segments;
    begin = dot + 1;
  }
}

}  // namespace kz
