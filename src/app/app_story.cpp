// The app's side of the presenter's story: adding the view on screen as a step, showing a step
// (its scenario through the session, its view as a link's), the keys and the presenting bar, and
// opening a story link (every step checked before the viewer's work is replaced).
#include <algorithm>
#include <utility>

#include "app.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // key ownership (the arrows step the story, not the keyboard focus) and window order
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

std::vector<Problem> StoryProblem(std::string message) { return {Problem{"story", std::move(message)}}; }

}  // namespace

std::vector<Problem> App::AddStoryStep(std::string_view caption, std::uint8_t figure) {
  if (!work.loaded()) return StoryProblem(Tr("share.nothing-open"));
  if (exercise.Active() || !openedFile.empty()) return StoryProblem(TrFormat("share.from-file", {{"file", openedFile}}));
  if (!storyState.Empty() && storyState.Preset() != work.preset().id) {
    return StoryProblem(TrFormat("story.other-scenario", {{"id", storyState.Preset()}}));
  }
  if (storyState.Count() >= static_cast<int>(kMaxStorySteps)) return StoryProblem(TrFormat("story.full", {{"n", std::to_string(kMaxStorySteps)}}));
  LinkView view = ViewForLink();
  view.embed = 0;
  view.language = kLinkLanguageDefault;  // the story's language is the link's, not each step's
  Expected<ScenarioLink> scene = LinkFromScenario(work.preset(), work.scenario(), view);
  if (!scene) return scene.problems();
  return storyState.Add(StoryStep{std::move(scene.value()), std::string(caption), figure});
}

// A step's scenario replaces the working one (an undoable edit, so touching levers and stepping on
// never loses anything) and its view is applied as a link's, in the viewer's own language.
std::vector<Problem> App::ShowStoryStep(int index) {
  if (index < 0 || index >= storyState.Count()) return {};
  if (storyState.Preset() != work.preset().id) return StoryProblem(TrFormat("story.other-scenario", {{"id", storyState.Preset()}}));
  const StoryStep& step = storyState.Steps()[static_cast<std::size_t>(index)];
  Expected<Scenario> scenario = ApplyLink(work.preset(), StepLink(step));
  if (!scenario) return scenario.problems();
  if (!(scenario.value() == work.scenario())) {
    if (std::vector<Problem> problems = work.Replace(scenario.value()); !problems.empty()) return problems;
  }
  LinkView view = step.scene.view;
  view.embed = embedFlags;
  view.language = kLinkLanguageDefault;
  ApplyLinkView(view);
  return {};
}

std::vector<Problem> App::PresentStory(int index) {
  const std::optional<int> shown = storyState.Present(index);
  if (!shown) return StoryProblem(Tr("story.nothing"));
  std::vector<Problem> problems = ShowStoryStep(*shown);
  if (!problems.empty()) status = TrFormat("story.step-failed", {{"problem", problems.front().message}});
  return problems;
}

bool App::StoryNext() {
  const std::optional<int> next = storyState.Next();
  if (next) {
    if (std::vector<Problem> problems = ShowStoryStep(*next); !problems.empty()) status = TrFormat("story.step-failed", {{"problem", problems.front().message}});
  }
  return next.has_value();
}

bool App::StoryPrevious() {
  const std::optional<int> previous = storyState.Previous();
  if (previous) {
    if (std::vector<Problem> problems = ShowStoryStep(*previous); !problems.empty()) status = TrFormat("story.step-failed", {{"problem", problems.front().message}});
  }
  return previous.has_value();
}

// Before anything changes: the preset parses and every step applies to it, so a bad story link
// leaves the viewer's work as it was (App::OpenLink then opens the link's own scene).
std::vector<Problem> App::OpenStory(const ScenarioLink& link, std::string_view presetText, std::string_view baseText) {
  Expected<Scenario> preset = ParseWithBase(presetText, baseText);
  if (!preset) return preset.problems();
  return CheckStory(preset.value(), link);
}

// Arrows and Page Up/Down step, Escape leaves; not while typing or dragging a control. While
// presenting, the story owns those four keys (from the next frame on), so Dear ImGui's keyboard
// navigation does not also move its focus (and its tooltip) across the bar's buttons.
void App::StoryKeys() {
  if (storyState.Presenting() && storyState.Preset() != work.preset().id) storyState.Leave();  // another scenario was opened
  if (!storyState.Presenting() || ImGui::GetIO().WantTextInput || ImGui::IsAnyItemActive()) return;
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false) || ImGui::IsKeyPressed(ImGuiKey_PageDown, false)) StoryNext();
  else if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false) || ImGui::IsKeyPressed(ImGuiKey_PageUp, false)) StoryPrevious();
  else if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) storyState.Leave();
  if (!storyState.Presenting()) return;
  const ImGuiID owner = ImHashStr("story-keys");
  for (const ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_PageUp, ImGuiKey_PageDown}) ImGui::SetKeyOwner(key, owner);
}

void App::StoryWindow(const FrameContext& frame) {
  const ImVec2 area = ImGui::GetMainViewport()->WorkSize;
  CenterNextWindow(ImVec2(std::min(520.0f * frame.uiScale, area.x * 0.9f), area.y * 0.7f), ImGuiCond_FirstUseEver);
  if (ImGui::Begin(TrId("story.window", "story").c_str(), &showStory)) {
    MarkWindow("story-window");
    Apply(DrawStoryPanel(storyState));
  }
  ImGui::End();
}

// Over the map band: the caption is what the room reads, the map stays under the other panels.
void App::PresentingBar(const PanelRect& area) {
  PlaceNextWindow(area);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("###story-presenting", nullptr, flags)) {
    MarkWindow("story-presenting");
    // The map's legend floats over the map band: the step's caption lies above it (other floating
    // windows, such as Analysis or Help, stay above the bar).
    if (ImGuiWindow* legend = ImGui::FindWindowByName("##map-legend")) ImGui::BringWindowToDisplayBehind(legend, ImGui::GetCurrentWindow());
    const PresentingActions actions = DrawPresentingBar(storyState, work, presentingState);
    if (actions.previous) StoryPrevious();
    if (actions.next) StoryNext();
    if (actions.leave) storyState.Leave();
  }
  ImGui::End();
}

void App::Apply(const StoryPanelActions& actions) {
  const auto say = [this](const std::vector<Problem>& problems) {
    if (!problems.empty()) status = problems.front().message;
  };
  if (actions.addView) say(AddStoryStep(""));
  if (actions.caption) storyState.SetCaption(actions.caption->first, actions.caption->second);
  if (actions.figure) storyState.SetFigure(actions.figure->first, actions.figure->second);
  if (actions.retake) {
    LinkView view = ViewForLink();
    view.embed = 0;
    view.language = kLinkLanguageDefault;
    Expected<ScenarioLink> scene = LinkFromScenario(work.preset(), work.scenario(), view);
    if (scene) storyState.Retake(*actions.retake, scene.value());
    else say(scene.problems());
  }
  if (actions.move) storyState.Move(actions.move->first, actions.move->second);
  if (actions.remove) storyState.Remove(*actions.remove);
  // Presenting is for the room: the Story window makes way for the step (Share > Story... reopens it).
  if (actions.show || actions.present) showStory = false;
  if (actions.show) say(PresentStory(*actions.show));
  if (actions.present) say(PresentStory(0));
  if (actions.copyLink) CopyStoryLink();
  if (actions.clear) storyState.Clear();
}

}  // namespace kz
