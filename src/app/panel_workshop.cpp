#include "panel_workshop.hpp"

#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui_landmarks.hpp"

namespace kz {
namespace {

const ImVec4 kProblemColour(1.0f, 0.6f, 0.3f, 1.0f);
const ImVec4 kDoneColour(0.5f, 0.9f, 0.5f, 1.0f);

void Wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }

const std::string& Label(const ExerciseLever& lever) { return lever.label.en.empty() ? lever.path : lever.label.en; }

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
  ImGui::Text("Round %d of %d (months %d to %d)", workshop.Round(), ex.rounds, start, start + ex.monthsPerRound - 1);
}

// The injects a viewer sees: this round's for the facilitator, all so far that reach the team.
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
    ImGui::TextWrapped("%s%s", inject.text.en.c_str(), inject.teams.empty() ? "" : " (private)");
  }
  if (!any) ImGui::TextDisabled("No news this round.");
}

void TeamStatus(const Workshop& workshop, int teamIndex, WorkshopPanelState& state) {
  const ExerciseTeam& team = workshop.exercise().teams[static_cast<std::size_t>(teamIndex)];
  ImGui::PushID(teamIndex);
  if (!team.DecidesIn(workshop.Round())) ImGui::TextDisabled("%s: does not decide this round", team.name.en.c_str());
  else if (workshop.Decided(teamIndex)) ImGui::TextColored(kDoneColour, "%s: decided", team.name.en.c_str());
  else ImGui::Text("%s: waiting", team.name.en.c_str());
  if (team.DecidesIn(workshop.Round())) {
    ImGui::SameLine();
    if (ImGui::SmallButton("Enter for them")) {
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
  ImGui::SeparatorText(("Decision for " + team.name.en).c_str());
  for (std::size_t i = 0; i < team.levers.size(); ++i) StepSlider(team.levers[i], state.hotSeatSteps[i]);
  if (ImGui::Button("Record the decision")) {
    Say(state, workshop.Decide(state.hotSeatTeam, state.hotSeatSteps), team.name.en + "'s decision is recorded.");
    state.hotSeatTeam = -1;
  }
  MarkLastItem("workshop-record");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) state.hotSeatTeam = -1;
}

void CodeEntry(Workshop& workshop, WorkshopPanelState& state) {
  ImGui::SeparatorText("Decision codes");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  const bool entered = ImGui::InputTextWithHint("##code", "e.g. 7ZQ2-9XHM", state.code, sizeof state.code,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  MarkLastItem("workshop-code");
  ImGui::SameLine();
  if (ImGui::Button("Enter") || entered) {
    const std::vector<Problem> problems = workshop.EnterCode(state.code);
    Say(state, problems, std::string("Code ") + state.code + " entered.");
    if (problems.empty()) state.code[0] = '\0';
  }
  MarkLastItem("workshop-enter-code");
  if (!state.message.empty()) {
    if (state.messageIsProblem) ImGui::TextColored(kProblemColour, "%s", state.message.c_str());
    else Wrapped(state.message);
  }
}

WorkshopActions FacilitatorPanel(Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  const Exercise& ex = workshop.exercise();
  RoundHeading(workshop);
  if (ImGui::CollapsingHeader("Briefing")) Wrapped(ex.briefing.en);
  ImGui::SeparatorText("News this round");
  Injects(workshop, true);
  ImGui::SeparatorText("Teams");
  for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) TeamStatus(workshop, t, state);
  if (state.hotSeatTeam >= 0) HotSeat(workshop, state);
  CodeEntry(workshop, state);
  ImGui::SeparatorText("Round");
  if (!workshop.LastRound()) {
    if (ImGui::Button(("Close round " + std::to_string(workshop.Round()) + " and start the next").c_str())) {
      const std::vector<Problem> problems = workshop.Advance();  // before the message reads the new round
      Say(state, problems, "Round " + std::to_string(workshop.Round()) + " is open. Share the new link with the teams.");
    }
  } else if (ImGui::Button("Finish: show the debrief")) {
    state.showDebrief = true;
  }
  MarkLastItem("workshop-advance");
  ImGui::SameLine();
  if (ImGui::Button("Undo a round")) {
    const bool undone = workshop.UndoRound();
    Say(state, undone ? std::vector<Problem>{} : std::vector<Problem>{{"", "nothing to undo"}}, "The previous round is open again.");
  }
  MarkLastItem("workshop-undo");
  if (ImGui::Button("Debrief so far")) state.showDebrief = true;
  MarkLastItem("workshop-debrief");
  ImGui::SeparatorText("Links");
  if (ImGui::Button("Copy the session link")) actions.copy = CopyRequest{workshop.SessionLink(), "Session link copied: teams open it to catch up."};
  MarkLastItem("workshop-copy-link");
  ImGui::SameLine();
  if (ImGui::Button("Copy the team links")) {
    std::string text;
    for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) text += ex.teams[static_cast<std::size_t>(t)].name.en + ": #" + workshop.TeamLink(t) + "\n";
    actions.copy = CopyRequest{text, "Team links copied: send each team its own."};
  }
  MarkLastItem("workshop-copy-team-links");
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
  ImGui::Text("Your cost: %s now, %s with this decision", FormatUsd(now.own).c_str(), FormatUsd(with.own).c_str());
  ImGui::TextDisabled("Given what you know: public news, your own, and the other teams' last decisions.");
}

