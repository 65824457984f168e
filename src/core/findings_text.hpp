// The English text of Key findings and Explain, in one table (findings_text.cpp): the built-in
// wording, which the app's message catalogs override key by key (kizuna/findings.hpp Wording; the
// catalogs must have every key, WordingKeys()). Templates name their arguments in braces
// ("{region}"); findings and explanations also carry the numbers separately.
// Also here: the English-specific rules for fitting names into sentences (articles, lower case).
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kizuna/findings.hpp"
#include "kizuna/scenario.hpp"

namespace kz::text {

/// Every English template. Order must match the table in findings_text.cpp.
enum class Id : int {
  // Number formatting
  Minus,               // the minus sign of negative numbers
  MoneySmall,          // "${number}": sums below the first unit
  MoneyUnitSizes,      // "1e6 1e9 1e12": the sizes of the three units below (data, not text)
  MoneyMillion,        // "${number} million" etc.: the unit words of large sums
  MoneyBillion,
  MoneyTrillion,
  Month,               // "month {month}": a month inside a sentence
  // Key findings
  Trough,              // a final good's trough and recovery
  TroughAlso,          // the same for the second worst-hit, worded differently
  AfterEvent,          // the shock a lead trough follows
  AfterEventInMonth,
  TroughRecovers,
  TroughNoRecovery,
  ServedFirst,         // why this end use fell furthest: the scarce input went first to a dearer one
  ComparisonTrough,
  ComparisonFullyMet,
  NoShortage,
  PriceRise,
  PriceMultiple,
  Loss,
  NoLoss,
  SubjectNoLoss,
  LossNet,             // others gain enough to matter: the world's net loss is below the worst region's
  LossFall,
  LossRise,
  LossSame,
  LossFromZero,
  LossNone,            // the comparison loses nothing of it
  LossAlmostAll,       // the comparison avoids more than 99.5% of it ("-99.9%" would read as not all)
  Unaffected,
  UnaffectedOne,
  OtherRegions,
  ListComma,
  ListAnd,
  SentenceEnd,
  SentenceGap,         // between two sentences of a paragraph
  // Explain
  ExplainMet,
  ExplainShare,
  BecauseInput,
  BecauseEvent,
  BecauseCapacity,
  BecauseNoSupplier,
  BecauseRampUp,
  ChainCut,
  LeverStockpile,
  LeverResponseLag,
  LeverQualification,
  LeverDiversification,
  LeverTradeShare,
  LeverInvestment,
  LeverSubstitution,
  LeverEventFraction,
  LeverEventDuration,
  LeverExportControl,
  LeverPool,
  LeverInformation,
  LeverPriority,
  LeverJointInvestment,
  RuleOn,
  RuleOff,
  KindCapacityLoss,       // what kind of event cut supply, inside BecauseEvent's "{kind}"
  KindExportRestriction,
  KindChokepoint,
  Count,
};

/// The English template of `id`.
const char* English(Id id);

/// The message-catalog key of `id` ("finding.trough"), under which a Wording gives its template.
const char* Key(Id id);

/// The templates and naming rules of one language: English built in, or a Wording's templates
/// (missing ones fall back to English) with names from LocalizedText::ja for "ja".
class Words {
 public:
  explicit Words(const Wording* wording = nullptr);
  const std::string& Template(Id id) const { return templates[static_cast<std::size_t>(id)]; }
  std::string Say(Id id, std::initializer_list<std::pair<std::string_view, std::string>> args = {}) const;
  std::string Region(const kz::Region& region) const;
  std::string Good(const kz::Good& good) const;
  /// An event's or framework's own name in the language (English when it has no translation).
  template <typename Item>
  std::string Name(const Item& item) const {
    if (japanese && !item.name.ja.empty()) return item.name.ja;
    return item.name.en.empty() ? item.id : item.name.en;
  }
  /// `clause` as a sentence: capitalised (English only) with its full stop.
  std::string Sentence(std::string clause) const;
  std::string JoinList(const std::vector<std::string>& items) const;
  std::string Month(int month) const { return Say(Id::Month, {{"month", std::to_string(month)}}); }
  std::string Percent(double share) const;
  std::string Money(double usd) const;

 private:
  std::array<std::string, static_cast<std::size_t>(Id::Count)> templates;
  bool english = true;  // English article and capitalisation rules apply
  bool japanese = false;  // names from LocalizedText::ja
};

/// `pattern` with each "{name}" replaced by its value; unknown names are left as they are.
std::string Fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> args);

/// English(id) filled with `args`.
std::string Say(Id id, std::initializer_list<std::pair<std::string_view, std::string>> args = {});

/// A region's English name as it reads inside a sentence: "Japan", "the United States",
/// "the rest of world" (names starting with United, European, Rest of... take "the").
std::string RegionPhrase(const Region& region);

/// A good's English name inside a sentence: the first letter in lower case unless the first word has
/// other capitals ("Vehicles" -> "vehicles", "NdFeB magnets" and "MCU" unchanged).
std::string GoodPhrase(const Good& good);

/// `sentence` with its first letter in upper case (ASCII letters only).
std::string Capitalized(std::string sentence);

/// "A", "A and B", "A, B and C".
std::string JoinList(const std::vector<std::string>& items);

}  // namespace kz::text
