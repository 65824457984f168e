// Timeline: play clock, slider, step buttons and shortcuts.
#include "panels/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_landmarks.hpp"

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

// A catalog template "Month {month}" as the slider's printf format ("Month %d"), '%' escaped.
std::string SliderFormat(std::string_view pattern) {
  std::string format;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 7, "{month}") == 0) {
      format += "%d";
      i += 6;
    } else {
      format += pattern[i] == '%' ? std::string("%%") : std::string(1, pattern[i]);
    }
  }
  return format;
}

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
  if (ImGui::Button(TrId(state.playing ? "timeline.pause" : "timeline.play", "play").c_str(), button)) TogglePlay(state, month, lastMonth);
  MarkLastItem("timeline-play");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("timeline.play-tip"));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##back", ImGuiDir_Left)) month = std::max(0, month - 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("timeline.back-tip"));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) month = std::min(lastMonth, month + 1);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("timeline.forward-tip"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderInt("##month", &month, 0, lastMonth, SliderFormat(Tr("timeline.month")).c_str(), ImGuiSliderFlags_AlwaysClamp);
  MarkLastItem("timeline-slider");
  return std::clamp(month, 0, lastMonth);
}

}  // namespace kz
