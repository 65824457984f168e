// Levers in plain words: every lever of every bundled scenario and exercise has a human name and unit
// in both languages, never its code name; values show as the UI shows them (%, whole months).
#include "state/lever_text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "kizuna/exercise.hpp"
#include "kizuna/scenario_json.hpp"

namespace {

using kz::Language;

std::string Read(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

const std::filesystem::path kAssets(KIZUNA_TEST_ASSETS_DIR);

kz::Expected<std::string> Preset(std::string_view id) {
  const std::filesystem::path path = kAssets / "scenarios" / (std::string(id) + ".json");
  if (!std::filesystem::exists(path)) return std::vector<kz::Problem>{{std::string(id), "no such preset"}};
  return Read(path);
}

// Every bundled scenario, and each exercise's scenario with its inject events (the levers a
// workshop shows), named for failure messages.
std::vector<std::pair<std::string, kz::Scenario>> BundledScenarios() {
  std::vector<std::pair<std::string, kz::Scenario>> all;
  for (const auto& entry : std::filesystem::directory_iterator(kAssets / "scenarios")) {
    if (entry.path().extension() != ".json") continue;
    kz::Expected<kz::Scenario> s = kz::LoadScenarioJson(Read(entry.path()), Preset);
    EXPECT_TRUE(s.ok()) << entry.path();
    if (s) all.emplace_back(entry.path().filename().string(), s.value());
  }
  for (const auto& entry : std::filesystem::directory_iterator(kAssets / "exercises")) {
    if (entry.path().extension() != ".json") continue;
    kz::Expected<kz::Exercise> e = kz::LoadExerciseJson(Read(entry.path()), Preset);
    EXPECT_TRUE(e.ok()) << entry.path();
    if (!e) continue;
    kz::Scenario s = e.value().scenario;
    for (const kz::Inject& inject : e.value().injects) {
      if (inject.hasEvent) s.events.push_back(inject.event);
    }
    all.emplace_back(entry.path().filename().string(), std::move(s));
  }
  return all;
}

// The code names a label must not be: the path, its last word, its words joined.
std::set<std::string> CodeNames(const kz::LeverInfo& lever) {
  std::set<std::string> names{lever.path};
  std::string joined;
  for (const std::string& part : lever.labelParts) {
    names.insert(part);
    joined += (joined.empty() ? "" : ".") + part;
    names.insert(joined);
  }
  return names;
}

bool StartsWithAGoodUnit(const kz::Scenario& s, const std::string& unit) {
  for (const kz::Good& g : s.goods) {
    if (unit == g.unit || unit == g.unit + "/month" || unit == "USD/" + g.unit || unit == "USD/(" + g.unit + "/month)") return true;
  }
  return false;
}

TEST(LeverText, EveryBundledLeverHasAHumanNameAndUnitInBothLanguages) {
  const auto scenarios = BundledScenarios();
  ASSERT_GE(scenarios.size(), 10u);
  std::size_t checked = 0;
  for (const auto& [file, scenario] : scenarios) {
    for (const kz::LeverInfo& lever : kz::ListLevers(scenario)) {
      const char* key = kz::LeverNameKey(scenario, lever);
      ASSERT_NE(key, nullptr) << file << ": " << lever.path << " has no name in the lever table (state/lever_text.cpp)";
      for (const Language language : {Language::English, Language::Japanese}) {
        const kz::UiText words(language);
        ASSERT_NE(kz::BuiltInCatalog(language).Find(key), nullptr) << kz::LanguageCode(language) << " lacks " << key;
        const std::string label = kz::LeverLabel(scenario, lever, words);
        EXPECT_FALSE(label.empty()) << file << ": " << lever.path;
        EXPECT_EQ(CodeNames(lever).count(label), 0u) << file << ": " << lever.path << " is labelled by its code name: " << label;
        EXPECT_EQ(label.find(lever.path), std::string::npos) << file << ": " << label;
        EXPECT_EQ(label.find('{'), std::string::npos) << file << ": a placeholder left in " << label;
        if (kz::LeverDisplayOf(lever) != kz::LeverDisplay::Switch) {
          EXPECT_FALSE(kz::LeverUnit(lever, words).empty()) << file << ": " << lever.path << " has no unit";
        }
        if (const char* unitKey = kz::LeverUnitKey(lever.unit)) {
          EXPECT_NE(kz::BuiltInCatalog(language).Find(unitKey), nullptr) << kz::LanguageCode(language) << " lacks " << unitKey;
        } else {
          EXPECT_TRUE(StartsWithAGoodUnit(scenario, lever.unit)) << file << ": " << lever.path << " has a unit no catalog words: " << lever.unit;
        }
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 10000u);
}

TEST(LeverText, NamesReadAsEnglishAndJapanese) {
  kz::Expected<std::string> text = Preset("re-2010-japan");
  ASSERT_TRUE(text.ok());
  kz::Expected<kz::Scenario> s = kz::LoadScenarioJson(text.value(), Preset);
  ASSERT_TRUE(s.ok());
  const std::vector<kz::LeverInfo> levers = kz::ListLevers(s.value());
  const auto find = [&levers](std::string_view prefix, std::string_view suffix) -> const kz::LeverInfo& {
    for (const kz::LeverInfo& l : levers) {
      if (l.path.starts_with(prefix) && l.path.ends_with(suffix)) return l;
    }
    ADD_FAILURE() << prefix << "*" << suffix;
    return levers.front();
  };
  const kz::UiText english(Language::English);
  const kz::UiText japanese(Language::Japanese);
  const kz::LeverInfo& reserve = find("policy.JP.stockpile.", ".targetMonths");
  EXPECT_NE(kz::LeverLabel(s.value(), reserve, english).find("reserve, months of normal use"), std::string::npos);
  EXPECT_NE(kz::LeverLabel(s.value(), reserve, japanese).find("備蓄"), std::string::npos);
  EXPECT_EQ(kz::LeverLabel(s.value(), reserve, english, true).rfind("Japan: ", 0), 0u);  // the owner when asked for
  const kz::LeverInfo& lag = find("policy.JP.", ".responseLagMonths");
  EXPECT_EQ(kz::LeverLabel(s.value(), lag, english), "Months before the government responds");
  EXPECT_EQ(kz::LeverUnit(lag, english), "months");
  EXPECT_EQ(kz::LeverUnit(lag, japanese), "か月");
}

TEST(LeverText, SharesShowAsPercentAndMonthsAsWholeNumbers) {
  kz::LeverInfo share;
  share.unit = "share";
  EXPECT_EQ(kz::LeverDisplayOf(share), kz::LeverDisplay::Percent);
  EXPECT_DOUBLE_EQ(kz::ToDisplayValue(kz::LeverDisplay::Percent, 0.35), 35.0);
  EXPECT_DOUBLE_EQ(kz::FromDisplayValue(kz::LeverDisplay::Percent, 35.0), 0.35);
  EXPECT_EQ(kz::LeverValueText(share, 0.35, kz::UiText(Language::English)), "35%");
  kz::LeverInfo perMonth;
  perMonth.unit = "share/month";
  EXPECT_EQ(kz::LeverValueText(perMonth, 0.1, kz::UiText(Language::English)), "10% per month");
  kz::LeverInfo months;
  months.unit = "months";
  EXPECT_EQ(kz::LeverDisplayOf(months), kz::LeverDisplay::WholeMonths);
  EXPECT_EQ(kz::FromDisplayValue(kz::LeverDisplay::WholeMonths, 2.6), 3.0);
  EXPECT_EQ(kz::LeverValueText(months, 6.0, kz::UiText(Language::English)), "6 months");
  kz::LeverInfo onOff;
  onOff.unit = "on/off";
  EXPECT_EQ(kz::LeverDisplayOf(onOff), kz::LeverDisplay::Switch);
  EXPECT_EQ(kz::LeverValueText(onOff, 1.0, kz::UiText(Language::Japanese)), "オン");
  kz::LeverInfo cost;
  cost.unit = "USD/t";
  EXPECT_EQ(kz::LeverValueText(cost, 50000.0, kz::UiText(Language::English)).rfind("50,000 ", 0), 0u) << "not 5e+04";
  EXPECT_EQ(kz::LeverValueText(cost, 1234567.0, kz::UiText(Language::English)).rfind("1,235,000 ", 0), 0u);
  EXPECT_EQ(kz::LeverValueText(cost, 2500.0, kz::UiText(Language::English)).rfind("2500 ", 0), 0u);
}

}  // namespace
