// Damaged and foreign links are explained in the UI's language: real bad links are decoded by the
// core, and LocalProblemText must word each of its messages from the catalogs in Japanese (so a
// change of the core's wording fails here instead of falling back to English unnoticed).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "state/catalog.hpp"
#include "kizuna/exercise.hpp"
#include "kizuna/link.hpp"
#include "state/problem_text.hpp"

namespace {

using kz::Language;

std::string ScenarioLinkProblem(const std::string& text) {
  const kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(text);
  EXPECT_FALSE(link.ok()) << text;
  return link.ok() ? "" : link.problems().front().message;
}

std::string SessionLinkProblem(const std::string& text) {
  const kz::Expected<kz::SessionLink> link = kz::DecodeSessionLink(text);
  EXPECT_FALSE(link.ok()) << text;
  return link.ok() ? "" : link.problems().front().message;
}

bool HasLatinWords(const std::string& text) {
  for (const char* word : {"This", "link", "damaged", "version", "characters"}) {
    if (text.find(word) != std::string::npos) return true;
  }
  return false;
}

std::string GoodLink() {
  kz::ScenarioLink link;
  link.preset = "re-2010-japan";
  return kz::EncodeLink(link);
}

// Bad links of each kind the core names, and the Japanese each must get.
std::vector<std::pair<std::string, std::string>> BadLinks() {
  const std::string good = GoodLink();
  std::string flipped = good;
  flipped[good.size() / 2] = flipped[good.size() / 2] == 'A' ? 'B' : 'A';
  return {
      {ScenarioLinkProblem(good + std::string(kz::kMaxLinkChars, 'A')), "長すぎます"},
      {ScenarioLinkProblem("hello"), "シナリオリンクではありません"},
      {ScenarioLinkProblem(good.substr(0, 10) + "*!"), "使えない文字"},
      {ScenarioLinkProblem("kAA"), "短すぎます"},
      {ScenarioLinkProblem(flipped), "チェックサム"},
      {SessionLinkProblem("hello"), "演習セッションリンクではありません"},
      {SessionLinkProblem("wAAAA"), "このセッションリンクは破損"},
  };
}

const kz::UiText kJapanese(kz::Language::Japanese);
const kz::UiText kEnglish(kz::Language::English);

TEST(ProblemText, DamagedLinksAreExplainedInJapanese) {
  for (const auto& [message, expected] : BadLinks()) {
    ASSERT_FALSE(message.empty());
    const std::string text = kz::LocalProblemText(message, kJapanese);
    EXPECT_NE(text.find(expected), std::string::npos) << message << " -> " << text;
    EXPECT_FALSE(HasLatinWords(text)) << message << " -> " << text;
  }
}

TEST(ProblemText, ANewerLinkFormatIsNamedWithItsNumbers) {
  const std::string text = kz::LocalProblemText(
      "This link was made by a newer version of Kizuna (link format 7; this version reads formats 1 to 2). Open it with "
      "the newer version.", kJapanese);
  EXPECT_NE(text.find("新しいバージョン"), std::string::npos) << text;
  EXPECT_NE(text.find("形式7"), std::string::npos) << text;
  EXPECT_NE(text.find("1〜2"), std::string::npos) << text;
}

// A link (format 4) removing a hazard the scenario's register lacks: applied by the core, named in Japanese.
TEST(ProblemText, AMissingHazardIsNamedInJapanese) {
  kz::Scenario preset;
  preset.id = "re-2010-japan";
  kz::ScenarioLink link;
  link.preset = preset.id;
  link.removedHazards = {"tw-quake"};
  const kz::Expected<kz::Scenario> applied = kz::ApplyLink(preset, link);
  ASSERT_FALSE(applied.ok());
  const std::string& message = applied.problems().front().message;
  EXPECT_EQ(kz::LocalProblemText(message, kEnglish), message);
  const std::string text = kz::LocalProblemText(message, kJapanese);
  EXPECT_NE(text.find("ハザード「tw-quake」"), std::string::npos) << text;
  EXPECT_NE(text.find("re-2010-japan"), std::string::npos) << text;
  EXPECT_FALSE(HasLatinWords(text)) << text;
}

TEST(ProblemText, EnglishAndOtherMessagesAreShownAsTheCoreWroteThem) {
  for (const auto& [message, expected] : BadLinks()) EXPECT_EQ(kz::LocalProblemText(message, kEnglish), message);
  const std::string other = "horizonMonths: must be a whole number in 1..600";
  EXPECT_EQ(kz::LocalProblemText(other, kJapanese), other);
}

}  // namespace
