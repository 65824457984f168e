// The workshop's panels (panel_workshop.hpp). Every label comes from the catalogs (workshop.*) and
// every exercise text (titles, team names, briefings, injects, lever labels) is shown in the UI's
// language through LocalName.
#include "panels/panel_workshop.hpp"

#include <algorithm>
#include <cstdio>
#include <span>

#include "state/catalog.hpp"
#include "state/facilitator_view.hpp"
#include "imgui.h"
#include "panels/plot.hpp"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

const ImVec4 kProblemColour(1.0f, 0.6f, 0.3f, 1.0f);
const ImVec4 kDoneColour(0.5f, 0.9f, 0.5f, 1.0f);

void Wrapped(const std::string& text) { WrappedLabel(text.c_str()); }

// An exercise text in the UI's language ("" when it has none).
const std::string& Local(const LocalizedText& text) {
  static const std::string kNone;
  return LocalName(text, kNone);
}

const std::string& Label(const ExerciseLever& lever) { return LocalName(lever.label, lever.path); }
const std::string& TeamName(const ExerciseTeam& team) { return LocalName(team.name, team.id); }

// A team's name by id (the core's outcomes and effects name teams by id).
std::string TeamNameOf(const Exercise& ex, const std::string& id) {
  const int index = ex.TeamIndex(id);
  return index < 0 ? id : TeamName(ex.teams[static_cast<std::size_t>(index)]);
}

std::string Money(double usd) { return plot::FormatUsd(usd); }

// The catalog key that words a debrief lesson (literal keys: the catalog test finds them in the code).
const char* LessonTextKey(DebriefLesson::Kind kind) {
  switch (kind) {
    case DebriefLesson::Kind::MostGained: return "workshop.lesson.most-gained";
    case DebriefLesson::Kind::MostPaid: return "workshop.lesson.most-paid";
    case DebriefLesson::Kind::LeftOnTable: return "workshop.lesson.left-on-table";
    case DebriefLesson::Kind::BeatFull: return "workshop.lesson.beat-full";
    case DebriefLesson::Kind::BestDecision: return "workshop.lesson.best-decision";
    case DebriefLesson::Kind::PaidForOthers: return "workshop.lesson.paid-for-others";
  }
  return "workshop.lesson.most-gained";
}
std::string SignedMoney(double usd) { return (usd > 0 ? "+" : "") + Money(usd); }

void Say(WorkshopPanelState& state, const std::vector<Problem>& problems, const std::string& done) {
  state.messageIsProblem = !problems.empty();
  state.message = problems.empty() ? done : problems.front().message;
}

// A lever's allowed values as a slider over its steps, labelled with the value.
bool StepSlider(const ExerciseLever& lever, int& step) {
  char value[32];
  std::snprintf(value, sizeof value, "%g", lever.ValueAt(step));
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.45f);
  const bool changed = ImGui::SliderInt(("##" + lever.path).c_str(), &step, 0, lever.Steps() - 1, value, ImGuiSliderFlags_AlwaysClamp);
  MarkLastItem(("workshop-lever:" + lever.path).c_str());
  ImGui::SameLine();
  ImGui::TextUnformatted(Label(lever).c_str());
  return changed;
}

void RoundHeading(const Workshop& workshop) {
  const Exercise& ex = workshop.exercise();
  const int start = ex.RoundStartMonth(workshop.Round());
  ImGui::TextUnformatted(TrFormat("workshop.round-heading", {{"round", std::to_string(workshop.Round())},
                                                          {"rounds", std::to_string(ex.rounds)},
                                                          {"first", std::to_string(start)},
                                                          {"last", std::to_string(start + ex.monthsPerRound - 1)}})
                             .c_str());
}

