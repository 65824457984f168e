// Message catalogs: every string the UI shows, by a stable key ("menu.file"), in English and Japanese
// (assets/i18n/en.json and ja.json, embedded in the app at build time so switching is instant), and
// the formatting of numbers, units and months per language. Like ImGui's current context, the
// language in force is app-wide state: panels call Tr("key") while drawing; App::SetLanguage changes it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

enum class Language : std::uint8_t { English, Japanese };

/// "en" or "ja".
const char* LanguageCode(Language language);
/// The language of a code such as "ja", "ja-JP" or "en-US"; English for anything else.
Language LanguageFromCode(std::string_view code);

/// One language's strings. Templates name their arguments in braces: "Opened {file}.".
class Catalog {
 public:
  /// Reads a flat JSON object of strings ({"key": "text", ...}); problems name the key at fault.
  static Expected<Catalog> Parse(Language language, std::string_view json);
  /// The text of `key`, or null when the catalog lacks it.
  const std::string* Find(std::string_view key) const;
  const std::map<std::string, std::string, std::less<>>& Entries() const { return entries; }
  Language language() const { return lang; }

 private:
  Language lang = Language::English;
  std::map<std::string, std::string, std::less<>> entries;
};

/// The catalogs built into the app (the JSON embedded at build time). Parsed on first use; a broken
/// catalog asserts (the catalog test catches it first).
const Catalog& BuiltInCatalog(Language language);
/// The JSON text of the built-in catalog (for tests and the page).
std::string_view BuiltInCatalogJson(Language language);

/// The UI's words in one language. The state layer is given one (it never reads the app-wide
/// language); panels use the shortcuts below, which speak CurrentLanguage(). Cheap to copy.
class UiText {
 public:
  explicit UiText(Language language = Language::English) : lang(language) {}
  Language language() const { return lang; }
  /// The text of `key`; a missing key reads as English, then as the key itself (tests forbid both).
  /// The pointer lives as long as the program.
  const char* Tr(std::string_view key) const;
  /// Tr(key) with each "{name}" replaced by its value.
  std::string TrFormat(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args) const;
  /// The catalog's words for the core's generated text (Key findings, Explain).
  const Wording& Words() const;
  std::string MonthLabel(int month) const;            ///< as MonthLabel below
  std::string MoneyLabel(double usd) const;           ///< as MoneyLabel below
  std::string MoneyAxisLabel(double usd, bool sign) const;  ///< as MoneyAxisLabel below
  /// `text.ja` in Japanese when it has one, else `text.en` (maybe "").
  const std::string& LocalText(const LocalizedText& text) const;
  /// `text.ja` in Japanese when it has one, else `text.en`, else `id` (which must outlive the result).
  const std::string& LocalName(const LocalizedText& text, const std::string& id) const;
  const std::string& LocalName(const LocalizedText& text, std::string&& id) const = delete;

 private:
  Language lang;
};

/// The UI's words in the app-wide language (what the shortcuts below speak).
UiText CurrentText();

/// The UI's language now (English until set). Changing it is instant: the next Tr() speaks it.
Language CurrentLanguage();
void SetCurrentLanguage(Language language);

/// The current language's text for `key`. A missing key reads as the key itself (tests forbid them).
/// The pointer lives as long as the program.
const char* Tr(std::string_view key);
/// Tr(key) with each "{name}" replaced by its value.
std::string TrFormat(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string>> args);
/// `pattern` (a catalog text) with each "{name}" replaced by its value.
std::string FillIn(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> args);
/// A label with a stable ImGui id whatever the language: "Levers###levers".
std::string TrId(std::string_view key, std::string_view id);

/// The current catalog's words for the core's generated text (Key findings, Explain).
const Wording& CurrentWording();

// ---- Formatting per language ------------------------------------------------------------------

/// A whole number with thousands separators: "12,345" (both languages group by three).
std::string FormatCount(long long value);
/// "month 3" / "3か月目" (months count from 0, the scenario start).
std::string MonthLabel(int month);
/// A sum in US dollars as the findings write it: "$1.2 billion" / "12億ドル".
std::string MoneyLabel(double usd);
/// A chart axis amount of US dollars, short: "+1.2 bn USD" / "+12億ドル"; `sign` writes "+" too.
std::string MoneyAxisLabel(double usd, bool sign);
/// The name in the current language: `text.ja` in Japanese when it has one, else `text.en`, else `id`.
const std::string& LocalName(const LocalizedText& text, const std::string& id);
/// The result may be `id` itself: a temporary id would leave it dangling.
const std::string& LocalName(const LocalizedText& text, std::string&& id) = delete;
/// The text in the current language: `text.ja` in Japanese when it has one, else `text.en` (maybe "").
const std::string& LocalText(const LocalizedText& text);

}  // namespace kz
