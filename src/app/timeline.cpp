// Timeline: play clock, slider, step buttons and shortcuts.
#include "timeline.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "ui_landmarks.hpp"

namespace kz {

int AdvanceTimeline(TimelineState& state, double elapsedSeconds, int month, int lastMonth) {
  if (!state.playing) return month;
  state.carried += std::max(0.0, elapsedSeconds) * state.monthsPerSecond;
  const double whole = std::floor(state.carried);
  state.carried -= whole;
  const int next = std::min(lastMonth, month + static_cast<int>(std::min(whole, 1e6)));
  if (next >= lastMonth) {
    state.playing = false;
    state.carried = 0.0;
  }
  return next;
}

namespace {

void TogglePlay(TimelineState& state, int& month, int lastMonth) {
  state.playing = !state.playing;
  state.carried = 0.0;
  if (state.playing && month >= lastMonth) month = 0;  // play again from the start
}

}  // namespace

int DrawTimeline(TimelineState& state, int month, int lastMonth) {
  month = AdvanceTimeline(state, ImGui::GetIO().DeltaTime, month, lastMonth);
  const bool typing = ImGui::GetIO().WantTextInput;
  if (!typing && ImGui::IsKeyPressed(ImGuiKey_K, false)) TogglePlay(state, month, lastMonth);
  if (!typing && ImGui::IsKeyPressed(ImGuiKey_Comma)) month = std::max(0, month - 1);
  if (!typing && ImGui::IsKeyPressed(ImGuiKey_Period)) month = std::min(lastMonth, month + 1);

  const ImVec2 button(ImGui::GetFrameHeight() * 2.2f, 0.0f);
  if (ImGui::Button(state.playing ? "Pause" : "Play", button)) TogglePlay(state, month, lastMonth);
  MarkLastItem("timeline-play");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play through the months (K)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##back", ImGuiDir_Left)) month = std::max(0, month - 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous month (,)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) month = std::min(lastMonth, month + 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next month (.)");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderInt("##month", &month, 0, lastMonth, "Month %d", ImGuiSliderFlags_AlwaysClamp);
  MarkLastItem("timeline-slider");
  return std::clamp(month, 0, lastMonth);
}

}  // namespace kz
