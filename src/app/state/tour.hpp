// The first-visit tour: four short steps (what you see, try a lever, compare, share) that point at
// the screen's own controls, skippable at any step. Whether it is offered is the platform's call
// (the browser remembers a dismissed tour); Help > Getting started brings it back. Data only: the
// steps' words and where each points; panel_tour draws it.
#pragma once

#include <string>
#include <vector>

#include "kizuna/scenario.hpp"
#include "state/catalog.hpp"

namespace kz {

/// One step: its title and text in the UI's language, and the landmark it points at
/// (ui_landmarks: "headline", "levers-window", "compare-picker", "share").
struct TourStep {
  std::string id;        ///< "see", "lever", "compare", "share" (stable: tests)
  std::string title;
  std::string text;
  std::string landmark;
  /// Where `landmark` is folded away when it is not drawn: the compact menu bar's one menu
  /// ("more-menu") holds Compare and Share on a phone or a narrow window. "" = nowhere.
  std::string foldedInto;
};

/// The steps for `scenario` in `words`' language; the lever step carries the scenario's "try this"
/// prompt when it has one.
std::vector<TourStep> TourSteps(const Scenario& scenario, const UiText& words);

/// Where the reader is in the tour.
class Tour {
 public:
  /// Shows the tour from its first step.
  void Start() {
    shown = true;
    current = 0;
  }
  /// The next step, or the end (dismissed) after the last.
  void Next(int stepCount);
  void Back() {
    if (current > 0) --current;
  }
  /// Skipped or finished: hidden, and the platform is told once (TakeDismissed) to remember it.
  void Dismiss();
  bool Shown() const { return shown; }
  int Step() const { return current; }
  /// Whether the tour was dismissed since the last call (then cleared).
  bool TakeDismissed();

 private:
  bool shown = false;
  int current = 0;
  bool dismissedPending = false;
};

}  // namespace kz
