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
  const char* key;  // in the message catalogs (assets/i18n)
  const char* english;
};

// ---------------------------------------------------------------------------------------------
// The table: one row per template, in Id order (checked below).
// ---------------------------------------------------------------------------------------------
constexpr std::array<Entry, static_cast<std::size_t>(Id::Count)> kEnglish = {{
    {Id::Minus, "number.minus", "\xE2\x88\x92"},  // U+2212 MINUS SIGN: read as "minus" by screen readers
    {Id::MoneySmall, "number.money.small", "${number}"},
    {Id::MoneyUnitSizes, "number.money.unit-sizes", "1e6 1e9 1e12"},
    {Id::MoneyMillion, "number.money.unit1", "${number} million"},
    {Id::MoneyBillion, "number.money.unit2", "${number} billion"},
    {Id::MoneyTrillion, "number.money.unit3", "${number} trillion"},
    {Id::Month, "finding.month", "month {month}"},

    {Id::Trough, "finding.trough", "supply of {good} in {region} falls to {share} of demand in {month}"},
    {Id::TroughAlso, "finding.trough-also", "in {region}, supply of {good} bottoms at {share} in {month}"},
    {Id::AfterEvent, "finding.after-event", "after “{event}”, "},
    {Id::AfterEventInMonth, "finding.after-event-in-month", "after “{event}” in {month}, "},
    {Id::TroughRecovers, "finding.trough-recovers", " and recovers by {month}"},
    {Id::TroughNoRecovery, "finding.trough-no-recovery", " and is still short at the end ({share} in {month})"},
    {Id::ServedFirst, "finding.served-first", ", as the scarce supply of {input} goes first to {other} (valued higher per unit),"},
    {Id::ComparisonTrough, "finding.comparison-trough", "; with {label} it bottoms at {share}"},
    {Id::ComparisonFullyMet, "finding.comparison-fully-met", "; with {label} demand is met in full"},
    {Id::NoShortage, "finding.no-shortage", "no end use falls more than 1% short of demand in any month"},
    {Id::PriceRise, "finding.price-rise", "the price of {good} in {region} rises by up to {share}, peaking in {month}"},
    {Id::PriceMultiple, "finding.price-multiple", "the price of {good} in {region} peaks at {multiple} times its base level in {month}"},
    {Id::Loss, "finding.loss", "{money} of value added is lost, the most in {region} ({regionMoney})"},
    {Id::NoLoss, "finding.no-loss", "no value added is lost"},
    {Id::SubjectNoLoss, "finding.subject-no-loss", "{region} loses no value added, while "},
    {Id::LossNet, "finding.loss-net", "{money} of value added is lost in all: {region} loses {regionMoney} and {gainer} gains {gainMoney} by making more for others"},
    {Id::LossFall, "finding.loss-fall", "; with {label} the loss falls by {money} ({change})"},
    {Id::LossRise, "finding.loss-rise", "; with {label} the loss rises by {money} ({change})"},
    {Id::LossSame, "finding.loss-same", "; with {label} it is unchanged"},
    {Id::LossFromZero, "finding.loss-from-zero", "; with {label} it comes to {money}"},
    {Id::LossNone, "finding.loss-none", "; with {label} none of it is lost"},
    {Id::LossAlmostAll, "finding.loss-almost-all", "; with {label} almost all of it is avoided (only {money} is lost)"},
    {Id::Unaffected, "finding.unaffected", "{regions} see no shortage and no price rise"},
    {Id::UnaffectedOne, "finding.unaffected-one", "{regions} sees no shortage and no price rise"},
    {Id::OtherRegions, "finding.other-regions", "{count} other regions"},
    {Id::ListComma, "finding.list-comma", ", "},
    {Id::ListAnd, "finding.list-and", " and "},
    {Id::SentenceEnd, "finding.sentence-end", "."},
    {Id::SentenceGap, "finding.sentence-gap", " "},

    {Id::ExplainMet, "explain.met", "in {month}, {region} gets all the {good} it needs"},
    {Id::ExplainShare, "explain.share", "in {month}, {region} gets {share} of the {good} it needs"},
    {Id::BecauseInput, "explain.because-input", "{region} is short of {good} because producers in {seller} lack {input}"},
    {Id::BecauseEvent, "explain.because-event", "{region} is short of {good} because of '{event}' in {seller} ({kind})"},
    {Id::BecauseCapacity, "explain.because-capacity", "{region} is short of {good} because suppliers in {seller} lack the capacity"},
    {Id::BecauseNoSupplier, "explain.because-no-supplier", "{region} is short of {good} because no supplier is set up to provide it"},
    {Id::BecauseRampUp, "explain.because-ramp-up", "{region} is short of {good} because output in {seller} can grow only so fast after the disruption (ramp-up)"},
    {Id::ChainCut, "explain.chain-cut", "the chain goes on beyond this point"},
    {Id::LeverStockpile, "explain.lever-stockpile", "a larger stockpile of {good} in {region} bridges the months of shortage"},
    {Id::LeverResponseLag, "explain.lever-response-lag", "a shorter response lag in {region} starts stockpile releases, re-sourcing and substitution sooner"},
    {Id::LeverQualification, "explain.lever-qualification", "qualifying new suppliers of {good} faster lets buyers in {region} re-source sooner"},
    {Id::LeverDiversification, "explain.lever-diversification", "a lower cap on any one supplier's share of {good} bought by {region} spreads purchases beyond {seller}"},
    {Id::LeverTradeShare, "explain.lever-trade-share", "buying a smaller share of {region}'s {good} from {seller} (its other suppliers take the rest) lowers the exposure"},
    {Id::LeverInvestment, "explain.lever-investment", "new {good} capacity in {region} adds supply"},
    {Id::LeverSubstitution, "explain.lever-substitution", "substituting or thrifting {good} in {region} shrinks the demand that goes unmet"},
    {Id::LeverEventFraction, "explain.lever-event-fraction", "to explore: a milder '{event}'"},
    {Id::LeverEventDuration, "explain.lever-event-duration", "to explore: a shorter '{event}'"},
    {Id::LeverExportControl, "explain.lever-export-control", "to explore: a looser export control by {seller} on {good}"},
    {Id::LeverPool, "explain.lever-pool", "{framework} pools members' stocks of {goods}, so {region} can draw on partners' reserves{status}"},
    {Id::LeverInformation, "explain.lever-information", "{framework} shares information, cutting members' response lag{status}"},
    {Id::LeverPriority, "explain.lever-priority", "{framework} has member suppliers serve members first in a shortage{status}"},
    {Id::LeverJointInvestment, "explain.lever-joint-investment", "{framework} co-finances {good} capacity in {host}, partly reserved for members{status}"},
    {Id::RuleOn, "explain.rule-on", " (on here: switch it off to see what it does)"},
    {Id::RuleOff, "explain.rule-off", " (off here: switch it on to try it)"},
    {Id::KindCapacityLoss, "explain.kind.capacity-loss", "capacity loss"},
    {Id::KindExportRestriction, "explain.kind.export-restriction", "export restriction"},
    {Id::KindChokepoint, "explain.kind.chokepoint", "chokepoint"},
}};

