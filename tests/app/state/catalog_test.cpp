// The message catalogs (assets/i18n): both languages complete, every key the code names present and
// every key used, the same placeholders in both, the findings' English identical to the core's, and
// numbers, months and money formatted per language.
#include "state/catalog.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

using kz::Language;

// Switches the UI language for one test and back to English after it (the language is app-wide).
struct LanguageScope {
  explicit LanguageScope(Language language) { kz::SetCurrentLanguage(language); }
  ~LanguageScope() { kz::SetCurrentLanguage(Language::English); }
};

std::set<std::string> Keys(Language language) {
  std::set<std::string> keys;
  for (const auto& [key, text] : kz::BuiltInCatalog(language).Entries()) keys.insert(key);
  return keys;
}

std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex placeholder(R"(\{[A-Za-z0-9]+\})");
  std::set<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) names.insert(it->str());
  return names;
}

// Every string literal that looks like a catalog key in the app's and the browser host's sources, the
// core's text table, the page's modules (web/js) and index.html (whose words come from the app's catalog too).
std::set<std::string> KeysNamedInTheCode() {
  static const std::regex literal(
      R"re(["']((?:menu|top|data|link|compare|restore|window|embed|share|status|page|lever|finding|findings|format|shock|constraint|readout|timeline|about|help|chart|map|analysis|plot|number|explain|workshop|headline|dials|changes|story|risks)\.[A-Za-z0-9.-]+)["'])re");
  std::set<std::string> keys;
  const std::filesystem::path root(KIZUNA_TEST_SOURCE_DIR);
  std::vector<std::filesystem::path> files{root / "src/core/findings_text.cpp", root / "index.html"};
  // The app's folders (state/, panels/) and the page's scripts, wherever they are split to.
  for (const char* folder : {"src/app", "src/platform/web", "web"}) {
    for (auto it = std::filesystem::recursive_directory_iterator(root / folder); it != std::filesystem::recursive_directory_iterator(); ++it) {
      const std::filesystem::path& path = it->path();
      if (path.filename() == "node_modules" || path.filename() == "tools") {
        it.disable_recursion_pending();
        continue;
      }
      const std::string extension = path.extension().string();
      const bool web = std::string(folder) == "web";
      if (web ? extension == ".js" : (extension == ".cpp" || extension == ".hpp")) files.push_back(path);
    }
  }
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
      const std::string key = (*it)[1].str();
      if (!key.ends_with(".hpp")) keys.insert(key);  // not an #include
    }
  }
  return keys;
}

TEST(Catalog, BothLanguagesParseAndHaveTheSameKeys) {
  for (const Language language : {Language::English, Language::Japanese}) {
    const kz::Expected<kz::Catalog> catalog = kz::Catalog::Parse(language, kz::BuiltInCatalogJson(language));
    ASSERT_TRUE(catalog.ok()) << kz::LanguageCode(language) << ": " << catalog.problems().front().ToString();
    EXPECT_GT(catalog.value().Entries().size(), 250u);
  }
  const std::set<std::string> english = Keys(Language::English);
  const std::set<std::string> japanese = Keys(Language::Japanese);
  for (const std::string& key : english) EXPECT_TRUE(japanese.count(key)) << "ja.json lacks " << key;
  for (const std::string& key : japanese) EXPECT_TRUE(english.count(key)) << "en.json lacks " << key;
}

TEST(Catalog, EveryKeyTheCodeNamesExistsAndEveryKeyIsUsed) {
  const std::set<std::string> named = KeysNamedInTheCode();
  const std::set<std::string> catalog = Keys(Language::English);
  ASSERT_GT(named.size(), 200u) << "the source scan found too few keys: is KIZUNA_TEST_SOURCE_DIR right?";
  for (const std::string& key : named) EXPECT_TRUE(catalog.count(key)) << "the code names " << key << ", which no catalog has";
  for (const std::string& key : catalog) EXPECT_TRUE(named.count(key)) << key << " is in the catalogs but no code uses it";
}