// The injects a team sees: all so far that reach it (the facilitator's: FacilitatorNews).
void Injects(const Workshop& workshop, bool onlyThisRound) {
  const Exercise& ex = workshop.exercise();
  const std::string teamId = workshop.Team() >= 0 ? ex.teams[static_cast<std::size_t>(workshop.Team())].id : "";
  bool any = false;
  for (auto it = ex.injects.rbegin(); it != ex.injects.rend(); ++it) {
    const Inject& inject = *it;
    if (inject.round > workshop.Round() || (onlyThisRound && inject.round != workshop.Round())) continue;
    if (!teamId.empty() && !inject.VisibleTo(teamId)) continue;
    any = true;
    ImGui::Bullet();
    if (inject.teams.empty()) Wrapped(Local(inject.text));
    else Wrapped(TrFormat("workshop.inject-private", {{"text", Local(inject.text)}}));
  }
  if (!any) ImGui::TextDisabled("%s", Tr("workshop.no-news"));
}

// An inject as the facilitator's screen lists it, marked so tests can tell what the room saw.
void InjectLine(const Inject& inject) {
  ImGui::Bullet();
  if (inject.teams.empty()) Wrapped(Local(inject.text));
  else Wrapped(TrFormat("workshop.inject-private", {{"text", Local(inject.text)}}));
  MarkLastItem(("workshop-inject:" + inject.id).c_str());
}

// This round's news on the facilitator's screen: the public injects for the room; the private ones
// only when the presenter view is off, under a heading that says they are not for the room.
void FacilitatorNews(const Workshop& workshop, WorkshopPanelState& state) {
  const Exercise& ex = workshop.exercise();
  ImGui::Checkbox(TrId("workshop.presenter-view", "presenter-view").c_str(), &state.presenterView);
  MarkLastItem("workshop-presenter-view");
  ImGui::SetItemTooltip("%s", Tr("workshop.presenter-view.tip"));
  ImGui::SeparatorText(Tr("workshop.news-this-round"));
  bool any = false;
  for (const Inject* inject : FacilitatorInjects(ex, workshop.Round(), true)) {
    InjectLine(*inject);
    any = true;
  }
  if (!any) ImGui::TextDisabled("%s", Tr("workshop.no-news"));
  const int hidden = PrivateInjectCount(ex, workshop.Round());
  if (hidden == 0) return;
  if (state.presenterView) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    Wrapped(TrFormat("workshop.private-hidden", {{"count", std::to_string(hidden)}}));
    ImGui::PopStyleColor();
    return;
  }
  ImGui::SeparatorText(Tr("workshop.private-heading"));
  for (const Inject* inject : FacilitatorInjects(ex, workshop.Round(), false)) {
    if (!inject->teams.empty()) InjectLine(*inject);
  }
}

// Who has decided, as the room reads it: "3 of 4 teams have decided".
void DecisionTallyLine(const Workshop& workshop) {
  const DecisionTally tally = TallyDecisions(workshop);
  const std::string text = TrFormat("workshop.tally", {{"decided", std::to_string(tally.decided)}, {"deciding", std::to_string(tally.deciding)}});
  if (tally.deciding > 0 && tally.decided == tally.deciding) ImGui::TextColored(kDoneColour, "%s", text.c_str());
  else ImGui::TextUnformatted(text.c_str());
  MarkLastItem(("workshop-tally:" + std::to_string(tally.decided)).c_str());
}

void TeamStatus(const Workshop& workshop, int teamIndex, WorkshopPanelState& state) {
  const ExerciseTeam& team = workshop.exercise().teams[static_cast<std::size_t>(teamIndex)];
  ImGui::PushID(teamIndex);
  const std::pair<std::string_view, std::string> name{"team", TeamName(team)};
  if (!team.DecidesIn(workshop.Round())) ImGui::TextDisabled("%s", TrFormat("workshop.team.not-deciding", {name}).c_str());
  else if (workshop.Decided(teamIndex)) ImGui::TextColored(kDoneColour, "%s", TrFormat("workshop.team.decided", {name}).c_str());
  else ImGui::TextUnformatted(TrFormat("workshop.team.waiting", {name}).c_str());
  MarkLastItem(((workshop.Decided(teamIndex) ? "workshop-decided:" : "workshop-waiting:") + team.id).c_str());
  if (team.DecidesIn(workshop.Round())) {
    ImGui::SameLine();
    if (ImGui::SmallButton(TrId("workshop.hotseat.open", "hotseat").c_str())) {
      state.hotSeatTeam = teamIndex;
      state.hotSeatSteps = StepsAfterRound(workshop.exercise(), workshop.play(), workshop.Round())[static_cast<std::size_t>(teamIndex)];
    }
    MarkLastItem(("workshop-hotseat:" + team.id).c_str());
  }
  ImGui::PopID();
}

