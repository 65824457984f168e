// The headline: three or four big figures that tell the scenario's story at a glance (the worst
// supply of its subject and when, the months to recover, the value added lost and, with a
// comparison, the difference in words). Measured on the chart's own series (Results::fulfilment)
// so its words always agree with what the chart shows; the value lost is the findings' (the core's
// output account). Data only: the findings panel draws it, the page's summary() reports it.
#pragma once

#include <string>
#include <vector>

#include "state/catalog.hpp"
#include "state/session.hpp"

namespace kz {

/// One big figure: its value in large type and a caption under it.
struct HeadlineFigure {
  std::string id;       ///< "worst", "recovery", "loss" or "difference" (stable: tests and the page)
  std::string value;    ///< e.g. "12%", "14 months", "$3.2 billion", "$1.1 billion less lost"
  std::string caption;  ///< e.g. "lowest supply of NdFeB magnets in Japan, month 8"
};

struct Headline {
  bool shown = false;          ///< false until a scenario is loaded
  int region = 0;              ///< the subject (indices into the results), as SubjectOf chose it
  int good = 0;
  std::string regionId;
  std::string goodId;
  double worstShare = 1.0;     ///< lowest fulfilment of the subject (the chart's value at worstMonth)
  int worstMonth = 0;          ///< first month at that share
  int recoveryMonth = -1;      ///< first month after which it stays at or above kShortageShare; -1 = not within the horizon
  double endShare = 1.0;       ///< fulfilment in the last month
  bool shortage = false;       ///< worstShare < kShortageShare
  double valueLostUsd = 0.0;   ///< value added lost worldwide (findings' TotalLoss); NaN when unknown
  bool hasComparison = false;
  double comparisonValueLostUsd = 0.0;  ///< the comparison's value added lost, on the same reference
  std::string aName;           ///< the scenario (A): its title
  std::string bName;           ///< the comparison (B) as named on screen ("" = none)
  std::string warning;         ///< why A vs B may not compare like with like ("" = none)
  std::vector<HeadlineFigure> figures;  ///< 3 (4 with a comparison), in reading order
};

/// The headline of the session's results in `words`' language (empty when nothing is loaded).
Headline HeadlineOf(const Session& session, const UiText& words);

}  // namespace kz
