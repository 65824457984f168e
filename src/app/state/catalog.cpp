// Message catalogs and per-language formatting (catalog.hpp). The catalogs' JSON is embedded by
// catalog_data.cpp, generated at configure time from assets/i18n (src/app/CMakeLists.txt).
#include "state/catalog.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "kizuna/assert.hpp"
#include "rapidjson/document.h"

namespace kz {

extern const char kCatalogEnglishJson[];   // catalog_data.cpp
extern const char kCatalogJapaneseJson[];

namespace {

Language currentLanguage = Language::English;  // app-wide, as ImGui's current context

// `pattern` with each "{name}" replaced by its value; unknown names are left as they are.
std::string Fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      bool found = false;
      for (const auto& [name, value] : args) {
        if (close != std::string_view::npos && pattern.substr(i + 1, close - i - 1) == name) {
          out += value;
          i = close + 1;
          found = true;
          break;
        }
      }
      if (found) continue;
    }
    out += pattern[i++];
  }
  return out;
}

Catalog LoadBuiltIn(Language language) {
  Expected<Catalog> catalog = Catalog::Parse(language, BuiltInCatalogJson(language));
  KZ_ASSERT(catalog.ok(), "the built-in message catalog does not parse (run the catalog test)");
  return catalog ? std::move(catalog.value()) : Catalog();
}

// The wording for the core's text, built once per language from its catalog.
Wording WordingOf(Language language) {
  Wording wording;
  wording.language = LanguageCode(language);
  const Catalog& catalog = BuiltInCatalog(language);
  for (const auto& [key, english] : WordingKeys()) {
    const std::string* text = catalog.Find(key);
    wording.templates[key] = text != nullptr ? *text : english;
  }
  return wording;
}

}  // namespace

const char* LanguageCode(Language language) { return language == Language::Japanese ? "ja" : "en"; }

Language LanguageFromCode(std::string_view code) {
  return code.substr(0, 2) == "ja" && (code.size() == 2 || code[2] == '-' || code[2] == '_') ? Language::Japanese
                                                                                             : Language::English;
}

Expected<Catalog> Catalog::Parse(Language language, std::string_view json) {
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError()) return std::vector<Problem>{{"catalog", "not valid JSON"}};
  if (!document.IsObject()) return std::vector<Problem>{{"catalog", "must be an object of strings"}};
  Catalog catalog;
  catalog.lang = language;
  std::vector<Problem> problems;
  // Index loop: RapidJSON's member iterators trip clang's C++20 reversed-operator warning.
  for (rapidjson::SizeType i = 0; i < document.MemberCount(); ++i) {
    const auto& member = document.MemberBegin()[i];
    const std::string key(member.name.GetString(), member.name.GetStringLength());
    if (!member.value.IsString()) {
      problems.push_back({key, "must be a string"});
      continue;
    }
    catalog.entries[key] = std::string(member.value.GetString(), member.value.GetStringLength());
  }
  if (!problems.empty()) return problems;
  return catalog;
}

const std::string* Catalog::Find(std::string_view key) const {
  const auto it = entries.find(key);
  return it == entries.end() ? nullptr : &it->second;
}

std::string_view BuiltInCatalogJson(Language language) {
  return language == Language::Japanese ? kCatalogJapaneseJson : kCatalogEnglishJson;
}

const Catalog& BuiltInCatalog(Language language) {
  static const Catalog english = LoadBuiltIn(Language::English);
  static const Catalog japanese = LoadBuiltIn(Language::Japanese);
  return language == Language::Japanese ? japanese : english;
}

Language CurrentLanguage() { return currentLanguage; }
void SetCurrentLanguage(Language language) { currentLanguage = language; }

// ---- One language's words ----------------------------------------------------------------------

const char* UiText::Tr(std::string_view key) const {
  if (const std::string* text = BuiltInCatalog(lang).Find(key)) return text->c_str();
  if (const std::string* text = BuiltInCatalog(Language::English).Find(key)) return text->c_str();
  static std::map<std::string, std::string, std::less<>> missing;  // keys kept alive for the pointer
  return missing.try_emplace(std::string(key), std::string(key)).first->second.c_str();
}

std::string UiText::TrFormat(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  return Fill(Tr(key), args);
}

const Wording& UiText::Words() const {
  static const Wording english = WordingOf(Language::English);
  static const Wording japanese = WordingOf(Language::Japanese);
  return lang == Language::Japanese ? japanese : english;
}

std::string UiText::MonthLabel(int month) const { return TrFormat("format.month", {{"month", std::to_string(month)}}); }

std::string UiText::MoneyLabel(double usd) const { return FormatMoney(usd, &Words()); }

// English: billions ("1.2 bn USD") or millions ("350 m USD"); Japanese: 億 (1e8) or 万 (1e4) dollars.
std::string UiText::MoneyAxisLabel(double usd, bool sign) const {
  const bool japanese = lang == Language::Japanese;
  const double big = japanese ? 1e8 : 1e9;
  const double small = japanese ? 1e4 : 1e6;
  const bool inBig = std::fabs(usd) >= big;
  char number[32];
  std::snprintf(number, sizeof number, sign ? (inBig ? "%+.1f" : "%+.0f") : (inBig ? "%.1f" : "%.0f"), usd / (inBig ? big : small));
  return TrFormat(inBig ? "format.money-axis-big" : "format.money-axis-small", {{"number", number}});
}

const std::string& UiText::LocalText(const LocalizedText& text) const {
  return lang == Language::Japanese && !text.ja.empty() ? text.ja : text.en;
}

const std::string& UiText::LocalName(const LocalizedText& text, const std::string& id) const {
  if (lang == Language::Japanese && !text.ja.empty()) return text.ja;
  return text.en.empty() ? id : text.en;
}

// ---- The app-wide language's shortcuts -----------------------------------------------------------

UiText CurrentText() { return UiText(currentLanguage); }

const char* Tr(std::string_view key) { return CurrentText().Tr(key); }

std::string TrFormat(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) {
  return CurrentText().TrFormat(key, args);
}

std::string FillIn(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> args) {
  return Fill(pattern, args);
}

std::string TrId(std::string_view key, std::string_view id) { return std::string(Tr(key)) + "###" + std::string(id); }

const Wording& CurrentWording() { return CurrentText().Words(); }

// ---- Formatting --------------------------------------------------------------------------------

std::string FormatCount(long long value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string MonthLabel(int month) { return CurrentText().MonthLabel(month); }

std::string MoneyLabel(double usd) { return CurrentText().MoneyLabel(usd); }

std::string MoneyAxisLabel(double usd, bool sign) { return CurrentText().MoneyAxisLabel(usd, sign); }

const std::string& LocalText(const LocalizedText& text) { return CurrentText().LocalText(text); }

const std::string& LocalName(const LocalizedText& text, const std::string& id) { return CurrentText().LocalName(text, id); }

}  // namespace kz