TEST(Catalog, TranslationsKeepEveryPlaceholder) {
  const kz::Catalog& english = kz::BuiltInCatalog(Language::English);
  const kz::Catalog& japanese = kz::BuiltInCatalog(Language::Japanese);
  for (const auto& [key, text] : english.Entries()) {
    const std::string* other = japanese.Find(key);
    ASSERT_NE(other, nullptr) << key;
    EXPECT_EQ(Placeholders(text), Placeholders(*other)) << key;
  }
}

TEST(Catalog, EnglishFindingsTemplatesAreTheCoresOwn) {
  // The CLI prints the core's built-in English; the app's English must read the same.
  const kz::Catalog& english = kz::BuiltInCatalog(Language::English);
  for (const auto& [key, text] : kz::WordingKeys()) {
    const std::string* catalog = english.Find(key);
    ASSERT_NE(catalog, nullptr) << key;
    EXPECT_EQ(*catalog, text) << key;
  }
}

TEST(Catalog, MissingKeysReadAsThemselves) {
  EXPECT_STREQ(kz::Tr("no.such-key"), "no.such-key");
  EXPECT_STREQ(kz::Tr("menu.file"), "File");
}

TEST(Catalog, LanguagesFromBrowserCodes) {
  EXPECT_EQ(kz::LanguageFromCode("ja"), Language::Japanese);
  EXPECT_EQ(kz::LanguageFromCode("ja-JP"), Language::Japanese);
  EXPECT_EQ(kz::LanguageFromCode("en-US"), Language::English);
  EXPECT_EQ(kz::LanguageFromCode("jav"), Language::English);
  EXPECT_EQ(kz::LanguageFromCode(""), Language::English);
}

TEST(Catalog, FormatsNumbersMonthsAndMoneyInEnglish) {
  const LanguageScope english(Language::English);
  EXPECT_EQ(kz::FormatCount(1234567), "1,234,567");
  EXPECT_EQ(kz::MonthLabel(3), "month 3");
  EXPECT_EQ(kz::MoneyLabel(1.23e9), "$1.2 billion");
  EXPECT_EQ(kz::MoneyLabel(950.0), "$950");
  EXPECT_EQ(kz::MoneyAxisLabel(2.5e9, true), "+2.5 bn USD");
  EXPECT_EQ(kz::MoneyAxisLabel(3.5e8, false), "350 m USD");
  EXPECT_EQ(kz::TrFormat("readout.met", {{"region", "Japan"}, {"good", "Vehicles"}, {"month", kz::MonthLabel(4)}, {"share", "80%"}}),
            "Japan, Vehicles, month 4: 80% of need met");
}

TEST(Catalog, FormatsNumbersMonthsAndMoneyInJapanese) {
  const LanguageScope japanese(Language::Japanese);
  EXPECT_EQ(kz::FormatCount(1234567), "1,234,567");
  EXPECT_EQ(kz::MonthLabel(3), "3か月目");
  EXPECT_EQ(kz::MoneyLabel(1.23e9), "12.3億ドル");  // 億 = 1e8: one decimal below 100 of a unit
  EXPECT_EQ(kz::MoneyLabel(3.5e7), "3,500万ドル");  // 万 = 1e4: whole numbers from 100, up to 9,999万
  EXPECT_EQ(kz::MoneyLabel(2.0e12), "2兆ドル");
  EXPECT_EQ(kz::MoneyLabel(950.0), "950ドル");
  EXPECT_EQ(kz::MoneyAxisLabel(2.5e9, true), "+25.0億ドル");
  EXPECT_EQ(kz::MoneyAxisLabel(3.5e6, false), "350万ドル");
  const std::string id = "JP";
  EXPECT_EQ(kz::LocalName(kz::LocalizedText{"Japan", "日本"}, id), "日本");
  EXPECT_EQ(kz::LocalName(kz::LocalizedText{"Japan", ""}, id), "Japan");
  EXPECT_EQ(kz::LocalName(kz::LocalizedText{"", ""}, id), "JP");
  EXPECT_EQ(kz::LocalText(kz::LocalizedText{"Japan", "日本"}), "日本");
  EXPECT_EQ(kz::LocalText(kz::LocalizedText{"", ""}), "");
}

}  // namespace
