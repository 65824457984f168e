// Workshop: the app's hold on an exercise being played; every rule lives in the core.
#include "state/workshop.hpp"

#include <utility>

#include "state/catalog.hpp"

namespace kz {

void Workshop::Start(Exercise exercise) {
  Play play = StartPlay(exercise);
  Resume(std::move(exercise), std::move(play), -1);
}

void Workshop::Resume(Exercise exercise, Play play, int teamIndex) {
  ex = std::move(exercise);
  played = std::move(play);
  team = teamIndex;
  active = true;
  lastCode.clear();
  Changed();
}

void Workshop::Changed() {
  ++version;
  ResetDraft();
}

// A team's draft starts from the values in effect: its decision this round, else its last ones.
void Workshop::ResetDraft() {
  draft.clear();
  if (team >= 0) draft = StepsAfterRound(ex, played, Round())[static_cast<std::size_t>(team)];
}

std::string Workshop::SessionLink() const { return EncodeSessionLink(ex, played); }

std::string Workshop::TeamLink(int teamIndex) const {
  return SessionLink() + "." + ex.teams[static_cast<std::size_t>(teamIndex)].id;
}

std::string Workshop::StableTeamLink(int teamIndex) const { return kz::StableTeamLink(ex, teamIndex); }

std::string Workshop::JoinCode(int teamIndex) const { return EncodeJoinCode(ex, teamIndex); }

std::string Workshop::RoundCode() const { return EncodeRoundCode(ex, played); }

// The code is the facilitator's whole session up to its open round: it replaces this page's, which
// holds no decisions of its own (a team's submitted decision travels as its decision code).
std::vector<Problem> Workshop::CatchUp(std::string_view code) {
  if (team < 0) return {{"code.facilitator", words.Tr("workshop.round-code.facilitator")}};
  Expected<Play> decoded = DecodeRoundCode(ex, code);
  if (!decoded) return {{decoded.problems().front().path, CodeFaultText(words, decoded.problems().front(), false)}};
  const std::string round = std::to_string(decoded.value().CurrentRound());
  if (decoded.value().CurrentRound() < Round()) {
    return {{"code.older", words.TrFormat("workshop.round-code.older", {{"round", round}, {"current", std::to_string(Round())}})}};
  }
  if (decoded.value() == played) return {{"code.same", words.TrFormat("workshop.round-code.same", {{"round", round}})}};
  played = std::move(decoded.value());
  lastCode.clear();
  Changed();
  return {};
}

std::string CodeFaultText(const UiText& words, const Problem& problem, bool joinCode) {
  const std::string what = words.Tr(joinCode ? "workshop.join-code.name" : "workshop.round-code.name");
  const std::string& fault = problem.path;
  // Literal keys, one per fault the core names (the catalog test finds them in the code).
  const char* key = fault == "code.too-long"        ? "workshop.code-fault.too-long"
                    : fault == "code.characters"    ? "workshop.code-fault.characters"
                    : fault == "code.empty"         ? "workshop.code-fault.empty"
                    : fault == "code.length"        ? "workshop.code-fault.length"
                    : fault == "code.kind-decision" ? "workshop.code-fault.kind-decision"
                    : fault == "code.kind-round"    ? "workshop.code-fault.kind-round"
                    : fault == "code.kind-join"     ? "workshop.code-fault.kind-join"
                    : fault == "code.format"        ? "workshop.code-fault.format"
                    : fault == "code.exercise"      ? "workshop.code-fault.exercise"
                    : fault == "code.range"         ? "workshop.code-fault.range"
                                                    : "workshop.code-fault.checksum";
  return words.TrFormat(key, {{"what", what}});
}

std::vector<Problem> Workshop::EnterCode(std::string_view code) {
  Expected<DecisionCode> entered = EnterDecisionCode(ex, played, code);
  if (!entered) return entered.problems();
  Changed();
  return {};
}

std::vector<Problem> Workshop::Decide(int teamIndex, const DecisionSteps& steps) {
  Play attempt = played;
  ClearDecision(attempt, teamIndex);
  if (std::vector<Problem> problems = RecordDecision(ex, attempt, teamIndex, steps); !problems.empty()) return problems;
  played = std::move(attempt);
  Changed();
  return {};
}

std::vector<Problem> Workshop::Advance() {
  if (std::vector<Problem> problems = AdvanceRound(ex, played); !problems.empty()) return problems;
  Changed();
  return {};
}

bool Workshop::UndoRound() {
  if (!kz::UndoRound(played)) return false;
  Changed();
  return true;
}

bool Workshop::Decided(int teamIndex) const {
  if (played.rounds.empty()) return false;
  const std::vector<DecisionSteps>& decisions = played.rounds.back().decisions;
  return teamIndex >= 0 && teamIndex < static_cast<int>(decisions.size()) && !decisions[static_cast<std::size_t>(teamIndex)].empty();
}

std::vector<Problem> Workshop::SetDraftValue(std::string_view path, double value) {
  if (team < 0) return {{"", words.Tr("workshop.no-draft-choose-team")}};
  const std::vector<ExerciseLever>& levers = ex.teams[static_cast<std::size_t>(team)].levers;
  for (std::size_t i = 0; i < levers.size(); ++i) {
    if (levers[i].path != path) continue;
    if (value < levers[i].min || value > levers[i].max) {
      return {{std::string(path), words.TrFormat("workshop.lever-out-of-range", {{"min", std::to_string(levers[i].min)}, {"max", std::to_string(levers[i].max)}})}};
    }
    draft[i] = levers[i].NearestStep(value);
    return {};
  }
  return {{std::string(path), words.Tr("workshop.not-a-team-lever")}};
}

Expected<DecisionPreview> Workshop::Preview() const {
  if (team < 0) return std::vector<Problem>{{"", words.Tr("workshop.no-draft")}};
  return PreviewDecision(ex, played, team, draft);
}

std::string Workshop::Submit() {
  lastCode = EncodeDecisionCode(ex, DecisionCode{Round(), team, draft});
  return lastCode;
}

Expected<Scenario> Workshop::CommonPicture(InjectScope scope) const { return ScenarioAtRound(ex, played, Round(), scope); }

const Expected<Debrief>& Workshop::CurrentDebrief() const {
  if (!debrief || debriefVersion != version) {
    debrief = MakeDebrief(ex, played);
    debriefVersion = version;
  }
  return *debrief;
}

std::pair<std::string, std::string> SplitTeamLink(std::string_view text) {
  const std::size_t dot = text.rfind('.');
  if (dot == std::string_view::npos) return {std::string(text), ""};
  return {std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

}  // namespace kz
