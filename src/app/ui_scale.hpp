// One UI scale for the whole interface, derived from the display's device pixel ratio: ImGui works in
// device pixels (as the browser's canvas does), so fonts are rasterised and sizes scaled to match,
// which keeps text crisp on high-DPI screens and projectors alike.
#pragma once

namespace kz {

/// Base font size in CSS pixels before scaling.
inline constexpr float kBaseFontPx = 13.0f;

/// Clamps a reported device pixel ratio to a sane UI scale (browsers report 0.25..10 under zoom).
float UiScaleFromPixelRatio(double devicePixelRatio);

/// Rebuilds ImGui's style and font atlas for `scale`. The caller re-uploads the font texture.
/// Requires a current ImGui context.
void ApplyUiScale(float scale);

}  // namespace kz
