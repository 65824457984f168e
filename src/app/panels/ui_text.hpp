// Text that is never clipped: labels wrap or end in an ellipsis with the full text in a tooltip,
// and a per-frame audit lists any text that was cut anyway (a window's content wider than the
// window, a label that did not fit), for the page's test hook (kizuna.clippedText()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "panels/ui_scale.hpp"
#include "state/layout.hpp"

namespace kz {

/// Draws `text` wrapped at the content region's right edge, broken where English and Japanese
/// allow (state/line_break.hpp: never inside a number with its unit, kinsoku kept).
void WrappedLabel(std::string_view text);

/// Draws `text` wrapped as WrappedLabel, at the wrap position pushed with ImGui::PushTextWrapPos
/// (the content region's edge when none is), in the current font: use instead of TextWrapped or
/// TextUnformatted under PushTextWrapPos, whose word wrap breaks Japanese anywhere.
void WrappedText(std::string_view text);
/// WrappedText in `color`.
void WrappedTextColored(const ImVec4& color, std::string_view text);
/// WrappedText in the disabled text colour (captions, notes).
void WrappedTextDisabled(std::string_view text);

/// `text` broken into lines no wider than `width` in `font` at `size` pixels (state/line_break.hpp).
std::string BrokenLines(std::string_view text, float width, ImFont* font, float size);
/// The widest piece of `text` no line break may split, in `font` at `size` pixels.
float WidestUnbreakableIn(std::string_view text, ImFont* font, float size);

/// `text` cut to fit `width` pixels with a trailing "…" (U+2026), or `text` when it fits.
std::string EllipsizedText(std::string_view text, float width);

/// Draws `text` in `width` pixels, ellipsized when needed, with the full text in a tooltip then.
void FittedText(const std::string& text, float width);

/// ImGui::BeginCombo whose closed box shows `text` ellipsized to the combo's width (the next item's
/// width), with the full text in a tooltip then: a long name never runs past the box's edge.
bool BeginComboFitted(const char* id, const std::string& text);

/// Draws the visible part of `labelAndId` ("Start###start") before the next control, where readers
/// look first (ImGui draws labels after controls): in a column `labelColumn` wide, or on its own
/// line above when it does not fit there. Sets the control's width (`controlWidth`; 0 = the rest of
/// the line) and returns the id to pass the control ("###start"), which keeps the control's id.
std::string LabelBefore(std::string_view labelAndId, float labelColumn, float controlWidth = 0.0f);

/// Places the next window at a fraction of the work area (state/layout.hpp), every frame.
void PlaceNextWindow(const PanelRect& rect);

/// Sizes the next window `size` and centres it in the work area, both under `cond` (dialogs that
/// float over the panels: help, story, analysis, debrief).
void CenterNextWindow(ImVec2 size, ImGuiCond cond);

/// LabelBefore with a column just as wide as the label: "Good [combo]" inline, in a row of controls.
std::string LabelInline(std::string_view labelAndId, float controlWidth);

/// The width LabelInline's label and control take together.
float LabelInlineWidth(std::string_view labelAndId, float controlWidth);

/// Flow layout: puts the next item (`width` pixels wide) on the current line when it fits there,
/// else on a new line. Call before every item of the row but the first.
void SameLineIfFits(float width);

/// Pushes the font of a typographic level; pop with ImGui::PopFont().
void PushTextLevel(TextLevel level);

/// Records that `text` was drawn cut this frame (a helper that could neither wrap nor ellipsize).
void NoteClippedText(std::string_view text);

/// Starts a frame's audit (call after ImGui::NewFrame).
void BeginTextAudit();
/// Ends it (call before ImGui::Render): adds every visible window whose content is wider than its
/// area and has no horizontal scroll bar.
void EndTextAudit();
/// What the last finished frame drew cut: "window: <name>" or the text itself. Empty = nothing.
const std::vector<std::string>& ClippedTextLastFrame();

}  // namespace kz