constexpr bool TableInOrder() {
  for (std::size_t i = 0; i < kEnglish.size(); ++i) {
    if (static_cast<std::size_t>(kEnglish[i].id) != i || kEnglish[i].english == nullptr || kEnglish[i].key == nullptr) return false;
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

const char* Key(Id id) {
  const auto i = static_cast<std::size_t>(id);
  KZ_ASSERT(i < kEnglish.size(), "text::Key: id out of range");
  return i < kEnglish.size() ? kEnglish[i].key : "";
}

// ---------------------------------------------------------------------------------------------
// Words: one language's templates and naming rules
// ---------------------------------------------------------------------------------------------

Words::Words(const Wording* wording) {
  for (std::size_t i = 0; i < kEnglish.size(); ++i) {
    templates[i] = kEnglish[i].english;
    if (wording == nullptr) continue;
    const auto it = wording->templates.find(kEnglish[i].key);
    if (it != wording->templates.end()) templates[i] = it->second;
  }
  if (wording != nullptr) {
    english = wording->language == "en";
    japanese = wording->language == "ja";
  }
}

std::string Words::Say(Id id, std::initializer_list<std::pair<std::string_view, std::string>> args) const {
  return Fill(Template(id), args);
}

std::string Words::Region(const kz::Region& region) const {
  if (japanese && !region.name.ja.empty()) return region.name.ja;
  if (english) return RegionPhrase(region);
  return region.name.en.empty() ? region.id : region.name.en;
}

std::string Words::Good(const kz::Good& good) const {
  if (japanese && !good.name.ja.empty()) return good.name.ja;
  if (english) return GoodPhrase(good);
  return good.name.en.empty() ? good.id : good.name.en;
}

std::string Words::Sentence(std::string clause) const {
  return (english ? Capitalized(std::move(clause)) : std::move(clause)) + Template(Id::SentenceEnd);
}

std::string Words::JoinList(const std::vector<std::string>& items) const {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += Template(i + 1 == items.size() ? Id::ListAnd : Id::ListComma);
    out += items[i];
  }
  return out;
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