// Hot-seat: one screen enters a team's decision, e.g. when teams sit at one table.
void HotSeat(Workshop& workshop, WorkshopPanelState& state) {
  const ExerciseTeam& team = workshop.exercise().teams[static_cast<std::size_t>(state.hotSeatTeam)];
  ImGui::SeparatorText(TrFormat("workshop.hotseat.title", {{"team", TeamName(team)}}).c_str());
  for (std::size_t i = 0; i < team.levers.size(); ++i) StepSlider(team.levers[i], state.hotSeatSteps[i]);
  if (ImGui::Button(TrId("workshop.hotseat.record", "record").c_str())) {
    Say(state, workshop.Decide(state.hotSeatTeam, state.hotSeatSteps), TrFormat("workshop.hotseat.recorded", {{"team", TeamName(team)}}));
    state.hotSeatTeam = -1;
  }
  MarkLastItem("workshop-record");
  ImGui::SameLine();
  if (ImGui::Button(TrId("workshop.cancel", "cancel").c_str())) state.hotSeatTeam = -1;
}

// A code field and the button that sends it on one line, each marked with its landmark (the tests
// find them by these names). True when the code is sent: the button, or Enter in the field.
bool CodeEntryRow(const char* fieldId, const char* hint, std::span<char> code, const char* fieldLandmark,
                  const std::string& buttonLabel, const char* buttonLandmark) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  const bool entered = ImGui::InputTextWithHint(fieldId, hint, code.data(), code.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  MarkLastItem(fieldLandmark);
  ImGui::SameLine();
  const bool pressed = ImGui::Button(buttonLabel.c_str());
  MarkLastItem(buttonLandmark);
  return pressed || entered;
}

// The panel's last message under a code row (a problem in the problem colour).
void LastMessage(const WorkshopPanelState& state) {
  if (state.message.empty()) return;
  if (state.messageIsProblem) ImGui::PushStyleColor(ImGuiCol_Text, kProblemColour);
  Wrapped(state.message);
  if (state.messageIsProblem) ImGui::PopStyleColor();
}

void CodeEntry(Workshop& workshop, WorkshopPanelState& state) {
  ImGui::SeparatorText(Tr("workshop.codes"));
  if (CodeEntryRow("##code", Tr("workshop.code.hint"), state.code, "workshop-code", TrId("workshop.code.enter", "enter-code"),
                   "workshop-enter-code")) {
    const std::vector<Problem> problems = workshop.EnterCode(state.code);
    state.messageIsProblem = !problems.empty();
    state.message = problems.empty() ? TrFormat("workshop.code.entered", {{"code", state.code}})
                                     : DescribeCodeProblem(workshop, state.code, problems.front());
    if (problems.empty()) state.code[0] = '\0';
  }
  LastMessage(state);
}

// Once a round has closed, the code teams type on their pages to catch up, large enough to read
// from the back of the room (the join sheet gives it as a QR code too).
void RoundCodeLine(const Workshop& workshop) {
  if (workshop.Round() <= 1) return;
  ImGui::TextWrapped("%s", TrFormat("workshop.round-code.show", {{"round", std::to_string(workshop.Round())}}).c_str());
  const std::string code = workshop.RoundCode();  // up to twice the text's size, as wide as the panel allows
  const float width = ImGui::CalcTextSize(code.c_str()).x;
  ImGui::SetWindowFontScale(std::clamp(ImGui::GetContentRegionAvail().x / std::max(width, 1.0f), 1.0f, 2.0f));
  ImGui::TextColored(kDoneColour, "%s", code.c_str());
  ImGui::SetWindowFontScale(1.0f);
  MarkLastItem("workshop-round-code");
}

