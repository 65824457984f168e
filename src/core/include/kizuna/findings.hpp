// Key findings: a short generated summary of a run (2-4 sentences) for the always-visible summary
// line, the page's ARIA live region and copy-paste. The app never computes the model, so the core
// chooses what matters: the worst-hit end uses (trough and recovery), the peak price, the value added
// lost (against the same world without its disruptions) and, against a comparison run, how the
// trough and that loss change. Text is English by default and
// identical on every platform (no locale; own rounding); the app passes a Wording from its message
// catalogs for another language. Each finding also carries its numbers.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

enum class FindingKind : std::uint8_t {
  Trough,      ///< a final good in a region: values {share met at the trough, loss USD[, comparison's
               ///< trough share]}, months {trough month, recovery month or -1 = not within the horizon}
  NoShortage,  ///< no end use falls more than 1% short in any month (no region, good, numbers)
  PeakPrice,   ///< the highest price index: values {index}, months {month of the peak}
  TotalLoss,   ///< value added lost worldwide (output_account.hpp): values {USD[, comparison's USD]},
               ///< region = where the most is lost
  Unaffected,  ///< regions with no shortage and no price rise: `regions`, values {how many}
};

/// One sentence of the summary and the numbers behind it.
struct Finding {
  FindingKind kind = FindingKind::TotalLoss;
  std::string region;                ///< region id, or empty
  std::string good;                  ///< good id, or empty
  std::vector<std::string> regions;  ///< Unaffected: the region ids, in scenario order
  std::vector<int> months;           ///< see FindingKind; months count from the scenario start (month 0)
  std::vector<double> values;        ///< see FindingKind; shares 0..1, money USD, price index (1 = base)
  std::string text;                  ///< the English sentence, capitalised, with its full stop
};

struct Findings {
  std::vector<Finding> items;  ///< 2-4 findings, in reading order
  std::string paragraph;       ///< the sentences joined by spaces
};

/// The words of the findings (and Explain) in one language, from the app's message catalogs: each
/// template by its catalog key (WordingKeys()), missing ones falling back to English. Templates name
/// their arguments in braces ("{region}"). `number.money.unit-sizes` is data: the sizes of the three
/// money units, e.g. "1e6 1e9 1e12" (million, billion, trillion) or "1e4 1e8 1e12" (万, 億, 兆).
struct Wording {
  std::string language = "en";  ///< "en": English articles and capitals; "ja": names from LocalizedText::ja
  std::map<std::string, std::string, std::less<>> templates;
};

/// A share met below this is a shortage (the engine's threshold, Metrics); recovery is the first
/// month after which supply stays at or above it.
inline constexpr double kShortageShare = 0.99;

/// The lowest share of a (region, good)'s need met over the run, and the first month at it. A later
/// month lower only by rounding does not count: a level held for months (at a reserve's trigger,
/// 0.98 then 0.97999999999999998) bottoms in the month it is first reached. The findings, the
/// headline card, the default selection and the page's summary all tell this one.
struct LowestShare {
  double share = 1.0;
  int month = 0;
};
LowestShare LowestShareMet(const Results& results, int region, int good);

/// The (region, good) a scenario's story is about, as indices into `results`: the presentation's
/// subject when both ids are in the results (`named`), else the (region, good) with the largest
/// cumulative loss (ties: scenario order); {0, 0} when nothing is lost.
struct StorySubject {
  int region = 0;
  int good = 0;
  bool named = false;  ///< the scenario names it (Presentation::subjectRegion/subjectGood)
};
StorySubject SubjectOf(const Scenario& scenario, const Results& results);

/// Every template key with its built-in English text, in a fixed order (the catalogs must have them).
std::vector<std::pair<std::string, std::string>> WordingKeys();

/// Summarizes `results`, a run of `scenario`. When the scenario names its subject (SubjectOf), the
/// subject's trough leads, the worst-hit end use elsewhere follows it, and the price sentence is the
/// subject region's. With `comparison` (a run of a variant of the same
/// scenario: same region and good ids, e.g. with a framework switched on), the worst trough and the
/// value added lost also say how they change (both runs measured against the undisrupted `scenario`), naming the variant `comparisonLabel` ("with <label> it
/// bottoms at 85%"). Deterministic: the same inputs give the same text on every platform.
/// `wording` (may be null = English) must outlive the call. `undisrupted` is a run of
/// WithoutDisruptions(scenario) (output_account.hpp) when the caller keeps one (a session re-wording
/// the same results); null: it is run here.
Findings Summarize(const Scenario& scenario, const Results& results, const Results* comparison = nullptr,
                   const std::string& comparisonLabel = "", const Wording* wording = nullptr,
                   const Results* undisrupted = nullptr);

// ---------------------------------------------------------------------------------------------
// Locale-free number formatting (used by the findings; also for labels in the app)
// ---------------------------------------------------------------------------------------------

/// Rounds to the nearest whole number, halves away from zero (2.5 -> 3, -2.5 -> -3), exactly.
double RoundHalfAwayFromZero(double value);

/// A share as a percentage: whole percent ("62%"); one decimal below 1% and between 99% and 100%
/// ("0.5%", "99.6%"), so a small non-zero share never reads "0%" and a shortfall never reads "100%"
/// (at least "0.1%", at most "99.9%"). Negative shares take a minus sign (U+2212): "−35%".
std::string FormatPercent(double share);

/// US dollars: "$950", "$3,000", "$123,457", then "$1.2 million", "$3.2 billion", "$1 trillion"
/// (one decimal below 100 of the unit, a whole number above; no trailing ".0"). Negative: "−$1.2 billion".
std::string FormatMoney(double usd);
/// FormatMoney in `wording`'s units and words (null = English): e.g. "12億ドル".
std::string FormatMoney(double usd, const Wording* wording);

/// A multiple such as a price index: one decimal below 10 ("2.3"), whole above ("12"); no trailing ".0".
std::string FormatMultiple(double value);

}  // namespace kz
