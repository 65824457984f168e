// Line breaking for English and Japanese (state/line_break.hpp). The kinsoku sets are the common
// core of JIS X 4051's: closing brackets, Japanese punctuation, the prolonged sound mark, small kana
// and iteration marks never start a line; opening brackets and currency signs never end one.
#include "state/line_break.hpp"

#include <algorithm>
#include <string_view>

namespace kz {
namespace {

struct Char {
  char32_t code = 0;
  std::size_t begin = 0;  // byte offsets in the text
  std::size_t end = 0;
};

// UTF-8 to code points; a malformed byte stands for itself (one byte, U+FFFD), never stops the text.
std::vector<Char> Decode(std::string_view text) {
  std::vector<Char> chars;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    char32_t code = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    bool good = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; good && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      good = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3F);
    }
    if (!good) {
      length = 1;
      code = 0xFFFD;
    }
    chars.push_back(Char{code, i, i + length});
    i += length;
  }
  return chars;
}

bool Among(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'\uFF10' && c <= U'\uFF19'); }

// Kana, kanji, CJK punctuation and full-width forms: text that breaks between characters.
bool IsJapanese(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

// Never at the start of a line.
bool NoLineStart(char32_t c) {
  return Among(c, U"、。，．・：；？！ー－〜～‐゠–—…‥）］｝〕〉》」』】〙〗〟’”ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
                  U"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ％‰℃°)]},.:;!?%");
}

// Never at the end of a line.
bool NoLineEnd(char32_t c) { return Among(c, U"（［｛〔〈《「『【〘〖〝‘“([{$¥￥£€＄＃#＠"); }

// What continues a number: its separators and the units written after it ("1,000億円", "12か月").
bool ContinuesNumber(char32_t c) {
  return IsDigit(c) || Among(c, U",.，．%％億兆万千百円倍年月日ドルヶケかカヵ個件人社台週時間分秒点位回歳割度トンキロ");
}

// mayStart[i]: a line may start at character i (i > 0), by MayBreakBetween.
std::vector<bool> LineStarts(const std::vector<Char>& chars) {
  std::vector<bool> mayStart(chars.size(), false);
  bool inNumber = false;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i].code;
    if (i > 0) mayStart[i] = chars[i - 1].code == U'\n' || (c != U'\n' && MayBreakBetween(chars[i - 1].code, c, inNumber));
    inNumber = IsDigit(c) || (inNumber && ContinuesNumber(c));
  }
  return mayStart;
}

}  // namespace

bool MayBreakBetween(char32_t before, char32_t after, bool numberBefore) {
  if (IsSpace(after)) return false;  // the break comes after the spaces, which the line drops
  if (IsSpace(before)) return true;
  if (NoLineStart(after) || NoLineEnd(before)) return false;
  if (numberBefore && ContinuesNumber(after)) return false;
  return IsJapanese(before) || IsJapanese(after);  // Latin words break only at spaces
}

std::vector<std::size_t> BreakOpportunities(std::string_view text) {
  const std::vector<Char> chars = Decode(text);
  const std::vector<bool> mayStart = LineStarts(chars);
  std::vector<std::size_t> offsets;
  for (std::size_t i = 1; i < chars.size(); ++i) {
    if (mayStart[i]) offsets.push_back(chars[i].begin);
  }
  return offsets;
}

std::string BreakLines(std::string_view text, float width, const CharAdvance& advance) {
  const std::vector<Char> chars = Decode(text);
  const std::vector<bool> mayStart = LineStarts(chars);
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t lineStart = 0;  // character indices
  std::size_t lastBreak = 0;  // the latest place after lineStart where a line may start
  float lineWidth = 0.0f;
  // Ends the line before character `next` (its trailing spaces dropped) and starts one there.
  const auto cut = [&](std::size_t next) {
    std::size_t end = next;
    while (end > lineStart && IsSpace(chars[end - 1].code)) --end;
    if (end > lineStart) out.append(text.substr(chars[lineStart].begin, chars[end - 1].end - chars[lineStart].begin));
    out.push_back('\n');
    lineStart = next;
    lineWidth = 0.0f;
  };
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const char32_t c = chars[i].code;
    if (c == U'\n') {
      cut(i);
      lineStart = lastBreak = i + 1;
      continue;
    }
    if (i > lineStart && mayStart[i]) lastBreak = i;
    const float w = advance(c);
    if (!IsSpace(c) && i > lineStart && lineWidth + w > width) {  // spaces may hang past the edge: they are dropped
      if (lastBreak > lineStart) {
        const std::size_t from = lastBreak;
        cut(from);
        for (std::size_t k = from; k < i; ++k) lineWidth += advance(chars[k].code);
      }
      if (i > lineStart && lineWidth + w > width) cut(i);  // one piece wider than the line: cut it, as a last resort
    }
    lineWidth += w;
  }
  if (lineStart < chars.size()) out.append(text.substr(chars[lineStart].begin));
  return out;
}

float WidestUnbreakable(std::string_view text, const CharAdvance& advance) {
  const std::vector<Char> chars = Decode(text);
  const std::vector<bool> mayStart = LineStarts(chars);
  float widest = 0.0f;
  float piece = 0.0f;   // the current piece, without its trailing spaces
  float spaces = 0.0f;  // spaces after it so far
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i > 0 && mayStart[i]) piece = spaces = 0.0f;
    const char32_t c = chars[i].code;
    if (c == U'\n') continue;
    if (IsSpace(c)) {
      spaces += advance(c);
      continue;
    }
    piece += spaces + advance(c);
    spaces = 0.0f;
    widest = std::max(widest, piece);
  }
  return widest;
}

}  // namespace kz
