// The app in workshop mode: the workshop panel in the levers' place, the common picture of the
// exercise in the map, chart and findings, and the debrief window (panel_workshop.hpp).
#include <utility>

#include "app.hpp"
#include "state/catalog.hpp"
#include "state/facilitator_view.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"

namespace kz {
namespace {

constexpr const char* kSandboxPreset = "re-2010-japan";  // where leaving goes when no preset was open

// Exercise files name a bundled preset, which may name a base of its own: both texts are given.
ScenarioResolver PresetResolver(const PresetTexts& preset, std::string_view presetBaseId) {
  return [preset, baseId = std::string(presetBaseId)](std::string_view id) -> Expected<std::string> {
    if (id == preset.id && !preset.text.empty()) return preset.text;
    if (id == baseId && !preset.baseText.empty()) return preset.baseText;
    return std::vector<Problem>{{"", TrFormat("workshop.scenario-unavailable", {{"id", std::string(id)}})}};
  };
}

}  // namespace

void App::WorkshopMenu() {
  if (ImGui::BeginMenu(TrId("workshop.menu", "workshop-menu").c_str())) {
    for (const PresetInfo& info : exerciseList) {
      const std::string label = TrFormat("workshop.menu.run", {{"title", LocalName(info.title, info.id)}});
      if (ImGui::MenuItem((label + "###run-" + info.id).c_str())) requests.Push(WorkshopRequest{info.id});
      MarkLastItem(("workshop-run:" + info.id).c_str());
    }
    if (exerciseListState == ListState::Unasked) {  // asked once: the list is not part of the first view
      exerciseListState = ListState::Asked;
      requests.Push(ExerciseListRequest{});
    }
    if (exerciseList.empty()) {
      const bool waiting = exerciseListState == ListState::Asked;
      ImGui::TextDisabled("%s", Tr(waiting ? "workshop.menu.loading" : "workshop.menu.none"));
    }
    if (ImGui::MenuItem(TrId("workshop.menu.join", "join").c_str())) requests.Push(JoinRequest{});
    MarkLastItem("workshop-join");
    if (exercise.Active() && ImGui::MenuItem(TrId("workshop.leave", "leave").c_str())) LeaveWorkshop();
    ImGui::EndMenu();
  }
  MarkLastItem("workshop-menu");
}


std::vector<Problem> App::StartWorkshop(std::string_view exerciseText, const PresetTexts& preset, std::string_view presetBaseId) {
  Expected<Exercise> loaded = LoadExerciseJson(exerciseText, PresetResolver(preset, presetBaseId));
  if (!loaded) return loaded.problems();
  Workshop started;
  started.Start(std::move(loaded.value()));
  if (std::vector<Problem> problems = Adopt(std::move(started)); !problems.empty()) return problems;
  status = TrFormat("workshop.status.started", {{"title", LocalName(exercise.exercise().title, exercise.exercise().id)}});
  return {};
}

std::vector<Problem> App::OpenWorkshopLink(std::string_view link, std::string_view exerciseText, const PresetTexts& preset,
                                           std::string_view presetBaseId) {
  const auto [session, teamId] = SplitTeamLink(link);
  Expected<SessionLink> decoded = DecodeSessionLink(session);
  if (!decoded) return decoded.problems();
  Expected<Exercise> loaded = LoadExerciseJson(exerciseText, PresetResolver(preset, presetBaseId));
  if (!loaded) return loaded.problems();
  Expected<Play> play = PlayFromSessionLink(loaded.value(), decoded.value());
  if (!play) return play.problems();
  const int team = teamId.empty() ? -1 : loaded.value().TeamIndex(teamId);
  if (!teamId.empty() && team < 0) return {{"link", TrFormat("workshop.no-such-team", {{"team", teamId}})}};
  Workshop opened;
  opened.Resume(std::move(loaded.value()), std::move(play.value()), team);
  return Adopt(std::move(opened));
}

Expected<std::string> App::JoinLink(std::string_view code, std::string_view exerciseText, const PresetTexts& preset,
                                    std::string_view presetBaseId) const {
  Expected<Exercise> loaded = LoadExerciseJson(exerciseText, PresetResolver(preset, presetBaseId));
  if (!loaded) return loaded.problems();
  const Expected<int> team = DecodeJoinCode(loaded.value(), code);
  if (!team) return std::vector<Problem>{{team.problems().front().path, CodeFaultText(CurrentText(), team.problems().front(), true)}};
  return StableTeamLink(loaded.value(), team.value());
}

// The workshop's common picture becomes the session; on a problem nothing changes.
std::vector<Problem> App::Adopt(Workshop opened) {
  // A facilitator's screen opens in the presenter view (WorkshopPanelState): the room's picture.
  const Expected<Scenario> picture = opened.CommonPicture(opened.Facilitating() ? InjectScope::Public : InjectScope::All);
  if (!picture) return picture.problems();
  if (std::vector<Problem> problems = work.Open(opened.exercise().scenario, picture.value()); !problems.empty()) return problems;
  exercise = std::move(opened);
  exercise.SetLanguage(CurrentLanguage());
  syncedWorkshop = exercise.Version();
  syncedRound = -1;
  workshopPanel = WorkshopPanelState{};
  syncedScope = PictureScope();
  FollowCrisis();
  return {};
}

// When a round opens with a new crisis (or a session opens), the map and chart turn to the latest
// crisis this screen may show: its region, the good it cuts shortest and the month of the collapse
// (facilitator_view.hpp). Within a round, and in a round with no new crisis, the viewer's own
// selection stays.
void App::FollowCrisis() {
  if (exercise.Round() == syncedRound) return;
  const bool opened = syncedRound < 0;
  syncedRound = exercise.Round();
  const Exercise& ex = exercise.exercise();
  const std::string viewer = exercise.Facilitating() ? "" : ex.teams[static_cast<std::size_t>(exercise.Team())].id;
  const Inject* crisis = LatestCrisis(ex, exercise.Round(), viewer);
  if (crisis == nullptr || (!opened && crisis->round != exercise.Round())) return;
  work.Select(CrisisSelection(ex, work.scenario(), work.results(), exercise.Round(), viewer, work.selection()));
}

// The projected facilitator's screen (presenter view) pictures the public injects only: a private
// inject's event would show its region's collapse to the whole room. Teams and the facilitator's
// own view picture every inject.
InjectScope App::PictureScope() const {
  return exercise.Facilitating() && workshopPanel.presenterView ? InjectScope::Public : InjectScope::All;
}

// After a decision, a round, an undo or the presenter view turned on or off: the map, chart and
// findings show the new common picture.
void App::SyncWorkshop() {
  if (exercise.Version() == syncedWorkshop && PictureScope() == syncedScope) return;
  syncedWorkshop = exercise.Version();
  syncedScope = PictureScope();
  const Expected<Scenario> picture = exercise.CommonPicture(syncedScope);
  // Every round's picture has the exercise's regions and goods: the viewer's selection stays.
  const Selection kept = work.selection();
  const Comparison keptComparison = work.comparison();  // a new round, not a new scenario: the comparison stays
  std::vector<Problem> problems = picture ? work.Open(exercise.exercise().scenario, picture.value()) : picture.problems();
  if (!problems.empty()) status = TrFormat("workshop.status.picture-failed", {{"problem", problems.front().ToString()}});
  work.Select(kept);
  FollowCrisis();
  if (keptComparison != Comparison::Scenario && keptComparison != work.comparison()) work.SetComparison(keptComparison);
}

void App::Apply(const WorkshopActions& actions) {
  if (actions.copy) requests.Push(*actions.copy);
  if (actions.exportDebriefCsv) requests.Push(FileRequest{FileAction::ExportDebriefCsv});
  if (actions.exportDebriefPng) requests.Push(FileRequest{FileAction::ExportDebriefPng});
  if (actions.leave) LeaveWorkshop();
}

void App::LeaveWorkshop() {
  exercise.Close();
  requests.Push(PresetRequest{currentPreset.empty() ? std::string(kSandboxPreset) : currentPreset});
}

void App::WorkshopFrame() {
  MarkWindow("workshop-window");  // where tests scroll to a control below the fold
  Apply(DrawWorkshopPanel(exercise, workshopPanel));
  SyncWorkshop();
}

}  // namespace kz