// Each team's join code: typed on a phone instead of opening the team's link.
void JoinCodes(const Workshop& workshop) {
  const Exercise& ex = workshop.exercise();
  ImGui::TextDisabled("%s", Tr("workshop.join-code.heading"));
  for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) {
    const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(t)];
    ImGui::TextUnformatted(TrFormat("workshop.join-code.line", {{"team", TeamName(team)}, {"code", workshop.JoinCode(t)}}).c_str());
    MarkLastItem(("workshop-join-code:" + team.id).c_str());
  }
}

WorkshopActions FacilitatorPanel(Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  const Exercise& ex = workshop.exercise();
  RoundHeading(workshop);
  RoundCodeLine(workshop);
  if (ImGui::CollapsingHeader(TrId("workshop.briefing", "briefing").c_str())) Wrapped(Local(ex.briefing));
  FacilitatorNews(workshop, state);
  ImGui::SeparatorText(Tr("workshop.teams"));
  DecisionTallyLine(workshop);
  for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) TeamStatus(workshop, t, state);
  if (state.hotSeatTeam >= 0) HotSeat(workshop, state);
  CodeEntry(workshop, state);
  ImGui::SeparatorText(Tr("workshop.round-section"));
  if (!workshop.LastRound()) {
    const std::string label = TrFormat("workshop.advance", {{"round", std::to_string(workshop.Round())}});
    if (ImGui::Button((label + "###advance").c_str())) {
      const std::vector<Problem> problems = workshop.Advance();  // before the message reads the new round
      Say(state, problems, TrFormat("workshop.advanced", {{"round", std::to_string(workshop.Round())}}));
    }
  } else if (ImGui::Button(TrId("workshop.finish", "finish").c_str())) {
    state.showDebrief = true;
  }
  MarkLastItem("workshop-advance");
  ImGui::SameLine();
  if (ImGui::Button(TrId("workshop.undo", "undo").c_str())) {
    const bool undone = workshop.UndoRound();
    Say(state, undone ? std::vector<Problem>{} : std::vector<Problem>{{"", Tr("workshop.nothing-to-undo")}}, Tr("workshop.undone"));
  }
  MarkLastItem("workshop-undo");
  if (ImGui::Button(TrId("workshop.debrief-so-far", "debrief").c_str())) state.showDebrief = true;
  MarkLastItem("workshop-debrief");
  ImGui::SeparatorText(Tr("workshop.links"));
  if (ImGui::Button(TrId("workshop.copy-session-link", "copy-link").c_str())) {
    actions.copy = CopyRequest{"#" + workshop.SessionLink(), Tr("workshop.session-link-copied")};  // the page writes it in full
  }
  MarkLastItem("workshop-copy-link");
  ImGui::SameLine();
  if (ImGui::Button(TrId("workshop.copy-team-links", "copy-team-links").c_str())) {
    std::string text;
    // Each team's link for the whole exercise and its join code. "#fragment" links: the page copies
    // each as the full address (js/links.js withAddresses).
    for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) {
      text += TrFormat("workshop.join-code.copied-line", {{"team", TeamName(ex.teams[static_cast<std::size_t>(t)])},
                                                          {"link", "#" + workshop.StableTeamLink(t)},
                                                          {"code", workshop.JoinCode(t)}}) + "\n";
    }
    actions.copy = CopyRequest{text, Tr("workshop.team-links-copied")};
  }
  MarkLastItem("workshop-copy-team-links");
  JoinCodes(workshop);
  return actions;
}

void PreviewLine(const Workshop& workshop) {
  const Expected<DecisionPreview> preview = workshop.Preview();
  if (!preview) {
    ImGui::TextColored(kProblemColour, "%s", preview.problems().front().message.c_str());
    return;
  }
  const TeamOutcome& now = preview.value().current;
  const TeamOutcome& with = preview.value().withDraft;
  const DecisionValue value = preview.value().Value();
  WrappedLabel(TrFormat("workshop.preview", {{"cost", Money(value.cost)},
                                                         {"saved", Money(value.lossAvoided)},
                                                         {"now", Money(now.own)},
                                                         {"with", Money(with.own)}})
                               .c_str());
  ImGui::TextDisabled("%s", Tr("workshop.preview-basis"));
}

