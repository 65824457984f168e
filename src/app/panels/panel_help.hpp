// The Help window: about this build, the sources behind the current scenario's numbers, what the
// model is (and is not) with a link to the full model card, and the keyboard shortcuts.
#pragma once

#include <optional>
#include <string>

#include "kizuna/scenario.hpp"
#include "panels/panel_about.hpp"

namespace kz {

struct HelpPanelState {
  char filter[64] = "";
};

/// Draws the help tabs inside the current window. Returns a URL the user asked to open (the model
/// card or a source's page), for the platform to open in a new tab.
std::optional<std::string> DrawHelpPanel(const Scenario& scenario, const std::vector<AboutRow>& about, HelpPanelState& state);

/// The site-relative address of the model card (docs/MODEL.md, copied into the site by the build).
inline constexpr const char* kModelCardUrl = "MODEL.md";

}  // namespace kz
