// Explain: why a region is short of a good in a month, and which levers would address it. The
// engine records the binding constraint of every shortfall (Results::binding); Explain follows it
// upstream (a missing input leads to that input's own constraint at the producer, a few hops at
// most) and picks levers of the scenario (kizuna/levers.hpp) by rule. English text, from the same
// table as the Key findings; the chain carries the ids and indices for translation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// The most upstream hops Explain follows (vehicles -> chips -> wafers -> ...).
inline constexpr int kMaxExplainHops = 5;

/// One link of the chain: `good` is short in `region` because of `constraint`.
struct ExplainStep {
  std::string region;      ///< region id where the good is short
  std::string good;        ///< good id
  Constraint constraint;   ///< the binding constraint recorded for (month, region, good)
  std::string seller;      ///< region id where the constraint sits (constraint.region), or empty
  std::string input;       ///< InputShortage: the missing input's good id, or empty
  std::string effect;      ///< event-driven kinds: the event's English name (else EffectName), or empty
  std::string text;        ///< one English sentence
};

/// A lever that would address the shortage, with why.
struct LeverSuggestion {
  std::string path;    ///< a lever path that exists in the scenario (ListLevers)
  double value = 0.0;  ///< its current value
  std::string reason;  ///< one short English sentence
};

struct Explanation {
  std::string region;                   ///< the region asked about (id)
  std::string good;                     ///< the good asked about (id)
  int month = 0;
  double fulfilment = 1.0;              ///< share of the region's whole need for the good met that month
  std::vector<ExplainStep> chain;       ///< empty when nothing is short; else from the good asked about upstream
  std::vector<LeverSuggestion> levers;  ///< in rule order (stocks, lag, re-sourcing, capacity, event, frameworks)
  std::string text;                     ///< the opening sentence and the chain's sentences
};

/// Explains the shortage of `good` in `region` in `month` of `results`, a run of `scenario`.
/// Problems (user input): unknown region or good id, month outside 0..months-1. The text is in
/// `wording`'s language (null = English; kizuna/findings.hpp), which must outlive the call.
Expected<Explanation> Explain(const Scenario& scenario, const Results& results, std::string_view region,
                              std::string_view good, int month, const Wording* wording = nullptr);

}  // namespace kz
