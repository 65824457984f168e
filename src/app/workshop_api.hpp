// The workshop's page API (kizuna.workshop in web/js/api.js) as JSON in and out, so it is testable
// natively: one entry point taking a command name and a JSON argument object.
#pragma once

#include <string>
#include <string_view>

#include "app.hpp"

namespace kz {

/// Runs `command` with `argJson` (an object, "" = {}) against the app's workshop and returns JSON:
///   state                      { active, exercise, title, localTitle (the UI's language), round, rounds, role, team, teams: [{ id,
///                                name, label (in the UI's language), region, decides, decided }], injects: [{ id, round, text }],
///                                link, code, roundCode }  (injects: those the viewer sees)
///   enterCode { code }         problems
///   decide { team, values }    problems (hot-seat: the facilitator enters a team's decision)
///   advance                    problems
///   undoRound                  { undone }
///   teamLink { team }          { link (this round's), stableLink (the whole exercise's), joinCode } or problems
///   catchUp { code }           problems (a team's page catches up to the round a round code publishes)
///   setDraft { values }        problems (a team's draft, lever path -> value)
///   teamView                   the team page's content (workshop_team_view.hpp) or problems
///   preview                    { current, withDraft } (each { own, score, loss, policyCost }) or problems
///   submit                     { code } or problems
///   debrief                    { played, noCooperation, fullCooperation (each { collective, hash,
///                                teams: [{ team, own, score }] }), effects (each with
///                                seen: what the team view showed when the team decided), lessons, timeline } or problems
///   debriefCsv                 { csv } or problems
///   leave                      {}
/// Unknown commands and malformed arguments are problems.
std::string WorkshopCommand(App& app, std::string_view command, std::string_view argJson);

}  // namespace kz
