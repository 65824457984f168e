// One UI scale for the whole interface, derived from the display's device pixel ratio: ImGui works in
// device pixels (as the browser's canvas does), so fonts are rasterised and sizes scaled to match,
// which keeps text crisp on high-DPI screens and projectors alike.
#pragma once

namespace kz {

/// Base font size in CSS pixels before scaling.
inline constexpr float kBaseFontPx = 13.0f;

/// Clamps a reported device pixel ratio to a sane UI scale (browsers report 0.25..10 under zoom).
float UiScaleFromPixelRatio(double devicePixelRatio);

/// A font file in memory whose glyphs are merged into the default font (the Japanese subset). The
/// bytes are not copied: they must outlive every atlas built from them.
struct ExtraFont {
  const unsigned char* data = nullptr;  ///< TrueType/OpenType (CFF) bytes; null = none
  int size = 0;
};

/// Rebuilds ImGui's style and font atlas for `scale`, merging `extra`'s glyphs (CJK punctuation,
/// kana, kanji, fullwidth forms, and symbols the default font lacks such as U+2212) at the same
/// size. The caller re-uploads the font texture. Requires a current ImGui context.
void ApplyUiScale(float scale, ExtraFont extra = {});

}  // namespace kz
