// The English templates of Key findings and Explain (see findings_text.hpp), and the English rules for
// names inside sentences. Everything a translator would touch is in kEnglish below.
#include "findings_text.hpp"

#include <array>
#include <cstddef>

#include "kizuna/assert.hpp"

namespace kz::text {
namespace {

struct Entry {
  Id id;
  const char* english;
};

// ---------------------------------------------------------------------------------------------
// The table: one row per template, in Id order (checked below).
// ---------------------------------------------------------------------------------------------
constexpr std::array<Entry, static_cast<std::size_t>(Id::Count)> kEnglish = {{
    {Id::Minus, "\xE2\x88\x92"},  // U+2212 MINUS SIGN: read as "minus" by screen readers
    {Id::MoneyMillion, "{number} million"},
    {Id::MoneyBillion, "{number} billion"},
    {Id::MoneyTrillion, "{number} trillion"},

    {Id::Trough, "supply of {good} in {region} falls to {share} of demand in month {month}"},
    {Id::TroughAlso, "in {region}, supply of {good} bottoms at {share} in month {month}"},
    {Id::TroughRecovers, " and recovers by month {month}"},
    {Id::TroughNoRecovery, " and does not recover within the horizon"},
    {Id::ComparisonTrough, "; with {label} it bottoms at {share}"},
    {Id::ComparisonFullyMet, "; with {label} demand is met in full"},
    {Id::NoShortage, "no end use falls more than 1% short of demand in any month"},
    {Id::PriceRise, "the price of {good} in {region} rises by up to {share}, peaking in month {month}"},
    {Id::PriceMultiple, "the price of {good} in {region} peaks at {multiple} times its base level in month {month}"},
    {Id::Loss, "economic losses total {money}"},
    {Id::NoLoss, "there are no economic losses"},
    {Id::LossFall, "; with {label} they fall by {money} ({change})"},
    {Id::LossRise, "; with {label} they rise by {money} ({change})"},
    {Id::LossSame, "; with {label} they are unchanged"},
    {Id::LossFromZero, "; with {label} they come to {money}"},
    {Id::Unaffected, "{regions} see no shortage and no price rise"},
    {Id::UnaffectedOne, "{regions} sees no shortage and no price rise"},
    {Id::OtherRegions, "{count} other regions"},
    {Id::ListComma, ", "},
    {Id::ListAnd, " and "},
    {Id::SentenceEnd, "."},

    {Id::ExplainMet, "in month {month}, {region} gets all the {good} it needs"},
    {Id::ExplainShare, "in month {month}, {region} gets {share} of the {good} it needs"},
    {Id::BecauseInput, "{region} is short of {good} because producers in {seller} lack {input}"},
    {Id::BecauseEvent, "{region} is short of {good} because of '{event}' in {seller} ({kind})"},
    {Id::BecauseCapacity, "{region} is short of {good} because suppliers in {seller} lack the capacity"},
    {Id::BecauseNoSupplier, "{region} is short of {good} because no supplier is set up to provide it"},
    {Id::BecauseRampUp, "{region} is short of {good} because output in {seller} can grow only so fast after the disruption (ramp-up)"},
    {Id::ChainCut, "the chain goes on beyond this point"},
    {Id::LeverStockpile, "a larger stockpile of {good} in {region} bridges the months of shortage"},
    {Id::LeverResponseLag, "a shorter response lag in {region} starts stockpile releases, re-sourcing and substitution sooner"},
    {Id::LeverQualification, "qualifying new suppliers of {good} faster lets buyers in {region} re-source sooner"},
    {Id::LeverDiversification, "a lower cap on any one supplier's share of {good} bought by {region} spreads purchases beyond {seller}"},
    {Id::LeverTradeShare, "buying a smaller share of {region}'s {good} from {seller} (its other suppliers take the rest) lowers the exposure"},
    {Id::LeverInvestment, "new {good} capacity in {region} adds supply"},
    {Id::LeverSubstitution, "substituting or thrifting {good} in {region} shrinks the demand that goes unmet"},
    {Id::LeverEventFraction, "to explore: a milder '{event}'"},
    {Id::LeverEventDuration, "to explore: a shorter '{event}'"},
    {Id::LeverExportControl, "to explore: a looser export control by {seller} on {good}"},
    {Id::LeverPool, "{framework} pools members' stocks of {goods}, so {region} can draw on partners' reserves{status}"},
    {Id::LeverInformation, "{framework} shares information, cutting members' response lag{status}"},
    {Id::LeverPriority, "{framework} has member suppliers serve members first in a shortage{status}"},
    {Id::LeverJointInvestment, "{framework} co-finances {good} capacity in {host}, partly reserved for members{status}"},
    {Id::RuleOn, " (on here: switch it off to see what it does)"},
    {Id::RuleOff, " (off here: switch it on to try it)"},
}};

constexpr bool TableInOrder() {
  for (std::size_t i = 0; i < kEnglish.size(); ++i) {
    if (static_cast<std::size_t>(kEnglish[i].id) != i || kEnglish[i].english == nullptr) return false;
  }
  return true;
}
static_assert(TableInOrder(), "kEnglish must list every text::Id once, in enum order");

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// Region names that read with "the" in English running text.
constexpr std::array<std::string_view, 8> kTakesThe = {"United ", "European ", "Rest of", "Netherlands", "Philippines",
                                                       "Republic", "Middle East", "Gulf"};

}  // namespace

const char* English(Id id) {
  const auto i = static_cast<std::size_t>(id);
  KZ_ASSERT(i < kEnglish.size(), "text::English: id out of range");
  return i < kEnglish.size() ? kEnglish[i].english : "";
}

std::string Fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [key, value] : args) {
          if (key == name) {
            out += value;
            found = true;
            break;
          }
        }
        if (found) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::string Say(Id id, std::initializer_list<std::pair<std::string_view, std::string>> args) {
  return Fill(English(id), args);
}

std::string RegionPhrase(const Region& region) {
  const std::string& name = region.name.en.empty() ? region.id : region.name.en;
  for (const std::string_view prefix : kTakesThe) {
    if (name.compare(0, prefix.size(), prefix) == 0) {
      std::string phrase = "the " + name;
      if (prefix == "Rest of") phrase[4] = 'r';
      return phrase;
    }
  }
  return name;
}

std::string GoodPhrase(const Good& good) {
  std::string name = good.name.en.empty() ? good.id : good.name.en;
  if (name.empty() || !IsUpper(name[0])) return name;
  std::size_t end = 1;
  bool otherCapitals = false;
  for (; end < name.size() && name[end] != ' '; ++end) {
    if (IsUpper(name[end])) otherCapitals = true;
  }
  if (!otherCapitals) name[0] = static_cast<char>(name[0] - 'A' + 'a');
  return name;
}

std::string Capitalized(std::string sentence) {
  if (!sentence.empty() && IsLower(sentence[0])) sentence[0] = static_cast<char>(sentence[0] - 'a' + 'A');
  return sentence;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += English(i + 1 == items.size() ? Id::ListAnd : Id::ListComma);
    out += items[i];
  }
  return out;
}

}  // namespace kz::text
