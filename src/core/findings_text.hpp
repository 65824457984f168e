// The English text of Key findings and Explain, in one table (findings_text.cpp), so that the i18n work
// can move the templates to message catalogs without touching the logic. Templates name their
// arguments in braces ("{region}"); findings and explanations also carry the numbers separately.
// Also here: the English-specific rules for fitting names into sentences (articles, lower case).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kizuna/scenario.hpp"

namespace kz::text {

/// Every English template. Order must match the table in findings_text.cpp.
enum class Id : int {
  // Number formatting
  Minus,               // the minus sign of negative numbers
  MoneyMillion,        // "{number} million" etc.: the unit words of large sums
  MoneyBillion,
  MoneyTrillion,
  // Key findings
  Trough,              // a final good's trough and recovery
  TroughAlso,          // the same for the second worst-hit, worded differently
  TroughRecovers,
  TroughNoRecovery,
  ComparisonTrough,
  ComparisonFullyMet,
  NoShortage,
  PriceRise,
  PriceMultiple,
  Loss,
  NoLoss,
  LossFall,
  LossRise,
  LossSame,
  LossFromZero,
  Unaffected,
  UnaffectedOne,
  OtherRegions,
  ListComma,
  ListAnd,
  SentenceEnd,
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
  Count,
};

/// The English template of `id`.
const char* English(Id id);

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
