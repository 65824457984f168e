// A coalition analysis in words, for a room rather than a game theorist: what the framework is worth
// to its members, who gains most and least, what each member pays or receives in a fair split, who
// would rather stay out, whose membership costs the others (so a stable deal asks it to contribute),
// whether the deal holds, and what it does to countries outside. Each sentence carries the game
// theory behind it (Shapley value, v(S), core) for a tooltip. Built from the core's CoalitionView
// only; data, no drawing (panel_analysis draws it).
#pragma once

#include <string>
#include <vector>

#include "kizuna/coalition_analysis.hpp"
#include "kizuna/scenario.hpp"
#include "state/catalog.hpp"

namespace kz {

/// A sentence in plain words and the technical reading behind it (a tooltip; may be "").
struct CoalitionSentence {
  std::string text;
  std::string detail;
};

/// One candidate member, its figures (USD of welfare over the horizon, against the scenario without
/// the framework) and what they mean in words.
struct CoalitionMemberText {
  std::string regionId;
  std::string name;           ///< the region's name in the UI's language
  double ownGain = 0.0;       ///< its own welfare change with every candidate in (gainInside)
  double fairShare = 0.0;     ///< its Shapley value
  double transfer = 0.0;      ///< fairShare - ownGain: > 0 it receives this from the others, < 0 it pays
  double stayOutGain = 0.0;   ///< ownGain minus its gain when the others go ahead without it (incentive to join)
  double costToOthers = 0.0;  ///< the others' gain without it minus their gain with it; > 0: it costs them
  CoalitionSentence sentence; ///< its paragraph: gain, payment, staying out, effect on the others
};

struct CoalitionText {
  bool ready = false;          ///< false until the analysis is complete
  std::string frameworkName;   ///< the framework's display name (its id when the scenario lacks it)
  double negligibleUsd = 0.0;  ///< amounts at or below this read as "no noticeable difference"
  int most = -1;               ///< the member that gains most (index into members), -1 with one member
  int least = -1;              ///< the member that gains least (loses most), -1 with one member
  CoalitionSentence overview;  ///< the framework's worth to the members, who gains most and least
  CoalitionSentence stability; ///< whether the fair split holds, or which group would break away
  CoalitionSentence outsiders; ///< the effect on non-members ("" text when there are none)
  std::vector<CoalitionMemberText> members;  ///< in the analysis' candidate order
};

/// The analysis `view` (of a framework of `scenario`) in `words`' language. Not ready while the
/// analysis runs (partial views have no Shapley values yet).
CoalitionText DescribeCoalition(const CoalitionView& view, const Scenario& scenario, const UiText& words);

/// The framework's display name in `words`' language; its id when the scenario has no such framework.
std::string FrameworkDisplayName(const Scenario& scenario, const std::string& frameworkId, const UiText& words);

}  // namespace kz
