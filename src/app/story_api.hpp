// The story's page API (kizuna.story in web/js/api.js) as JSON in and out, so it is testable
// natively: one entry point taking a command name and a JSON argument object.
#pragma once

#include <string>
#include <string_view>

#include "app.hpp"

namespace kz {

/// Runs `command` with `argJson` (an object, "" = {}) against the app's story and returns JSON:
///   state                     { preset, presenting, current (0-based), count, steps: [{ caption, figure (id or "") }] }
///   add { caption, figure }   problems: adds what is on screen as a step (figure: "worst", "recovery",
///                             "loss", "difference" or "" / absent)
///   present { step }          problems: presents from step (0-based, default 0)
///   next / previous           { moved }: steps as the arrow keys do
///   leave                     {}: leaves presenting
///   window { shown }          {}: opens or closes the Story window
/// Unknown commands and malformed arguments are problems.
std::string StoryCommand(App& app, std::string_view command, std::string_view argJson);

}  // namespace kz
