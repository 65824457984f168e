// Style and fonts rebuilt for a UI scale and text size (see ui_scale.hpp).
#include "panels/ui_scale.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"

namespace kz {

float UiScaleFromPixelRatio(double devicePixelRatio) {
  if (!std::isfinite(devicePixelRatio) || devicePixelRatio <= 0.0) return 1.0f;
  return static_cast<float>(std::clamp(devicePixelRatio, 0.5, 4.0));
}

float BodyTextPx(float cssWidth, float cssHeight, TextSize size) {
  const float byWindow = std::clamp(std::min(cssWidth / 70.0f, cssHeight / 48.0f), 14.0f, 24.0f);
  const float factor = size == TextSize::Smaller ? 0.85f : size == TextSize::Larger ? 1.2f : 1.0f;
  return std::round(byWindow * factor);
}

namespace {

// Latin text from the Latin faces: ASCII, Latin-1, general punctuation (dashes, quotes, ellipsis),
// currency, arrows and maths (U+2212 minus, the multiplication sign).
constexpr ImWchar kLatinRanges[] = {0x0020, 0x00FF, 0x2000, 0x206F, 0x20A0, 0x20CF, 0x2190, 0x22FF, 0};

// Blocks the Japanese subset may cover; the atlas keeps only the code points the font has, so
// these ranges cost nothing for characters outside the subset. Glyphs already in the level's font
// (Latin) are kept: merged fonts never overwrite them.
constexpr ImWchar kExtraRanges[] = {
    0x0020, 0x00FF,  // ASCII and Latin-1 where no Latin face is loaded
    0x2000, 0x206F,  // general punctuation (dashes, quotes, ellipsis)
    0x2190, 0x22FF,  // arrows and maths (U+2212 minus, ×)
    0x25A0, 0x25FF,  // geometric shapes
    0x3000, 0x30FF,  // CJK punctuation, hiragana, katakana
    0x4E00, 0x9FFF,  // CJK unified ideographs
    0xFF00, 0xFFEF,  // fullwidth forms
    0,
};

constexpr float kLevelFactor[] = {1.0f, 1.2f, 1.9f};  // body, heading, headline

void AddLevel(ImFontAtlas& atlas, float pixels, const ExtraFont& latin, const ExtraFont& japanese) {
  ImFontConfig font;
  font.SizePixels = pixels;
  if (latin.data != nullptr && latin.size > 0) {
    font.FontDataOwnedByAtlas = false;  // the caller keeps the bytes
    font.OversampleH = 2;
    atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(latin.data), latin.size, pixels, &font, kLatinRanges);
  } else {
    atlas.AddFontDefault(&font);
  }
  if (japanese.data != nullptr && japanese.size > 0) {
    ImFontConfig merged;
    merged.MergeMode = true;
    merged.FontDataOwnedByAtlas = false;
    merged.OversampleH = 1;  // CJK strokes are dense: oversampling only grows the atlas
    merged.PixelSnapH = true;
    atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(japanese.data), japanese.size, pixels, &merged, kExtraRanges);
  }
}

// Dark theme with opaque windows: a briefing's text never sits over the map's colours.
ImGuiStyle OpaqueStyle(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 4.0f;
  style.FrameRounding = 3.0f;
  for (const ImGuiCol col : {ImGuiCol_WindowBg, ImGuiCol_ChildBg, ImGuiCol_PopupBg, ImGuiCol_MenuBarBg}) {
    style.Colors[col].w = 1.0f;
  }
  style.Colors[ImGuiCol_ChildBg] = style.Colors[ImGuiCol_WindowBg];
  style.ScaleAllSizes(scale);
  return style;
}

}  // namespace

void ApplyUiFonts(float pixelRatio, float bodyCssPx, const UiFaces& faces) {
  const float scale = pixelRatio * bodyCssPx / kBaseFontPx;
  ImGui::GetStyle() = OpaqueStyle(scale);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float body = std::round(bodyCssPx * pixelRatio);  // whole pixels keep strokes sharp
  for (int level = 0; level < 3; ++level) {
    const ExtraFont& latin = level == 0 || faces.bold.data == nullptr ? faces.regular : faces.bold;
    AddLevel(*io.Fonts, std::round(body * kLevelFactor[level]), latin, faces.japanese);
  }
  io.Fonts->Build();
}

void ApplyUiScale(float scale, ExtraFont extra) { ApplyUiFonts(scale, kBaseFontPx, UiFaces{{}, {}, extra}); }

ImFont* FontFor(TextLevel level) {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const int index = static_cast<int>(level);
  return index < atlas.Fonts.Size ? atlas.Fonts[index] : ImGui::GetFont();
}

}  // namespace kz
