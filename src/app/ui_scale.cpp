// Style and font rebuilt for a UI scale (see ui_scale.hpp).
#include "ui_scale.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"

namespace kz {

float UiScaleFromPixelRatio(double devicePixelRatio) {
  if (!std::isfinite(devicePixelRatio) || devicePixelRatio <= 0.0) return 1.0f;
  return static_cast<float>(std::clamp(devicePixelRatio, 0.5, 4.0));
}

void ApplyUiScale(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig font;
  font.SizePixels = std::round(kBaseFontPx * scale);  // whole pixels keep the default font's strokes sharp
  io.Fonts->AddFontDefault(&font);
  io.Fonts->Build();
}

}  // namespace kz