// Next round: the team types the round code the facilitator's screen shows and catches up. A
// mistyped code is named and stays in the field; the session stays as it was.
void RoundCodeEntry(Workshop& workshop, WorkshopPanelState& state) {
  ImGui::SeparatorText(Tr("workshop.phone.catch-up"));
  ImGui::TextDisabled("%s", Tr("workshop.next-round-hint"));
  if (CodeEntryRow("##round-code", Tr("workshop.phone.catch-up-hint"), state.roundCode, "workshop-round-code-field",
                   TrId("workshop.phone.catch-up-button", "catch-up"), "workshop-catch-up")) {
    const std::vector<Problem> problems = workshop.CatchUp(state.roundCode);
    Say(state, problems, TrFormat("workshop.round-code.caught-up", {{"round", std::to_string(workshop.Round())}}));
    if (problems.empty()) state.roundCode[0] = '\0';
  }
  LastMessage(state);
}

WorkshopActions TeamPanel(Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  const Exercise& ex = workshop.exercise();
  const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(workshop.Team())];
  ImGui::TextUnformatted(TrFormat("workshop.you-play", {{"team", TeamName(team)}}).c_str());
  RoundHeading(workshop);
  if (ImGui::CollapsingHeader(TrId("workshop.your-briefing", "your-briefing").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    Wrapped(Local(team.briefing));
    ImGui::TextDisabled("%s", Tr("workshop.objectives"));
    Wrapped(Local(team.objectives));
  }
  if (ImGui::CollapsingHeader(TrId("workshop.the-exercise", "the-exercise").c_str())) Wrapped(Local(ex.briefing));
  ImGui::SeparatorText(Tr("workshop.news"));
  Injects(workshop, false);
  ImGui::SeparatorText(Tr("workshop.your-decision"));
  if (!team.DecidesIn(workshop.Round())) {
    ImGui::TextDisabled("%s", Tr("workshop.your-team-not-deciding"));
    RoundCodeEntry(workshop, state);
    return actions;
  }
  DecisionSteps& draft = workshop.Draft();
  for (std::size_t i = 0; i < team.levers.size(); ++i) StepSlider(team.levers[i], draft[i]);
  PreviewLine(workshop);
  if (ImGui::Button(TrId("workshop.submit", "submit").c_str())) workshop.Submit();
  MarkLastItem("workshop-submit");
  if (!workshop.LastCode().empty()) {
    ImGui::TextUnformatted(Tr("workshop.read-code"));
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextColored(kDoneColour, "%s", workshop.LastCode().c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (ImGui::SmallButton(TrId("workshop.copy-code", "copy-code").c_str())) actions.copy = CopyRequest{workshop.LastCode(), Tr("workshop.code-copied")};
    MarkLastItem("workshop-copy-code");
  }
  RoundCodeEntry(workshop, state);
  return actions;
}

}  // namespace

std::string DescribeCodeProblem(const Workshop& workshop, std::string_view code, const Problem& problem) {
  if (code.find_first_not_of(" -") == std::string_view::npos) return Tr("workshop.code.empty");
  const Exercise& ex = workshop.exercise();
  const Expected<DecisionCode> decoded = DecodeDecisionCode(ex, code);
  if (!decoded) return TrFormat("workshop.code.unreadable", {{"problem", problem.message}});
  // The session checks of CheckDecisionCode, in its order, on the session as it still is.
  const DecisionCode& d = decoded.value();
  const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(d.team)];
  const int current = workshop.Round();
  const std::string round = std::to_string(d.round);
  if (d.round < current) return TrFormat("workshop.code.stale", {{"round", round}, {"current", std::to_string(current)}});
  if (d.round > current) return TrFormat("workshop.code.early", {{"round", round}, {"current", std::to_string(current)}});
  if (!team.DecidesIn(d.round)) return TrFormat("workshop.code.not-deciding", {{"team", TeamName(team)}, {"round", round}});
  if (workshop.Decided(d.team)) {
    const DecisionSteps& recorded = workshop.play().rounds.back().decisions[static_cast<std::size_t>(d.team)];
    return TrFormat(recorded == d.steps ? "workshop.code.duplicate" : "workshop.code.decided-otherwise", {{"team", TeamName(team)}, {"round", round}});
  }
  return TrFormat("workshop.code.unreadable", {{"problem", problem.message}});
}

