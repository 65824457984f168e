// One UI scale for the whole interface, from the display's device pixel ratio and the window's size:
// ImGui works in device pixels (as the browser's canvas does), so fonts are rasterised and sizes
// scaled to match, which keeps text crisp on high-DPI screens. Text grows with the window (a
// projector at 1024x768 and a 4K screen both read from the back of a room), times the reader's
// text-size setting. Three typographic levels (body, heading, headline) are fonts of one atlas.
#pragma once

struct ImFont;

namespace kz {

/// Base font size in CSS pixels before scaling (the size widths in panels are designed for).
inline constexpr float kBaseFontPx = 13.0f;

/// Clamps a reported device pixel ratio to a sane UI scale (browsers report 0.25..10 under zoom).
float UiScaleFromPixelRatio(double devicePixelRatio);

/// The reader's text-size setting (View menu), remembered by the platform.
enum class TextSize : int { Smaller = -1, Normal = 0, Larger = 1 };

/// Body text size in CSS pixels for a window of `cssWidth` x `cssHeight` CSS pixels: about a 48th
/// of the height and a 70th of the width, within 14..24 px, times 0.85 / 1 / 1.2 for the setting.
/// Whole pixels, so the atlas is rebuilt only when the size really changes.
float BodyTextPx(float cssWidth, float cssHeight, TextSize size);

/// A font file in memory. The bytes are not copied: they must outlive every atlas built from them.
struct ExtraFont {
  const unsigned char* data = nullptr;  ///< TrueType/OpenType (CFF) bytes; null = none
  int size = 0;
};

/// The faces the atlas is built from; any may be absent (then ImGui's built-in font stands in for
/// the Latin faces, and Japanese shows as '?').
struct UiFaces {
  ExtraFont regular;   ///< Latin text, body level (the web build's Inter subset)
  ExtraFont bold;      ///< Latin text, heading and headline levels
  ExtraFont japanese;  ///< merged into every level (CJK punctuation, kana, kanji, fullwidth forms)
};

/// The typographic levels panels may push (FontFor).
enum class TextLevel : int { Body = 0, Heading = 1, Headline = 2 };

/// Rebuilds ImGui's style and font atlas: body text at `bodyCssPx` CSS pixels, heading at 1.2x and
/// headline at 1.9x, all times `pixelRatio`; style sizes follow the body text. Opaque windows. The
/// caller re-uploads the font texture. Requires a current ImGui context.
void ApplyUiFonts(float pixelRatio, float bodyCssPx, const UiFaces& faces);

/// ApplyUiFonts at the base size with only the Japanese face (`scale` = pixel ratio).
void ApplyUiScale(float scale, ExtraFont extra = {});

/// The font of a level (the body font before any atlas is built with levels).
ImFont* FontFor(TextLevel level);

}  // namespace kz
