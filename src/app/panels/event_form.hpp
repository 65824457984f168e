// The "Add a shock" form of the levers panel: kind, where, what, how strong, when and for how long.
// It only builds an Event; the session validates and adds it (so the form cannot break a scenario).
#pragma once

#include <optional>

#include "kizuna/scenario.hpp"

namespace kz {

struct EventFormState {
  bool open = false;
  int kind = 0;         // EventKind
  int region = 0;       // affected region (seller for restrictions and chokepoints)
  int target = -1;      // buyer region for restrictions and chokepoints; -1 = everyone else
  int good = 0;
  float strength = 0.5f;
  int start = 1;
  int duration = 6;
  int recoveryMonths = 0;
  char name[128] = "";  // UTF-8, as typed or composed by an IME; "" = a name that says what it is
};

/// The event the form describes, with an id not yet used in `scenario` and the name the user typed,
/// or else one that says what it is, in English and Japanese ("Capacity loss: Japan, NdFeB magnets").
Event EventFromForm(const Scenario& scenario, const EventFormState& form);

/// The region with the most capacity for `good` (index into scenario.regions; 0 when none makes it).
int LargestProducer(const Scenario& scenario, int good);

/// Draws the form (a button that opens it, then its fields); returns an event when the user pressed
/// Add. The form opens on `selectedGood` at its largest producer: a shock to what the user is looking at.
std::optional<Event> DrawEventForm(const Scenario& scenario, int selectedGood, EventFormState& state);

}  // namespace kz
