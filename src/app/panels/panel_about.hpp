// The About panel: what this build is and how fast it draws. The rows are computed apart from the
// drawing so tests can check what the panel says without rendering it.
#pragma once

#include <string>
#include <vector>

#include "kizuna/version.hpp"

namespace kz {

/// What the About panel shows, in order: a label and its value.
struct AboutRow {
  std::string label;
  std::string value;
};

/// The panel's rows for a build and the measured frame time (ms) and UI scale.
std::vector<AboutRow> AboutRows(const BuildInfo& build, double frameMs, float uiScale);

/// Draws the rows as a two-column table inside the current window.
void DrawAboutPanel(const std::vector<AboutRow>& rows);

}  // namespace kz
