// Text that is never clipped (see ui_text.hpp).
#include "panels/ui_text.hpp"

#include "imgui.h"
#include "imgui_internal.h"  // the windows' content extents, for the audit

#include <algorithm>
#include <string>

#include "state/line_break.hpp"

namespace kz {
namespace {

std::vector<std::string> clippedThisFrame;
std::vector<std::string> clippedLastFrame;
constexpr const char* kEllipsis = "\xE2\x80\xA6";  // U+2026

// UTF-8: the start of the character before `end`.
std::size_t PreviousCharacter(std::string_view text, std::size_t end) {
  std::size_t at = end;
  while (at > 0) {
    --at;
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) break;
  }
  return at;
}

float TextWidth(std::string_view text) { return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x; }

// A character's width as Dear ImGui measures it (code points past its 16-bit range draw as the fallback).
CharAdvance AdvanceIn(ImFont* font, float size) {
  const float scale = size / font->FontSize;
  return [font, scale](char32_t c) {
    return (c <= IM_UNICODE_CODEPOINT_MAX ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX) * scale;
  };
}

// The width TextWrapped would wrap at here: the pushed wrap position, or the content region's edge.
float WrapWidthHere() {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  return ImGui::CalcWrapWidthForPos(window->DC.CursorPos, std::max(0.0f, window->DC.TextWrapPos));
}

}  // namespace

std::string BrokenLines(std::string_view text, float width, ImFont* font, float size) { return BreakLines(text, width, AdvanceIn(font, size)); }

float WidestUnbreakableIn(std::string_view text, ImFont* font, float size) { return WidestUnbreakable(text, AdvanceIn(font, size)); }

// Dear ImGui's TextEx for wrapped text, with the lines broken here: one item, drawn as broken, and
// logged as written (ImGui's log, which tests and kizuna.analysisText read, never saw its own wraps).
void WrappedText(std::string_view text) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const std::string lines = BrokenLines(text, WrapWidthHere(), g.Font, g.FontSize);
  const ImVec2 at(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const ImVec2 size = ImGui::CalcTextSize(lines.data(), lines.data() + lines.size());
  const ImRect box(at, ImVec2(at.x + size.x, at.y + size.y));
  ImGui::ItemSize(size, 0.0f);
  if (!ImGui::ItemAdd(box, 0)) return;
  window->DrawList->AddText(g.Font, g.FontSize, at, ImGui::GetColorU32(ImGuiCol_Text), lines.data(), lines.data() + lines.size());
  if (g.LogEnabled) ImGui::LogRenderedText(&at, text.data(), text.data() + text.size());
}

void WrappedTextColored(const ImVec4& color, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  WrappedText(text);
  ImGui::PopStyleColor();
}

void WrappedTextDisabled(std::string_view text) { WrappedTextColored(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], text); }

void WrappedLabel(std::string_view text) {
  ImGui::PushTextWrapPos(0.0f);
  WrappedText(text);
  ImGui::PopTextWrapPos();
}

std::string EllipsizedText(std::string_view text, float width) {
  if (TextWidth(text) <= width) return std::string(text);
  const float room = width - TextWidth(kEllipsis);
  std::size_t end = text.size();
  while (end > 0 && TextWidth(text.substr(0, end)) > room) end = PreviousCharacter(text, end);
  while (end > 0 && text[end - 1] == ' ') --end;
  return std::string(text.substr(0, end)) + kEllipsis;
}

bool BeginComboFitted(const char* id, const std::string& text) {
  const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2.0f;
  const std::string preview = EllipsizedText(text, room);
  const bool open = ImGui::BeginCombo(id, preview.c_str());
  if (!open && preview != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
  return open;
}

void FittedText(const std::string& text, float width) {
  const std::string shown = EllipsizedText(text, width);
  ImGui::TextUnformatted(shown.c_str());
  if (shown != text && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

std::string LabelBefore(std::string_view labelAndId, float labelColumn, float controlWidth) {
  const std::size_t hashes = labelAndId.find("##");
  const std::string label(labelAndId.substr(0, hashes));
  const std::string id = hashes == std::string_view::npos ? "##" + label : std::string(labelAndId.substr(hashes));
  const float start = ImGui::GetCursorPosX();
  if (ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().ItemSpacing.x <= labelColumn) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(start + labelColumn);
  } else {
    WrappedLabel(label.c_str());
  }
  ImGui::SetNextItemWidth(controlWidth > 0.0f ? controlWidth : -1.0f);
  return id;
}

void PlaceNextWindow(const PanelRect& rect) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 pos(viewport->WorkPos.x + viewport->WorkSize.x * rect.x, viewport->WorkPos.y + viewport->WorkSize.y * rect.y);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * rect.width, viewport->WorkSize.y * rect.height), ImGuiCond_Always);
}

void CenterNextWindow(ImVec2 size, ImGuiCond cond) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(size, cond);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          cond, ImVec2(0.5f, 0.5f));
}

float LabelInlineWidth(std::string_view labelAndId, float controlWidth) {
  const std::string label(labelAndId.substr(0, labelAndId.find("##")));
  return ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().ItemSpacing.x + controlWidth;
}

std::string LabelInline(std::string_view labelAndId, float controlWidth) {
  return LabelBefore(labelAndId, LabelInlineWidth(labelAndId, 0.0f), controlWidth);
}

// Measured before SameLine: SameLine then NewLine would leave the line's extent past the edge.
void SameLineIfFits(float width) {
  const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (x + width <= ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x) ImGui::SameLine();
}

void PushTextLevel(TextLevel level) { ImGui::PushFont(FontFor(level)); }

void NoteClippedText(std::string_view text) { clippedThisFrame.emplace_back(text); }

void BeginTextAudit() { clippedThisFrame.clear(); }

void EndTextAudit() {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  for (const ImGuiWindow* window : g.Windows) {
    if (!window->Active || window->Hidden || window->Collapsed || window->SkipItems) continue;
    if (window->Appearing || window->AutoFitFramesX > 0) continue;  // still sizing itself to its content
    if ((window->Flags & (ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_AlwaysHorizontalScrollbar)) != 0) continue;
    if (window->ScrollbarX) continue;
    // Items end at CursorMaxPos; the area they may use ends at WorkRect (the padding excluded).
    if (window->DC.CursorMaxPos.x > window->WorkRect.Max.x + 1.0f) clippedThisFrame.push_back(std::string("window: ") + window->Name);
  }
  clippedLastFrame = clippedThisFrame;
}

const std::vector<std::string>& ClippedTextLastFrame() { return clippedLastFrame; }

}  // namespace kz