WorkshopActions DrawWorkshopPanel(Workshop& workshop, WorkshopPanelState& state) {
  Wrapped(LocalName(workshop.exercise().title, workshop.exercise().id));
  WorkshopActions actions = workshop.Facilitating() ? FacilitatorPanel(workshop, state) : TeamPanel(workshop, state);
  ImGui::Separator();
  if (ImGui::SmallButton(TrId("workshop.leave", "leave").c_str())) actions.leave = true;
  MarkLastItem("workshop-leave");
  return actions;
}

namespace {

// The runs' colours and names, in kDebriefRuns order: as played stands out, the references are muted.
const ImU32 kRunColours[3] = {IM_COL32(90, 170, 250, 255), IM_COL32(230, 120, 90, 255), IM_COL32(120, 200, 130, 255)};
const char* const kRunKeys[3] = {"workshop.debrief.played", "workshop.debrief.no-cooperation", "workshop.debrief.full-cooperation"};

void Legend() {
  const float size = ImGui::GetTextLineHeight();
  for (std::size_t r = 0; r < kDebriefRuns.size(); ++r) {
    if (r > 0) ImGui::SameLine(0.0f, size);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + size, at.y + size), kRunColours[r]);
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    ImGui::TextUnformatted(Tr(kRunKeys[r]));
  }
}

// A bar's amount, and for the played and full-cooperation runs how far it is from no cooperation:
// the runs differ by a fraction of their size, which the bars alone would not show.
std::string BarLabel(const OutcomeBars& group, std::size_t run) {
  const double none = group.values[1];
  if (run == 1) return Money(group.values[run]);
  return TrFormat("workshop.debrief.bar-against", {{"amount", Money(group.values[run])}, {"change", SignedMoney(group.values[run] - none)}});
}

// One group of bars: the group's name, then one bar per run with its amount at the bar's end.
void BarGroup(const std::string& name, const OutcomeBars& group, double scale, float longest) {
  ImGui::TextUnformatted(name.c_str());
  const float barHeight = ImGui::GetTextLineHeight();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t r = 0; r < kDebriefRuns.size(); ++r) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float length = static_cast<float>(std::max(0.0, group.values[r]) / scale) * longest;
    draw->AddRectFilled(at, ImVec2(at.x + std::max(1.0f, length), at.y + barHeight * 0.85f), kRunColours[r]);
    ImGui::Dummy(ImVec2(length, barHeight));
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextUnformatted(BarLabel(group, r).c_str());
  }
}

// Each team's score and all teams' cost in the three runs, as bars (the part a PNG export keeps).
void OutcomeChart(const Exercise& ex, const Debrief& d) {
  const std::vector<OutcomeBars> bars = DebriefChartBars(d);
  ImGui::BeginGroup();
  WrappedLabel(Tr("workshop.debrief.chart-title"));
  Legend();
  float labelRoom = 0.0f;  // the widest amount fits after the longest bar
  for (const OutcomeBars& group : bars) {
    for (std::size_t r = 0; r < kDebriefRuns.size(); ++r) labelRoom = std::max(labelRoom, ImGui::CalcTextSize(BarLabel(group, r).c_str()).x);
  }
  const float longest = std::max(1.0f, ImGui::GetContentRegionAvail().x - labelRoom - ImGui::GetStyle().ItemSpacing.x * 2.0f);
  const double teamScale = DebriefChartScale(bars, false);
  const double allScale = DebriefChartScale(bars, true);
  for (const OutcomeBars& group : bars) {
    if (group.team.empty()) {
      ImGui::Spacing();
      BarGroup(Tr("workshop.debrief.all-teams"), group, allScale, longest);
    } else {
      BarGroup(TeamNameOf(ex, group.team), group, teamScale, longest);
    }
  }
  ImGui::EndGroup();
  MarkLastItem("workshop-debrief-chart");
}

