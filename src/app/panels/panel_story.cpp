// Story window and presenting bar (panel_story.hpp). Captions are edited in place: the text box
// shows the story's caption every frame and reports edits as actions (Dear ImGui keeps its own
// buffer while the box is active), so the story stays the only copy. Line breaks come only from a
// link or the page API; the box edits one line.
#include "panels/panel_story.hpp"

#include <algorithm>
#include <cfloat>
#include <string>

#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_scale.hpp"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

constexpr const char* kFigureKeys[] = {"story.figure.none", "story.figure.worst", "story.figure.recovery", "story.figure.loss",
                                       "story.figure.difference"};
static_assert(std::size(kFigureKeys) == kLastStoryFigure + 1, "a label for every StoryFigure");

// Dear ImGui's text box over a std::string (the library's misc/cpp helper is not in Debian's tarball).
int GrowString(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

// One line to type in (Dear ImGui's multi-line box neither wraps nor fits the text audit); when the
// caption is longer than the box or has line breaks (from a link), it is shown whole under it, over
// as many lines as it takes, in large type as the room will read it.
bool CaptionBox(const char* id, std::string& text, const char* landmark) {
  ImGui::SetNextItemWidth(-FLT_MIN);
  const bool changed = ImGui::InputTextWithHint(id, Tr("story.caption-hint"), text.data(), text.capacity() + 1,
                                                ImGuiInputTextFlags_CallbackResize, GrowString, &text);
  if (landmark != nullptr) MarkLastItem(landmark);
  const float room = ImGui::GetItemRectSize().x - ImGui::GetStyle().FramePadding.x * 2.0f;
  if (text.find('\n') != std::string::npos || ImGui::CalcTextSize(text.c_str()).x > room) {
    PushTextLevel(TextLevel::Heading);
    WrappedTextDisabled(text);
    ImGui::PopFont();
  }
  return changed;
}

void Tooltip(const char* text) {
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", text);
}

// A button that flows to the next line when the row is full (no clipped label at 1024x768).
bool FlowButton(const char* label, bool first) {
  if (!first) SameLineIfFits(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  return ImGui::Button(label);
}

void FigureCombo(const Story& story, int index, StoryPanelActions& actions) {
  const std::uint8_t figure = story.Steps()[static_cast<std::size_t>(index)].figure;
  const std::string id = LabelBefore(std::string(Tr("story.figure")) + "###figure", ImGui::CalcTextSize(Tr("story.figure")).x +
                                                                                      ImGui::GetStyle().ItemSpacing.x * 2.0f);
  if (BeginComboFitted(id.c_str(), Tr(kFigureKeys[figure]))) {
    for (std::uint8_t f = 0; f <= kLastStoryFigure; ++f) {
      if (ImGui::Selectable(Tr(kFigureKeys[f]), f == figure)) actions.figure = std::pair{index, f};
    }
    ImGui::EndCombo();
  }
}

void StepRow(const Story& story, int index, StoryPanelActions& actions) {
  const StoryStep& step = story.Steps()[static_cast<std::size_t>(index)];
  ImGui::PushID(index);
  ImGui::SeparatorText(TrFormat("story.step", {{"n", std::to_string(index + 1)}}).c_str());
  ImGui::TextUnformatted(Tr("story.caption"));
  std::string caption = step.caption;
  if (CaptionBox("##caption", caption, index == 0 ? "story-caption-1" : nullptr)) actions.caption = std::pair{index, caption};
  FigureCombo(story, index, actions);
  if (FlowButton(Tr("story.show"), true)) actions.show = index;
  if (FlowButton(Tr("story.retake"), false)) actions.retake = index;
  Tooltip(Tr("story.retake-tip"));
  ImGui::BeginDisabled(index == 0);
  if (FlowButton(Tr("story.earlier"), false)) actions.move = std::pair{index, -1};
  ImGui::EndDisabled();
  ImGui::BeginDisabled(index + 1 == story.Count());
  if (FlowButton(Tr("story.later"), false)) actions.move = std::pair{index, +1};
  ImGui::EndDisabled();
  if (FlowButton(Tr("story.delete"), false)) actions.remove = index;
  ImGui::PopID();
}

// `text` in the headline font, wrapped to the window (never clipped: the window scrolls).
void LargeText(const std::string& text, TextLevel level) {
  PushTextLevel(level);
  WrappedLabel(text);
  ImGui::PopFont();
}

}  // namespace

StoryPanelActions DrawStoryPanel(const Story& story) {
  StoryPanelActions actions;
  WrappedLabel(Tr("story.explain"));
  if (ImGui::Button(Tr("story.add"))) actions.addView = true;
  MarkLastItem("story-add");
  if (story.Empty()) {
    ImGui::TextDisabled("%s", Tr("story.empty"));
    return actions;
  }
  for (int i = 0; i < story.Count(); ++i) StepRow(story, i, actions);
  ImGui::Separator();
  if (FlowButton(Tr("story.present"), true)) actions.present = true;
  MarkLastItem("story-present");
  Tooltip(Tr("story.keys-tip"));
  if (FlowButton(Tr("story.copy-link"), false)) actions.copyLink = true;
  MarkLastItem("story-copy-link");
  if (FlowButton(Tr("story.clear"), false)) actions.clear = true;
  return actions;
}

PresentingActions DrawPresentingBar(const Story& story, const Session& session, PresentingState& state) {
  PresentingActions actions;
  const StoryStep* step = story.CurrentStep();
  if (step == nullptr) return actions;
  PushTextLevel(TextLevel::Heading);
  const std::string position = TrFormat("story.position", {{"k", std::to_string(story.Current() + 1)}, {"n", std::to_string(story.Count())}});
  ImGui::BeginDisabled(story.Current() == 0);
  if (ImGui::Button(Tr("story.previous"))) actions.previous = true;
  ImGui::EndDisabled();
  MarkLastItem("story-previous");
  ImGui::SameLine();
  ImGui::TextUnformatted(position.c_str());
  MarkLastItem("story-position");
  SameLineIfFits(ImGui::CalcTextSize(Tr("story.next")).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  ImGui::BeginDisabled(story.Current() + 1 >= story.Count());
  if (ImGui::Button(Tr("story.next"))) actions.next = true;
  ImGui::EndDisabled();
  MarkLastItem("story-next");
  SameLineIfFits(ImGui::CalcTextSize(Tr("story.leave")).x + ImGui::GetStyle().FramePadding.x * 2.0f);
  if (ImGui::Button(Tr("story.leave"))) actions.leave = true;
  MarkLastItem("story-leave");
  Tooltip(Tr("story.keys-tip"));
  ImGui::PopFont();

  LargeText(step->caption, TextLevel::Headline);
  MarkLastItem("story-caption");
  const char* figureId = StoryFigureId(step->figure);
  if (*figureId != '\0' && session.loaded()) {
    const int language = static_cast<int>(CurrentLanguage());
    if (state.resultsVersion != session.resultsVersion() || state.language != language) {
      state = PresentingState{session.resultsVersion(), language, HeadlineOf(session, CurrentText())};
    }
    for (const HeadlineFigure& figure : state.headline.figures) {
      if (figure.id != figureId) continue;
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.35f, 1.0f));
      LargeText(figure.value + "  " + figure.caption, TextLevel::Heading);
      ImGui::PopStyleColor();
      MarkLastItem("story-figure");
    }
  }
  return actions;
}

}  // namespace kz
