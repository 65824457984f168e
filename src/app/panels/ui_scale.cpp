// Style and font rebuilt for a UI scale (see ui_scale.hpp).
#include "panels/ui_scale.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"

namespace kz {

float UiScaleFromPixelRatio(double devicePixelRatio) {
  if (!std::isfinite(devicePixelRatio) || devicePixelRatio <= 0.0) return 1.0f;
  return static_cast<float>(std::clamp(devicePixelRatio, 0.5, 4.0));
}

// Blocks the Japanese subset may cover; the atlas keeps only the code points the font has, so
// these ranges cost nothing for characters outside the subset.
constexpr ImWchar kExtraRanges[] = {
    0x00A0, 0x00FF,  // Latin-1 punctuation the default font may lack
    0x2000, 0x206F,  // general punctuation (dashes, quotes, ellipsis)
    0x2190, 0x22FF,  // arrows and maths (U+2212 minus, ×)
    0x25A0, 0x25FF,  // geometric shapes
    0x3000, 0x30FF,  // CJK punctuation, hiragana, katakana
    0x4E00, 0x9FFF,  // CJK unified ideographs
    0xFF00, 0xFFEF,  // fullwidth forms
    0,
};

void ApplyUiScale(float scale, ExtraFont extra) {
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
  if (extra.data != nullptr && extra.size > 0) {
    ImFontConfig merged;
    merged.MergeMode = true;
    merged.FontDataOwnedByAtlas = false;  // the caller keeps the bytes
    merged.OversampleH = 1;               // CJK strokes are dense: oversampling only grows the atlas
    merged.PixelSnapH = true;
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(extra.data), extra.size, font.SizePixels, &merged, kExtraRanges);
  }
  io.Fonts->Build();
}

}  // namespace kz
