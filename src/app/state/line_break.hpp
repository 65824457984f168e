// Where wrapped text may break, in English and Japanese: Latin words break only at spaces; Japanese
// may break between any two characters except where basic kinsoku rules forbid it (no line starts
// with 、。）」ー or a small kana, none ends with （「); and never inside a number with its unit
// ("約1,000億円", "-99.9%", "$1.3"). Dear ImGui's own word wrap treats a run of Japanese as one word and
// cuts it anywhere, so the panels draw text broken here (panels/ui_text.hpp WrappedLabel).
// Headless: widths come from a callback, so tests measure with a fixed-width font.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kz {

/// Width of one character (a Unicode code point) in the font being drawn with, in pixels.
using CharAdvance = std::function<float(char32_t)>;

/// True when a line may break between the characters `before` and `after` (adjacent code points):
/// after a space, or between two characters of which one is Japanese (kana, kanji, full-width
/// punctuation), unless kinsoku or a number forbids it. `numberBefore`: `before` ends a number
/// (digits, then possibly its separators and unit characters), so a unit after it stays attached.
bool MayBreakBetween(char32_t before, char32_t after, bool numberBefore);

/// Byte offsets in `text` (UTF-8) where a line may start other than at 0: after spaces and line
/// breaks, and between characters as MayBreakBetween allows. Ascending.
std::vector<std::size_t> BreakOpportunities(std::string_view text);

/// `text` with line breaks ('\n') inserted so that each line is at most `width` wide by `advance`
/// (spaces at a break are dropped; existing '\n' kept). A piece that cannot break and is wider than
/// `width` alone is cut between characters as a last resort, so nothing runs past the edge.
std::string BreakLines(std::string_view text, float width, const CharAdvance& advance);

/// The widest piece of `text` that no line break may split (a word, a number with its unit, a run
/// of Japanese held together by kinsoku): the narrowest width that wraps `text` without a cut.
float WidestUnbreakable(std::string_view text, const CharAdvance& advance);

}  // namespace kz
