// Key findings (findings.hpp): measures per (region, good) from the results, a choice of the 2-4 that
// matter, and their sentences from the English table (findings_text.cpp). Sections:
//   number formatting -- measures of a run -- choosing and wording the findings
#include "kizuna/findings.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "findings_text.hpp"
#include "kizuna/output_account.hpp"
#include "network.hpp"  // ValuePerInputUnit

namespace kz {
namespace {

constexpr double kTiny = 1e-9;
constexpr double kFullyMet = 1.0 - 1e-6;  // a share met at or above this counts as met in full
constexpr double kPriceNoise = 1e-6;      // a price index above 1 + this is a price rise
constexpr double kSecondTroughShare = 0.25;  // a second trough is told if its loss is this share of the worst's
constexpr std::size_t kMaxSentences = 4;
constexpr std::size_t kUnaffectedNamed = 4;  // more unaffected regions than this: name 3, count the rest

// ---------------------------------------------------------------------------------------------
// Number formatting
// ---------------------------------------------------------------------------------------------

// Digits of a non-negative whole number below 2^53, with a comma every three digits when grouped.
std::string WholeDigits(double whole, bool grouped) {
  const auto n = static_cast<std::uint64_t>(whole);
  std::string digits = std::to_string(n);
  if (!grouped) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// tenths / 10 with one decimal, without a trailing ".0": 12 -> "1.2", 20 -> "2".
std::string Tenths(double tenths, bool grouped) {
  const double whole = std::floor(tenths / 10.0);
  const int decimal = static_cast<int>(tenths - whole * 10.0);
  std::string text = WholeDigits(whole, grouped);
  if (decimal != 0) text += "." + std::to_string(decimal);
  return text;
}


// ---------------------------------------------------------------------------------------------
// Measures of a run
// ---------------------------------------------------------------------------------------------

struct Trough {
  int region = -1;
  int good = -1;
  double loss = 0.0;    // USD over the run
  double share = 1.0;   // lowest share of final demand met
  int month = -1;       // first month at that share
  int recovery = -1;    // first month after the last short month; -1 = still short at the end
};

// The share of the good's demand in the region that was met: the chart's and the headline's
// fulfilment (all its uses, as stocks and uses by value left them), so that the sentences say what
// the figures above them show. (Its final uses alone may fare worse: they are served last when their
// value per unit is the lowest, as the lower-value uses of rare-earth oxide are.)
double ShareMet(const Results& r, std::size_t i) { return r.fulfilment[i]; }

// The trough of final good g in region r (share 1 and month -1 when nothing is ever short).
Trough TroughOf(const Results& r, int region, int good) {
  Trough trough;
  trough.region = region;
  trough.good = good;
  trough.loss = r.MetricsOf(region, good).cumulativeLoss;
  const LowestShare lowest = LowestShareMet(r, region, good);
  if (!(lowest.share < 1.0 - kTiny)) return trough;  // met in full (to rounding) throughout
  trough.share = lowest.share;
  trough.month = lowest.month;
  // Shortage in the engine's sense (under 99% met); a shallower dip recovers when met in full again.
  const double threshold = trough.share < kShortageShare ? kShortageShare : kFullyMet;
  int lastShort = trough.month;
  for (int t = trough.month; t < r.months; ++t) {
    if (ShareMet(r, r.Index(t, region, good)) < threshold) lastShort = t;
  }
  trough.recovery = lastShort == r.months - 1 ? -1 : lastShort + 1;
  return trough;
}

bool HasFinalDemand(const Results& r, int region, int good) {
  for (int t = 0; t < r.months; ++t) {
    if (r.finalDemand[r.Index(t, region, good)] > kTiny) return true;
  }
  return false;
}

int IndexOf(const std::vector<std::string>& ids, const std::string& id) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

bool SameShape(const Results& a, const Results& b) {
  return a.months == b.months && a.regionIds == b.regionIds && a.goodIds == b.goodIds;
}

bool RegionAffected(const Results& r, int region) {
  for (int g = 0; g < r.goods; ++g) {
    const Metrics& m = r.MetricsOf(region, g);
    if (m.peakShortfall > kTiny || m.peakPrice > 1.0 + kPriceNoise || m.cumulativeLoss > 0.0) return true;
    for (int t = 0; t < r.months; ++t) {
      if (r.fulfilment[r.Index(t, region, g)] < kFullyMet) return true;
    }
  }
  return false;
}

// Names in sentences, looked up by the results' ids (a results' id missing from the scenario reads as itself).
struct Names {
  const Scenario& scenario;
  const Results& results;
  const text::Words& words;
  std::string Region(int r) const {
    for (const kz::Region& region : scenario.regions) {
      if (region.id == results.regionIds[static_cast<std::size_t>(r)]) return words.Region(region);
    }
    return results.regionIds[static_cast<std::size_t>(r)];
  }
  std::string Good(int g) const {
    for (const kz::Good& good : scenario.goods) {
      if (good.id == results.goodIds[static_cast<std::size_t>(g)]) return words.Good(good);
    }
    return results.goodIds[static_cast<std::size_t>(g)];
  }
};

// ---------------------------------------------------------------------------------------------
// Choosing and wording the findings
// ---------------------------------------------------------------------------------------------

// The shock behind a trough, for the reader: the one event begun by the trough's month, or null when
// none or several have (naming one of several would blame it for what they did together).
const Event* ShockBefore(const Scenario& scenario, int month) {
  const Event* shock = nullptr;
  for (const Event& event : scenario.events) {
    if (event.start > month) continue;
    if (shock != nullptr) return nullptr;
    shock = &event;
  }
  return shock;
}

// A good no recipe uses: an end use.
bool IsEndGood(const Scenario& scenario, const std::string& id) {
  for (const Good& good : scenario.goods) {
    for (const RecipeInput& item : good.recipe) {
      if (item.good == id) return false;
    }
  }
  return true;
}

}  // namespace

LowestShare LowestShareMet(const Results& r, int region, int good) {
  LowestShare lowest{2.0, 0};
  for (int t = 0; t < r.months; ++t) {
    const double share = ShareMet(r, r.Index(t, region, good));
    if (share < lowest.share - kTiny) lowest = {share, t};
  }
  return lowest;
}

namespace {

// Units of `input` per unit of `good` in its recipe (0 when it is not an input).
double UnitsOf(const Good& good, const std::string& input) {
  for (const RecipeInput& item : good.recipe) {
    if (item.good == input) return item.unitsPerOutput;
  }
  return 0.0;
}

// The value of end good `good`'s output that a unit of `input` enables, as the engine ranks uses.
double ValuePerUnitOf(const Good& good, const std::string& input) {
  for (const RecipeInput& item : good.recipe) {
    if (item.good == input) return ValuePerInputUnit(good.basePrice * good.valueMultiplier, item.shareOfOutput, item.unitsPerOutput);
  }
  return 0.0;
}

// Why an end use fell furthest, when it did for want of an input that another end use in the same
// region was served first because it is valued higher per unit of that input (a region short of an
// input serves its uses by value: scarce chips go to defence before electronics). The other end use
// must be clearly better served that month (by a quarter of demand or more). Returns {input, other}
// as results' good indices, or {-1, -1}.
constexpr double kClearlyBetterServed = 0.25;
std::pair<int, int> ServedFirstOf(const Names& names, const Trough& trough) {
  const Results& r = names.results;
  const Constraint& binding = r.binding[r.Index(trough.month, trough.region, trough.good)];
  if (binding.kind != ConstraintKind::InputShortage || binding.input < 0) return {-1, -1};
  const std::string& inputId = r.goodIds[static_cast<std::size_t>(binding.input)];
  const std::string& goodId = r.goodIds[static_cast<std::size_t>(trough.good)];
  const Good* good = nullptr;
  for (const Good& g : names.scenario.goods) good = g.id == goodId ? &g : good;
  if (good == nullptr || !IsEndGood(names.scenario, goodId) || UnitsOf(*good, inputId) <= 0.0) return {-1, -1};
  auto valuePerInput = [&](const Good& g) { return ValuePerUnitOf(g, inputId); };
  int other = -1;
  double best = trough.share + kClearlyBetterServed;
  for (const Good& candidate : names.scenario.goods) {
    if (candidate.id == goodId || UnitsOf(candidate, inputId) <= 0.0 || !IsEndGood(names.scenario, candidate.id)) continue;
    const int index = IndexOf(r.goodIds, candidate.id);
    if (index < 0 || !HasFinalDemand(r, trough.region, index) || valuePerInput(candidate) <= valuePerInput(*good)) continue;
    const double share = ShareMet(r, r.Index(trough.month, trough.region, index));
    if (share >= best) {
      best = share;
      other = index;
    }
  }
  return other < 0 ? std::pair{-1, -1} : std::pair{static_cast<int>(binding.input), other};
}

Finding TroughFinding(const Names& names, const Trough& trough, text::Id wording, const Results* comparison,
                      const std::string& label) {
  const text::Words& words = names.words;
  Finding f;
  f.kind = FindingKind::Trough;
  f.region = names.results.regionIds[static_cast<std::size_t>(trough.region)];
  f.good = names.results.goodIds[static_cast<std::size_t>(trough.good)];
  f.months = {trough.month, trough.recovery};
  f.values = {trough.share, trough.loss};
  // The lead names its shock, so that a stress test's headline says what is being tested.
  std::string clause;
  if (const Event* shock = wording == text::Id::Trough ? ShockBefore(names.scenario, trough.month) : nullptr) {
    clause = shock->start > 0 ? words.Say(text::Id::AfterEventInMonth, {{"event", words.Name(*shock)}, {"month", words.Month(shock->start)}})
                              : words.Say(text::Id::AfterEvent, {{"event", words.Name(*shock)}});
  }
  clause += words.Say(wording, {{"good", names.Good(trough.good)},
                                {"region", names.Region(trough.region)},
                                {"share", words.Percent(trough.share)},
                                {"month", words.Month(trough.month)}});
  // Why the lead fell furthest, when a dearer end use took its scarce input first (said once).
  if (const auto [input, other] = wording == text::Id::Trough ? ServedFirstOf(names, trough) : std::pair{-1, -1}; other >= 0) {
    clause += words.Say(text::Id::ServedFirst, {{"input", names.Good(input)}, {"other", names.Good(other)}});
  }
  // Not recovered: say where it stands at the end, as the chart shows it (not "never recovers" at 97%).
  const int last = names.results.months - 1;
  clause += trough.recovery >= 0
                ? words.Say(text::Id::TroughRecovers, {{"month", words.Month(trough.recovery)}})
                : words.Say(text::Id::TroughNoRecovery, {{"share", words.Percent(ShareMet(names.results, names.results.Index(last, trough.region, trough.good)))},
                                                         {"month", words.Month(last)}});
  if (comparison != nullptr) {
    const int r = IndexOf(comparison->regionIds, f.region);
    const int g = IndexOf(comparison->goodIds, f.good);
    if (r >= 0 && g >= 0) {
      const Trough other = TroughOf(*comparison, r, g);
      f.values.push_back(other.share);
      clause += other.share >= kFullyMet
                    ? words.Say(text::Id::ComparisonFullyMet, {{"label", label}})
                    : words.Say(text::Id::ComparisonTrough, {{"label", label}, {"share", words.Percent(other.share)}});
    }
  }
  f.text = words.Sentence(clause);
  return f;
}

// The value added lost worldwide and where most of it is lost (and, when it matters, who gains by
// making more for others); against `comparison` (measured on the same reference), how it changes.
// When the story's subject region loses none while others do (the 2010 halt: Japan's output held,
// China's exports fell), that leads.
Finding LossFinding(const Names& names, const OutputAccount& account, const OutputAccount* comparison,
                    const std::string& label, int subjectRegion) {
  const text::Words& words = names.words;
  Finding f;
  f.kind = FindingKind::TotalLoss;
  const double total = account.WorldValueAddedLost();
  f.values = {total};
  int worst = 0;
  int gainer = 0;  // the region that gains most (the lowest loss)
  for (int r = 1; r < account.regions; ++r) {
    if (RoundHalfAwayFromZero(account.valueAddedLost[r]) > RoundHalfAwayFromZero(account.valueAddedLost[worst])) worst = r;
    if (RoundHalfAwayFromZero(account.valueAddedLost[r]) < RoundHalfAwayFromZero(account.valueAddedLost[gainer])) gainer = r;
  }
  const double gain = -account.valueAddedLost[gainer];
  std::string clause;
  if (RoundHalfAwayFromZero(total) > 0.0) {
    f.region = names.results.regionIds[static_cast<std::size_t>(worst)];
    // A gain elsewhere worth saying (a twentieth of the worst loss), or any gain that leaves the
    // total below the worst region's loss: otherwise "$845 million is lost, the most in Taiwan ($3.3
    // billion)" reads as a mistake, where Korea's fabs made more.
    const bool worstAboveTotal = RoundHalfAwayFromZero(account.valueAddedLost[worst]) > RoundHalfAwayFromZero(total) * 1.001;
    const bool netOfGains = gain > 0.0 && (gain >= 0.05 * account.valueAddedLost[worst] || worstAboveTotal);
    const bool subjectGains = netOfGains && subjectRegion == gainer;  // said below: no "loses none" first
    if (subjectRegion >= 0 && subjectRegion != worst && !subjectGains &&
        RoundHalfAwayFromZero(account.valueAddedLost[subjectRegion]) <= 0.0) {
      clause = words.Say(text::Id::SubjectNoLoss, {{"region", names.Region(subjectRegion)}});
    }
    clause += words.Say(netOfGains ? text::Id::LossNet : text::Id::Loss,
                        {{"money", words.Money(total)},
                         {"region", names.Region(worst)},
                         {"regionMoney", words.Money(account.valueAddedLost[worst])},
                         {"gainer", names.Region(gainer)},
                         {"gainMoney", words.Money(gain)}});
  } else {
    clause = words.Say(text::Id::NoLoss);
  }
  if (comparison != nullptr) {
    const double other = comparison->WorldValueAddedLost();
    f.values.push_back(other);
    const double change = other - total;
    if (RoundHalfAwayFromZero(total) <= 0.0) {
      clause += RoundHalfAwayFromZero(other) > 0.0
                    ? words.Say(text::Id::LossFromZero, {{"label", label}, {"money", words.Money(other)}})
                    : words.Say(text::Id::LossSame, {{"label", label}});
    } else if (RoundHalfAwayFromZero(std::fabs(change)) <= 0.0 || std::fabs(change) < 5e-4 * total) {
      clause += words.Say(text::Id::LossSame, {{"label", label}});
    } else if (RoundHalfAwayFromZero(other) <= 0.0) {
      clause += words.Say(text::Id::LossNone, {{"label", label}});
    } else if (other < 5e-3 * total) {  // "-99.9%" would read as if some were left to save
      clause += words.Say(text::Id::LossAlmostAll, {{"label", label}, {"money", words.Money(other)}});
    } else {
      const std::string percent = words.Percent(change / total);
      clause += words.Say(change < 0.0 ? text::Id::LossFall : text::Id::LossRise,
                          {{"label", label},
                           {"money", words.Money(std::fabs(change))},
                           {"change", change < 0.0 ? percent : "+" + percent}});
    }
  }
  f.text = words.Sentence(clause);
  return f;
}

// The highest price index anywhere (or in `onlyRegion` when >= 0); kind TotalLoss (= none) when no
// price rises.
Finding PriceFinding(const Names& names, const Results& r, int onlyRegion = -1) {
  Finding f;
  int bestRegion = -1;
  int bestGood = -1;
  double best = 1.0 + kPriceNoise;
  for (int region = 0; region < r.regions; ++region) {
    if (onlyRegion >= 0 && region != onlyRegion) continue;
    for (int g = 0; g < r.goods; ++g) {
      const double peak = r.MetricsOf(region, g).peakPrice;
      if (peak > best * (1.0 + 1e-9)) {
        best = peak;
        bestRegion = region;
        bestGood = g;
      }
    }
  }
  // A rise that would read "0%" is not worth a sentence.
  if (bestRegion < 0 || RoundHalfAwayFromZero((best - 1.0) * 1000.0) < 5.0) return f;
  int month = 0;
  double highest = 0.0;
  for (int t = 0; t < r.months; ++t) {
    const double price = r.price[r.Index(t, bestRegion, bestGood)];
    if (price > highest) {
      highest = price;
      month = t;
    }
  }
  f.kind = FindingKind::PeakPrice;
  f.region = r.regionIds[static_cast<std::size_t>(bestRegion)];
  f.good = r.goodIds[static_cast<std::size_t>(bestGood)];
  f.months = {month};
  f.values = {best};
  const auto args = {std::pair<std::string_view, std::string>{"good", names.Good(bestGood)},
                     std::pair<std::string_view, std::string>{"region", names.Region(bestRegion)},
                     std::pair<std::string_view, std::string>{"month", names.words.Month(month)},
                     std::pair<std::string_view, std::string>{"share", names.words.Percent(best - 1.0)},
                     std::pair<std::string_view, std::string>{"multiple", FormatMultiple(best)}};
  f.text = names.words.Sentence(text::Fill(names.words.Template(best < 2.0 ? text::Id::PriceRise : text::Id::PriceMultiple), args));
  return f;
}

// Regions with no shortage and no price rise; kind TotalLoss (= none) when every region is affected
// or none is (then the other sentences already say so).
Finding UnaffectedFinding(const Names& names, const Results& r) {
  Finding f;
  std::vector<int> unaffected;
  for (int region = 0; region < r.regions; ++region) {
    if (!RegionAffected(r, region)) unaffected.push_back(region);
  }
  if (unaffected.empty() || static_cast<int>(unaffected.size()) == r.regions) return f;
  f.kind = FindingKind::Unaffected;
  std::vector<std::string> listed;
  for (const int region : unaffected) f.regions.push_back(r.regionIds[static_cast<std::size_t>(region)]);
  f.values = {static_cast<double>(unaffected.size())};
  const std::size_t named = unaffected.size() > kUnaffectedNamed ? kUnaffectedNamed - 1 : unaffected.size();
  for (std::size_t i = 0; i < named; ++i) listed.push_back(names.Region(unaffected[i]));
  if (named < unaffected.size()) {
    listed.push_back(names.words.Say(text::Id::OtherRegions, {{"count", std::to_string(unaffected.size() - named)}}));
  }
  f.text = names.words.Sentence(names.words.Say(unaffected.size() == 1 ? text::Id::UnaffectedOne : text::Id::Unaffected,
                                                {{"regions", names.words.JoinList(listed)}}));
  return f;
}

}  // namespace

StorySubject SubjectOf(const Scenario& scenario, const Results& results) {
  StorySubject subject;
  const int region = IndexOf(results.regionIds, scenario.presentation.subjectRegion);
  const int good = IndexOf(results.goodIds, scenario.presentation.subjectGood);
  if (region >= 0 && good >= 0) return StorySubject{region, good, true};
  double worst = 0.0;
  for (int r = 0; r < results.regions; ++r) {
    for (int g = 0; g < results.goods; ++g) {
      const double loss = results.MetricsOf(r, g).cumulativeLoss;
      if (loss > worst) {
        worst = loss;
        subject.region = r;
        subject.good = g;
      }
    }
  }
  return subject;
}

double RoundHalfAwayFromZero(double value) {
  if (!std::isfinite(value)) return value;
  const double magnitude = std::fabs(value);
  double whole = std::floor(magnitude);
  if (magnitude - whole >= 0.5) whole += 1.0;  // exact: magnitude - floor(magnitude) has no rounding error
  return value < 0.0 ? -whole : whole;
}

std::string FormatPercent(double share) { return text::Words().Percent(share); }

std::string FormatMoney(double usd) { return text::Words().Money(usd); }

std::string FormatMoney(double usd, const Wording* wording) { return text::Words(wording).Money(usd); }

std::string FormatMultiple(double value) {
  if (!std::isfinite(value)) return "?";
  const double magnitude = std::fabs(value);
  const double tenths = RoundHalfAwayFromZero(magnitude * 10.0);
  const std::string body = tenths < 100.0 ? Tenths(tenths, false) : WholeDigits(RoundHalfAwayFromZero(magnitude), true);
  return (value < 0.0 ? std::string(text::English(text::Id::Minus)) : std::string()) + body;
}

std::vector<std::pair<std::string, std::string>> WordingKeys() {
  std::vector<std::pair<std::string, std::string>> keys;
  for (int i = 0; i < static_cast<int>(text::Id::Count); ++i) {
    keys.emplace_back(text::Key(static_cast<text::Id>(i)), text::English(static_cast<text::Id>(i)));
  }
  return keys;
}

Findings Summarize(const Scenario& scenario, const Results& results, const Results* comparison,
                   const std::string& comparisonLabel, const Wording* wording, const Results* undisrupted) {
  const text::Words words(wording);
  const Names names{scenario, results, words};
  // Final goods with a shortfall, worst loss first. Losses compare in whole dollars, so last-bit
  // differences between platforms cannot reorder near-ties (ties: scenario order).
  std::vector<Trough> troughs;
  for (int r = 0; r < results.regions; ++r) {
    for (int g = 0; g < results.goods; ++g) {
      if (!HasFinalDemand(results, r, g)) continue;
      const Trough trough = TroughOf(results, r, g);
      if (trough.share < kFullyMet && trough.loss > 0.0) troughs.push_back(trough);
    }
  }
  std::stable_sort(troughs.begin(), troughs.end(), [](const Trough& a, const Trough& b) {
    return RoundHalfAwayFromZero(a.loss) > RoundHalfAwayFromZero(b.loss);
  });
  // The story's subject leads when it is short at all; the worst-hit end use elsewhere follows.
  const StorySubject subject = SubjectOf(scenario, results);
  if (subject.named) {
    const auto it = std::find_if(troughs.begin(), troughs.end(),
                                 [&subject](const Trough& t) { return t.region == subject.region && t.good == subject.good; });
    if (it != troughs.end()) std::rotate(troughs.begin(), it, it + 1);
  }

  // Candidates by priority; the first kMaxSentences that exist are told, in reading order.
  enum Slot { kFirst, kSecond, kPrice, kLoss, kUnaffected, kSlots };
  Finding slots[kSlots];
  bool present[kSlots] = {};
  const Slot priority[kSlots] = {kFirst, kLoss, kPrice, kUnaffected, kSecond};
  if (!troughs.empty()) {
    slots[kFirst] = TroughFinding(names, troughs[0], text::Id::Trough, comparison, comparisonLabel);
  } else {
    slots[kFirst].kind = FindingKind::NoShortage;
    slots[kFirst].text = words.Sentence(words.Say(text::Id::NoShortage));
  }
  present[kFirst] = true;
  if (troughs.size() > 1 && (troughs[1].loss >= kSecondTroughShare * troughs[0].loss || subject.named)) {
    slots[kSecond] = TroughFinding(names, troughs[1], text::Id::TroughAlso, nullptr, "");
    present[kSecond] = true;
  }
  slots[kPrice] = PriceFinding(names, results, subject.named ? subject.region : -1);
  present[kPrice] = slots[kPrice].kind == FindingKind::PeakPrice;
  // Value added lost, both runs against the same undisrupted world (the scenario compiled for
  // `results`, so its reference run cannot fail to compile; a comparison of another shape is left out).
  std::optional<Results> ownReference;
  if (undisrupted == nullptr) {
    if (Expected<Results> run = RunWithoutDisruptions(scenario)) ownReference = std::move(run.value());
  }
  const Results* reference = undisrupted != nullptr ? undisrupted : ownReference ? &*ownReference : nullptr;
  if (reference != nullptr && SameShape(*reference, results)) {
    const OutputAccount account = AccountOutput(scenario, results, *reference);
    std::optional<OutputAccount> other;
    if (comparison != nullptr && SameShape(*reference, *comparison)) other = AccountOutput(scenario, *comparison, *reference);
    slots[kLoss] = LossFinding(names, account, other ? &*other : nullptr, comparisonLabel, subject.named ? subject.region : -1);
    present[kLoss] = true;
  }
  slots[kUnaffected] = UnaffectedFinding(names, results);
  present[kUnaffected] = slots[kUnaffected].kind == FindingKind::Unaffected;

  bool told[kSlots] = {};
  std::size_t count = 0;
  for (const Slot slot : priority) {
    if (present[slot] && count < kMaxSentences) {
      told[slot] = true;
      ++count;
    }
  }
  Findings findings;
  for (int slot = 0; slot < kSlots; ++slot) {
    if (!told[slot]) continue;
    if (!findings.paragraph.empty()) findings.paragraph += words.Template(text::Id::SentenceGap);
    findings.paragraph += slots[slot].text;
    findings.items.push_back(std::move(slots[slot]));
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Words' number formatting (declared in findings_text.hpp: it needs the digit helpers above)
// ---------------------------------------------------------------------------------------------

std::string text::Words::Percent(double share) const {
  if (!std::isfinite(share)) return "?";
  const double percent = std::fabs(share) * 100.0;
  std::string body;
  if (percent == 0.0) {
    body = "0";
  } else if (percent < 1.0 || (percent > 99.0 && percent < 100.0)) {
    const double tenths = std::clamp(RoundHalfAwayFromZero(percent * 10.0), 1.0, percent < 1.0 ? 10.0 : 999.0);
    body = Tenths(tenths, false);
  } else {
    body = WholeDigits(RoundHalfAwayFromZero(percent), true);
  }
  return (share < 0.0 ? Template(Id::Minus) : std::string()) + body + "%";
}

// Three units whose sizes the wording gives ("1e6 1e9 1e12"); one decimal below 100 of a unit, whole
// above, and the next unit once a whole number would reach the next unit's size.
std::string text::Words::Money(double usd) const {
  if (!std::isfinite(usd)) return "?";
  const std::string sign = usd < 0.0 ? Template(Id::Minus) : std::string();
  const double amount = std::fabs(usd);
  double sizes[3] = {1e6, 1e9, 1e12};
  std::istringstream sizeText(Template(Id::MoneyUnitSizes));
  for (double& size : sizes) {
    double read = 0.0;
    if (sizeText >> read && read >= 1.0) size = read;
  }
  constexpr Id kWords[] = {Id::MoneyMillion, Id::MoneyBillion, Id::MoneyTrillion};
  if (RoundHalfAwayFromZero(amount) < sizes[0]) return sign + Say(Id::MoneySmall, {{"number", WholeDigits(RoundHalfAwayFromZero(amount), true)}});
  std::size_t u = 0;
  while (u + 1 < std::size(sizes) && amount >= sizes[u + 1]) ++u;
  for (;;) {
    const double x = amount / sizes[u];
    std::string number;
    const double tenths = RoundHalfAwayFromZero(x * 10.0);
    if (tenths < 1000.0) {
      number = Tenths(tenths, false);
    } else {
      const double whole = RoundHalfAwayFromZero(x);
      if (u + 1 < std::size(sizes) && whole >= sizes[u + 1] / sizes[u]) {  // 999.7 million reads "$1 billion"
        ++u;
        continue;
      }
      number = WholeDigits(whole, true);
    }
    return sign + Say(kWords[u], {{"number", number}});
  }
}

}  // namespace kz