// Every team's scorecard: what it lost and paid as played, and its score against the references.
void Scorecards(const Exercise& ex, const Debrief& d) {
  ImGui::SeparatorText(Tr("workshop.debrief.scorecards"));
  const char* headings[] = {"workshop.debrief.team", "workshop.debrief.loss", "workshop.debrief.policy-cost", "workshop.debrief.played",
                            "workshop.debrief.no-cooperation", "workshop.debrief.full-cooperation"};
  if (!ImGui::BeginTable("scores", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  for (const char* heading : headings) ImGui::TableSetupColumn(Tr(heading));
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int column = 0; column < 6; ++column) {  // headings wrap rather than clip in narrow columns
    ImGui::TableSetColumnIndex(column);
    WrappedLabel(Tr(headings[column]));
  }
  for (std::size_t t = 0; t < ex.teams.size(); ++t) {
    const TeamOutcome& played = d.played.teams[t];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    WrappedLabel(TeamName(ex.teams[t]).c_str());
    for (const double usd : {played.loss, played.policyCost, played.score, d.noCooperation.teams[t].score, d.fullCooperation.teams[t].score}) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(Money(usd).c_str());
    }
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  WrappedLabel(Tr("workshop.debrief.all-teams"));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  for (const ExerciseOutcome* outcome : {&d.played, &d.noCooperation, &d.fullCooperation}) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(Money(outcome->collective).c_str());
  }
  ImGui::EndTable();
  ImGui::TextDisabled("%s", Tr("workshop.debrief.score-basis"));
}

// A changed lever in plain words: its label and new value (yes/no for a membership).
std::string ChangeText(const Exercise& ex, const std::string& teamId, const LeverSetting& change) {
  const int index = ex.TeamIndex(teamId);
  if (index >= 0) {
    for (const ExerciseLever& lever : ex.teams[static_cast<std::size_t>(index)].levers) {
      if (lever.path != change.path) continue;
      const bool yesNo = lever.Steps() == 2 && lever.min == 0.0 && lever.max == 1.0;
      char value[32];
      std::snprintf(value, sizeof value, "%g", change.value);
      return TrFormat("workshop.debrief.change", {{"lever", Label(lever)},
                                                  {"value", yesNo ? Tr(change.value > 0.5 ? "workshop.phone.yes" : "workshop.phone.no") : value}});
    }
  }
  return change.path;
}

// What each decision changed: the levers it moved, then its cost and what it saved.
void Effects(const Exercise& ex, const Debrief& d) {
  ImGui::SeparatorText(Tr("workshop.debrief.effects"));
  if (d.effects.empty()) ImGui::TextDisabled("%s", Tr("workshop.debrief.no-effects"));
  for (const DecisionEffect& effect : d.effects) {
    std::string moved;
    for (const TimelineEntry& entry : d.timeline) {
      if (entry.kind != TimelineEntry::Kind::Decision || entry.round != effect.round || entry.id != effect.team) continue;
      for (const LeverSetting& change : entry.changes) moved += (moved.empty() ? "" : "; ") + ChangeText(ex, effect.team, change);
    }
    ImGui::Bullet();
    WrappedLabel(TrFormat("workshop.debrief.effect", {{"round", std::to_string(effect.round)},
                                                                  {"team", TeamNameOf(ex, effect.team)},
                                                                  {"cost", Money(effect.value.cost)},
                                                                  {"saved", SignedMoney(effect.value.lossAvoided)},
                                                                  {"own", SignedMoney(effect.value.ownChange)},
                                                                  {"all", SignedMoney(effect.collectiveChange)}})
                                 .c_str());
    MarkLastItem(("workshop-effect:" + std::to_string(effect.round) + ":" + effect.team).c_str());
    ImGui::Indent();
    if (!moved.empty()) WrappedLabel(TrFormat("workshop.debrief.changed", {{"changes", moved}}).c_str());
    WrappedLabel(TrFormat("workshop.debrief.effect-seen", {{"cost", Money(effect.seen.cost)},
                                                                       {"saved", SignedMoney(effect.seen.lossAvoided)}})
                                 .c_str());
    ImGui::Unindent();
  }
}

