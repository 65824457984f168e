// Workshop mode in the app: one tabletop exercise (kizuna/exercise.hpp) being played, seen either by
// the facilitator (who enters decision codes, or every team's decisions on one screen, and advances
// rounds) or by one team (its briefing, injects and levers, a preview, and the code it submits). The
// session travels as a link ("w..."); a team's link adds ".<team id>". No ImGui here: panels read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/exercise.hpp"
#include "state/catalog.hpp"

namespace kz {

class Workshop {
 public:
  /// Opens `exercise` at the start: round 1, no decisions, seen by the facilitator.
  void Start(Exercise exercise);
  /// Opens a played session (a session link already checked against `exercise`) as `team`
  /// (-1 = the facilitator).
  void Resume(Exercise exercise, Play play, int team);
  void Close() { active = false; }
  bool Active() const { return active; }

  const Exercise& exercise() const { return ex; }
  const Play& play() const { return played; }
  int Round() const { return played.CurrentRound(); }
  bool LastRound() const { return Round() >= ex.rounds; }
  /// The team this screen plays, or -1 for the facilitator.
  int Team() const { return team; }
  bool Facilitating() const { return team < 0; }
  /// Changes with every decision, round and undo: the common picture is re-run then.
  int Version() const { return version; }

  /// The session so far, and a team's link to it.
  std::string SessionLink() const;
  std::string TeamLink(int teamIndex) const;
  /// A team's link for the whole exercise (the same every round) and its join code.
  std::string StableTeamLink(int teamIndex) const;
  std::string JoinCode(int teamIndex) const;
  /// The round code teams type to catch up to the open round (kizuna/exercise.hpp).
  std::string RoundCode() const;
  /// A team's page catches up to the round a round code publishes. Problems (path "code.<fault>",
  /// worded in the UI's language) leave the session as it was: a code this page cannot read, one
  /// for an earlier round than the page's ("code.older"), or the round the page shows ("code.same").
  std::vector<Problem> CatchUp(std::string_view code);

  // The facilitator's commands. Problems leave the session as it was.
  std::vector<Problem> EnterCode(std::string_view code);
  /// Hot-seat: the facilitator enters `teamIndex`'s decision directly (replacing one already made).
  std::vector<Problem> Decide(int teamIndex, const DecisionSteps& steps);
  std::vector<Problem> Advance();
  bool UndoRound();
  /// Whether `teamIndex` has decided in the open round.
  bool Decided(int teamIndex) const;

  // A team's draft for the open round, its preview and its code.
  DecisionSteps& Draft() { return draft; }
  const DecisionSteps& Draft() const { return draft; }
  /// Sets one lever of the draft by value (snapped to the lever's nearest step).
  std::vector<Problem> SetDraftValue(std::string_view path, double value);
  Expected<DecisionPreview> Preview() const;
  /// The decision code of the draft for the open round (also kept as LastCode()).
  std::string Submit();
  const std::string& LastCode() const { return lastCode; }

  /// The common picture at the open round (injects and decisions so far); InjectScope::Public
  /// leaves out private injects' events (a projected screen's picture).
  Expected<Scenario> CommonPicture(InjectScope scope = InjectScope::All) const;
  /// The debrief of the rounds played so far (cached until the session changes).
  const Expected<Debrief>& CurrentDebrief() const;

  /// The language of the problems the workshop words for the UI (English until set).
  void SetLanguage(Language language) { words = UiText(language); }

 private:
  UiText words;
  void Changed();
  void ResetDraft();

  bool active = false;
  Exercise ex;
  Play played;
  int team = -1;
  int version = 0;
  DecisionSteps draft;
  std::string lastCode;
  mutable std::optional<Expected<Debrief>> debrief;
  mutable int debriefVersion = -1;
};

/// What a user reads for a problem with a round or join code (path "code.<fault>", as the core's
/// DecodeRoundCode and DecodeJoinCode give them), in `words`' language; `joinCode` names the code.
std::string CodeFaultText(const UiText& words, const Problem& problem, bool joinCode);

/// Splits a team link "w...<.team>" into the session fragment and the team id ("" when none).
std::pair<std::string, std::string> SplitTeamLink(std::string_view text);

}  // namespace kz
