// The first-visit tour's steps and progress (see tour.hpp).
#include "state/tour.hpp"

namespace kz {

std::vector<TourStep> TourSteps(const Scenario& scenario, const UiText& words) {
  std::string lever = words.Tr("help.tour.lever-text");
  const std::string& prompt = words.LocalText(scenario.presentation.tryThis);
  if (!prompt.empty()) lever += "\n\n" + words.TrFormat("help.tour.try-this", {{"prompt", prompt}});
  return {
      {"see", words.Tr("help.tour.see-title"), words.Tr("help.tour.see-text"), "headline", ""},
      {"lever", words.Tr("help.tour.lever-title"), lever, "levers-window", ""},
      {"compare", words.Tr("help.tour.compare-title"), words.Tr("help.tour.compare-text"), "compare-picker", "more-menu"},
      {"share", words.Tr("help.tour.share-title"), words.Tr("help.tour.share-text"), "share", "more-menu"},
  };
}

void Tour::Next(int stepCount) {
  if (current + 1 < stepCount) ++current;
  else Dismiss();
}

void Tour::Dismiss() {
  if (shown) dismissedPending = true;
  shown = false;
}

bool Tour::TakeDismissed() {
  const bool was = dismissedPending;
  dismissedPending = false;
  return was;
}

}  // namespace kz