void Lessons(const Exercise& ex, const Debrief& d) {
  ImGui::SeparatorText(Tr("workshop.debrief.lessons"));
  for (const DebriefLesson& lesson : DebriefLessons(d)) {
    ImGui::Bullet();
    WrappedLabel(TrFormat(LessonTextKey(lesson.kind), {{"team", lesson.team.empty() ? "" : TeamNameOf(ex, lesson.team)},
                                                                   {"round", std::to_string(lesson.round)},
                                                                   {"amount", Money(lesson.amount)},
                                                                   {"other", Money(lesson.other)}})
                                 .c_str());
  }
}

// The timeline; on the presenter view a private inject shows only whom it reached, not its text.
void Timeline(const Exercise& ex, const Debrief& d, bool presenterView) {
  ImGui::SeparatorText(Tr("workshop.debrief.timeline"));
  for (const TimelineEntry& entry : d.timeline) {
    const std::string round = std::to_string(entry.round);
    if (entry.kind == TimelineEntry::Kind::Inject) {
      const Inject* inject = nullptr;
      for (const Inject& candidate : ex.injects) {
        if (candidate.id == entry.id) inject = &candidate;
      }
      std::string text = LocalName(entry.text, entry.id);
      if (inject != nullptr && !inject->teams.empty() && presenterView) {
        std::string teams;
        for (const std::string& id : inject->teams) teams += (teams.empty() ? "" : ", ") + TeamNameOf(ex, id);
        text = TrFormat("workshop.debrief.private-inject", {{"teams", teams}});
      }
      ImGui::Bullet();
      WrappedLabel(TrFormat("workshop.debrief.inject", {{"round", round}, {"month", MonthLabel(entry.month)}, {"text", text}}).c_str());
      MarkLastItem(("workshop-debrief-inject:" + entry.id).c_str());
    } else {
      const char* key = entry.changes.size() == 1 ? "workshop.debrief.decision-one" : "workshop.debrief.decision-many";
      ImGui::BulletText("%s", TrFormat(key, {{"round", round}, {"team", LocalName(entry.text, entry.id)},
                                             {"count", std::to_string(entry.changes.size())}})
                                  .c_str());
    }
  }
}

}  // namespace

WorkshopActions DrawDebriefWindow(const Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  if (!state.showDebrief) return actions;
  const ImVec2 area = ImGui::GetMainViewport()->WorkSize;
  CenterNextWindow(ImVec2(area.x * 0.7f, area.y * 0.85f), ImGuiCond_Appearing);
  if (ImGui::Begin(TrId("workshop.debrief.title", "workshop-debrief").c_str(), &state.showDebrief)) {
    MarkWindow("workshop-debrief-window");
    const Expected<Debrief>& debrief = workshop.CurrentDebrief();
    if (!debrief) {
      ImGui::TextColored(kProblemColour, "%s", debrief.problems().front().message.c_str());
    } else {
      const Debrief& d = debrief.value();
      const Exercise& ex = workshop.exercise();
      Wrapped(TrFormat("workshop.debrief.costs", {{"round", std::to_string(workshop.Round())}, {"rounds", std::to_string(ex.rounds)}}));
      if (ImGui::Button(TrId("workshop.debrief.export", "export-debrief").c_str())) actions.exportDebriefCsv = true;
      MarkLastItem("workshop-export-debrief");
      ImGui::SameLine();
      if (ImGui::Button(TrId("workshop.debrief.export-png", "export-debrief-png").c_str())) actions.exportDebriefPng = true;
      MarkLastItem("workshop-export-debrief-png");
      OutcomeChart(ex, d);
      Lessons(ex, d);
      Scorecards(ex, d);
      Effects(ex, d);
      Timeline(ex, d, state.presenterView);
    }
  }
  ImGui::End();
  return actions;
}

}  // namespace kz
