// Line breaking (state/line_break.hpp): numbers stay whole, kinsoku holds, Latin breaks at spaces.
#include "state/line_break.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace kz {
namespace {

// A fixed-width font: every character one unit wide, so widths count characters.
float OneEach(char32_t) { return 1.0f; }

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Every line of `text` broken at every width from `from` to `to` (in characters).
std::vector<std::string> LinesAtEveryWidth(const std::string& text, int from, int to) {
  std::vector<std::string> all;
  for (int width = from; width <= to; ++width) {
    for (const std::string& line : Lines(BreakLines(text, static_cast<float>(width), OneEach))) all.push_back(line);
  }
  return all;
}

bool StartsWith(const std::string& text, const std::string& prefix) { return text.compare(0, prefix.size(), prefix) == 0; }
bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(LineBreak, NeverBreaksInsideAJapaneseAmountOfMoney) {
  // The phone headline's case: "約1,/000億円" must not happen at any width.
  const std::string text = "損失は約1,000億円、回復まで12か月。";
  for (const std::string& line : LinesAtEveryWidth(text, 7, 20)) {
    const bool whole = line.find("1,000億円") != std::string::npos;
    const bool none = line.find('1') == std::string::npos && line.find("億") == std::string::npos;
    EXPECT_TRUE(whole || none || line.find("12か月") != std::string::npos) << line;
  }
  EXPECT_EQ(BreakLines("約1,000億円", 7.0f, OneEach), "約\n1,000億円");
}

TEST(LineBreak, KeepsNumbersWithTheirSignsDecimalsAndPercent) {
  for (const std::string& line : LinesAtEveryWidth("供給は-99.9%減り、価格は$1.3上昇", 6, 20)) {
    if (line.find('9') != std::string::npos) {
      EXPECT_NE(line.find("-99.9%"), std::string::npos) << line;
    }
    if (line.find('3') != std::string::npos) {
      EXPECT_NE(line.find("$1.3"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(BreakLines("兆円規模で2兆円", 4.0f, OneEach), "兆円規模\nで2兆円");
}

TEST(LineBreak, NoLineStartsWithClosingPunctuationOrSmallKana) {
  const std::string text = "日本は（中国の輸出停止に）対応した。ショックは、ゆっくりと回復する「しょっちゅう」ある。";
  for (const std::string& line : LinesAtEveryWidth(text, 5, 30)) {  // from 5: "「しょっ" is 4 wide
    for (const char* forbidden : {"、", "。", "）", "」", "ー", "ょ", "ゅ", "っ", "ッ"}) EXPECT_FALSE(StartsWith(line, forbidden)) << line;
    for (const char* forbidden : {"（", "「"}) EXPECT_FALSE(EndsWith(line, forbidden)) << line;
  }
}

TEST(LineBreak, LatinBreaksOnlyAtSpacesAndDropsThem) {
  EXPECT_EQ(BreakLines("Japan loses $1.3 trillion", 12.0f, OneEach), "Japan loses\n$1.3\ntrillion");
  EXPECT_EQ(BreakLines("short", 40.0f, OneEach), "short");
}

TEST(LineBreak, KeepsLineBreaksAndCutsOnlyWhatCannotFit) {
  EXPECT_EQ(BreakLines("one\ntwo", 40.0f, OneEach), "one\ntwo");
  // A word wider than the line is cut as a last resort rather than run past the edge.
  EXPECT_EQ(BreakLines("abcdefgh", 3.0f, OneEach), "abc\ndef\ngh");
}

TEST(LineBreak, OpportunitiesAreBetweenJapaneseCharactersAndAfterSpaces) {
  EXPECT_EQ(BreakOpportunities("a b"), (std::vector<std::size_t>{2}));
  EXPECT_EQ(BreakOpportunities("日本"), (std::vector<std::size_t>{3}));
  EXPECT_TRUE(BreakOpportunities("1,000億円").empty());
  EXPECT_FALSE(MayBreakBetween(U'本', U'。', false));
  EXPECT_FALSE(MayBreakBetween(U'「', U'本', false));
  EXPECT_FALSE(MayBreakBetween(U'1', U'億', true));
  EXPECT_TRUE(MayBreakBetween(U'円', U'の', false));
}

TEST(LineBreak, WidestUnbreakableIsTheLongestWordOrNumber) {
  EXPECT_FLOAT_EQ(WidestUnbreakable("Not recovered", OneEach), 9.0f);
  EXPECT_FLOAT_EQ(WidestUnbreakable("約1,000億円", OneEach), 7.0f);  // "1,000億円"
  EXPECT_FLOAT_EQ(WidestUnbreakable("回復しない", OneEach), 1.0f);
  EXPECT_FLOAT_EQ(WidestUnbreakable("回復する。", OneEach), 2.0f);  // "る。"
}

}  // namespace
}  // namespace kz
