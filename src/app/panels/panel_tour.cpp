// The tour window (see panel_tour.hpp): placed beside its step's control (below it when there is
// room, else beside or above it), inside the screen, with the control outlined.
#include "panels/panel_tour.hpp"

#include <algorithm>

#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

const ImU32 kOutline = IM_COL32(255, 196, 64, 255);

// The window's top-left corner: under the target if it fits, else to its right, else above it,
// else the middle of the screen; always inside the work area.
ImVec2 PlaceBeside(const LandmarkRect* target, ImVec2 size) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 low = viewport->WorkPos;
  const ImVec2 high(viewport->WorkPos.x + viewport->WorkSize.x, viewport->WorkPos.y + viewport->WorkSize.y);
  const float gap = ImGui::GetFontSize() * 0.6f;
  ImVec2 pos((low.x + high.x - size.x) * 0.5f, (low.y + high.y - size.y) * 0.5f);
  if (target != nullptr) {
    const float bottom = target->y + target->height;
    const float right = target->x + target->width;
    if (bottom + gap + size.y <= high.y) pos = ImVec2(target->x, bottom + gap);
    else if (right + gap + size.x <= high.x) pos = ImVec2(right + gap, target->y);
    else if (target->y - gap - size.y >= low.y) pos = ImVec2(target->x, target->y - gap - size.y);
  }
  pos.x = std::clamp(pos.x, low.x, std::max(low.x, high.x - size.x));
  pos.y = std::clamp(pos.y, low.y, std::max(low.y, high.y - size.y));
  return pos;
}

void Outline(const LandmarkRect& r) {
  const float pad = 3.0f;
  ImGui::GetForegroundDrawList()->AddRect(ImVec2(r.x - pad, r.y - pad), ImVec2(r.x + r.width + pad, r.y + r.height + pad), kOutline,
                                          4.0f, 0, 3.0f);
}

}  // namespace

void DrawTour(Tour& tour, const Session& session, TourPanelState& state) {
  if (!tour.Shown()) return;
  const std::vector<TourStep> steps = TourSteps(session.scenario(), CurrentText());
  const int count = static_cast<int>(steps.size());
  const TourStep& step = steps[static_cast<std::size_t>(std::clamp(tour.Step(), 0, count - 1))];
  std::optional<LandmarkRect> target = FindLandmark(step.landmark);
  std::string text = step.text;
  // A control folded into the compact bar's menu: point at the menu, and say so.
  if (!target && !step.foldedInto.empty()) {
    target = FindLandmark(step.foldedInto);
    if (target) text += "\n\n" + TrFormat("help.tour.in-menu", {{"menu", Tr("menu.more")}});
  }
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float width = std::min(ImGui::GetFontSize() * 24.0f, viewport->WorkSize.x * 0.9f);
  // Last frame's height places this frame's window (the text's height depends on the step).
  const ImVec2 size(width, std::max(state.lastHeight, ImGui::GetFontSize() * 8.0f));
  if (target) Outline(*target);
  ImGui::SetNextWindowPos(PlaceBeside(target ? &*target : nullptr, size), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, viewport->WorkSize.y));
  ImGui::SetNextWindowBgAlpha(1.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
  bool open = true;
  if (ImGui::Begin(TrId("help.tour.window", "tour").c_str(), &open, flags)) {
    MarkWindow("tour-window");
    ImGui::TextDisabled("%s", TrFormat("help.tour.step", {{"step", std::to_string(tour.Step() + 1)}, {"count", std::to_string(count)}}).c_str());
    PushTextLevel(TextLevel::Heading);
    WrappedLabel(step.title.c_str());
    ImGui::PopFont();
    WrappedLabel(text);
    ImGui::Spacing();
    if (tour.Step() > 0) {
      if (ImGui::Button(Tr("help.tour.back"))) tour.Back();
      MarkLastItem("tour-back");
      ImGui::SameLine();
    }
    const bool last = tour.Step() + 1 >= count;
    if (ImGui::Button(Tr(last ? "help.tour.done" : "help.tour.next"))) tour.Next(count);
    MarkLastItem("tour-next");
    if (!last) {
      const char* skip = Tr("help.tour.skip");
      SameLineIfFits(ImGui::CalcTextSize(skip).x + ImGui::GetStyle().FramePadding.x * 2.0f);
      if (ImGui::Button(skip)) tour.Dismiss();
      MarkLastItem("tour-skip");
    }
    state.lastHeight = ImGui::GetWindowHeight();
  }
  ImGui::End();
  if (!open) tour.Dismiss();  // the window's close button skips too
}

}  // namespace kz