WorkshopActions TeamPanel(Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  const Exercise& ex = workshop.exercise();
  const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(workshop.Team())];
  ImGui::Text("You play %s", team.name.en.c_str());
  RoundHeading(workshop);
  if (ImGui::CollapsingHeader("Your briefing", ImGuiTreeNodeFlags_DefaultOpen)) {
    Wrapped(team.briefing.en);
    ImGui::TextDisabled("Objectives");
    Wrapped(team.objectives.en);
  }
  if (ImGui::CollapsingHeader("The exercise")) Wrapped(ex.briefing.en);
  ImGui::SeparatorText("News");
  Injects(workshop, false);
  ImGui::SeparatorText("Your decision");
  if (!team.DecidesIn(workshop.Round())) {
    ImGui::TextDisabled("Your team does not decide this round.");
    return actions;
  }
  DecisionSteps& draft = workshop.Draft();
  for (std::size_t i = 0; i < team.levers.size(); ++i) StepSlider(team.levers[i], draft[i]);
  PreviewLine(workshop);
  if (ImGui::Button("Submit: make my decision code")) workshop.Submit();
  MarkLastItem("workshop-submit");
  if (!workshop.LastCode().empty()) {
    ImGui::Text("Read this code to the facilitator:");
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextColored(kDoneColour, "%s", workshop.LastCode().c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (ImGui::SmallButton("Copy the code")) actions.copy = CopyRequest{workshop.LastCode(), "Decision code copied."};
    MarkLastItem("workshop-copy-code");
  }
  ImGui::TextDisabled("When the facilitator starts the next round, open the link they share.");
  (void)state;
  return actions;
}

}  // namespace

std::string FormatUsd(double usd) {
  char text[48];
  const double magnitude = std::fabs(usd);
  if (magnitude >= 1e9) std::snprintf(text, sizeof text, "%.2f bn USD", usd / 1e9);
  else if (magnitude >= 1e6) std::snprintf(text, sizeof text, "%.1f m USD", usd / 1e6);
  else std::snprintf(text, sizeof text, "%.0f USD", usd);
  return text;
}

WorkshopActions DrawWorkshopPanel(Workshop& workshop, WorkshopPanelState& state) {
  ImGui::TextWrapped("%s", workshop.exercise().title.en.c_str());
  WorkshopActions actions = workshop.Facilitating() ? FacilitatorPanel(workshop, state) : TeamPanel(workshop, state);
  ImGui::Separator();
  if (ImGui::SmallButton("Leave the workshop")) actions.leave = true;
  MarkLastItem("workshop-leave");
  return actions;
}

WorkshopActions DrawDebriefWindow(const Workshop& workshop, WorkshopPanelState& state) {
  WorkshopActions actions;
  if (!state.showDebrief) return actions;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.6f, viewport->WorkSize.y * 0.7f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::Begin("Debrief", &state.showDebrief)) {
    MarkWindow("workshop-debrief-window");
    const Expected<Debrief>& debrief = workshop.CurrentDebrief();
    if (!debrief) {
      ImGui::TextColored(kProblemColour, "%s", debrief.problems().front().message.c_str());
    } else {
      const Debrief& d = debrief.value();
      const Exercise& ex = workshop.exercise();
      ImGui::TextWrapped("Costs over the whole run (loss and policy cost, USD; lower is better), after %d of %d rounds.",
                         workshop.Round(), ex.rounds);
      if (ImGui::BeginTable("scores", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        for (const char* heading : {"Team", "As played", "No cooperation", "Full cooperation"}) ImGui::TableSetupColumn(heading);
        ImGui::TableHeadersRow();
        for (std::size_t t = 0; t < ex.teams.size(); ++t) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(ex.teams[t].name.en.c_str());
          for (const ExerciseOutcome* outcome : {&d.played, &d.noCooperation, &d.fullCooperation}) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(FormatUsd(outcome->teams[t].score).c_str());
          }
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("All teams");
        for (const ExerciseOutcome* outcome : {&d.played, &d.noCooperation, &d.fullCooperation}) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(FormatUsd(outcome->collective).c_str());
        }
        ImGui::EndTable();
      }
      ImGui::SeparatorText("What each decision changed");
      if (d.effects.empty()) ImGui::TextDisabled("No decision changed the outcome.");
      for (const DecisionEffect& effect : d.effects) {
        ImGui::BulletText("Round %d, %s: own cost %s%s, all teams %s%s", effect.round, effect.team.c_str(), effect.ownChange > 0 ? "+" : "",
                          FormatUsd(effect.ownChange).c_str(), effect.collectiveChange > 0 ? "+" : "", FormatUsd(effect.collectiveChange).c_str());
      }
      ImGui::SeparatorText("Timeline");
      for (const TimelineEntry& entry : d.timeline) {
        if (entry.kind == TimelineEntry::Kind::Inject) ImGui::BulletText("Round %d, month %d: %s", entry.round, entry.month, entry.text.en.c_str());
        else ImGui::BulletText("Round %d: %s decided (%zu lever%s changed)", entry.round, entry.text.en.c_str(), entry.changes.size(), entry.changes.size() == 1 ? "" : "s");
      }
      if (ImGui::Button("Export the debrief (CSV)")) actions.exportDebriefCsv = true;
      MarkLastItem("workshop-export-debrief");
    }
  }
  ImGui::End();
  return actions;
}

}  // namespace kz
