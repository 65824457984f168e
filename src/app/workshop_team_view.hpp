// What a team's phone page (web/js/team_page.js) shows, as one JSON object in the UI's language:
// the page draws it in HTML (native text, wrapping, screen readers) instead of the ImGui team panel.
#pragma once

#include <string>

#include "state/workshop.hpp"

namespace kz {

/// The viewing team's page: { title, team: { id, name, briefing, objectives }, exerciseBriefing,
/// round, rounds, firstMonth, lastMonth, decides, decided, injects: [{ round, text, private }] (newest
/// first, those the team sees), levers: [{ path, label, min, max, step, steps, value, yesNo }] (value:
/// the draft's), preview: { now, with, nowText, withText } or { problem }, code }. Words in the
/// current UI language (catalog and exercise texts). Requires a team view (Team() >= 0).
std::string TeamViewJson(const Workshop& workshop);

}  // namespace kz
