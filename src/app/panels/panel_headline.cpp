// Headline strip: one table column per figure (two rows of two on a phone); values drawn larger than
// body text, wrapped to the column, and smaller when a word or a number would not fit (none is broken).
#include "panels/panel_headline.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_scale.hpp"
#include "panels/ui_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

constexpr float kValueScale = 1.9f;  // the figures' size against body text (the headline level's)
constexpr float kMinColumnEms = 8.0f;  // the narrowest column a figure gets, in body-text heights
// A story step's figure: the presenting bar's highlight colour, on a tinted cell.
constexpr ImVec4 kHighlightText(1.0f, 0.82f, 0.35f, 1.0f);
constexpr ImVec4 kHighlightCell(1.0f, 0.82f, 0.35f, 0.18f);

// Dear ImGui's default font has no U+2212 (minus sign): draw a hyphen instead (the page keeps it).
std::string Drawable(std::string text) {
  const std::string minus = "\xE2\x88\x92";
  for (std::size_t at = text.find(minus); at != std::string::npos; at = text.find(minus, at + 1)) text.replace(at, minus.size(), "-");
  return text;
}

// `text` in the headline font (or, before the levels' atlas exists, kValueScale times the body
// font), wrapped to the column's width.
void BigText(const std::string& text) {
  ImFont* font = FontFor(TextLevel::Headline);
  const float full = font == ImGui::GetFont() ? ImGui::GetFontSize() * kValueScale : font->FontSize;
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  // Smaller (down to body size) rather than a word or a number broken across lines ("Not reco/vered",
  // "約1,/000億円"); the lines break where English and Japanese allow (state/line_break.hpp).
  const float widest = WidestUnbreakableIn(text, font, full);
  const float size = widest > width ? std::max(ImGui::GetFontSize(), full * width / widest) : full;
  const std::string lines = BrokenLines(text, width, font, size);
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, lines.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(font, size, at, ImGui::GetColorU32(ImGuiCol_Text), lines.c_str());
  ImGui::Dummy(extent);
}

}  // namespace

void DrawHeadlineStrip(const Session& session, HeadlinePanelState& state, std::string_view highlighted) {
  if (!session.loaded()) return;
  const int language = static_cast<int>(CurrentLanguage());
  if (state.resultsVersion != session.resultsVersion() || state.language != language) {
    state.resultsVersion = session.resultsVersion();
    state.language = language;
    state.headline = HeadlineOf(session, CurrentText());
  }
  const Headline& h = state.headline;
  if (!h.shown || h.figures.empty()) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV;
  const int fit = static_cast<int>(ImGui::GetContentRegionAvail().x / (kMinColumnEms * ImGui::GetFontSize()));
  const int figures = static_cast<int>(h.figures.size());
  // All in one row when they fit; else rows of half of them (2 x 2), or one column at the narrowest.
  const int columns = fit >= figures ? figures : std::clamp(fit, 1, (figures + 1) / 2);
  if (ImGui::BeginTable("##headline", columns, flags)) {
    for (const HeadlineFigure& figure : h.figures) {
      ImGui::TableNextColumn();
      const bool highlight = !highlighted.empty() && figure.id == highlighted;
      if (highlight) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(kHighlightCell));
        ImGui::PushStyleColor(ImGuiCol_Text, kHighlightText);
      }
      ImGui::BeginGroup();
      BigText(Drawable(figure.value));
      WrappedTextDisabled(Drawable(figure.caption));
      ImGui::EndGroup();
      if (highlight) {
        ImGui::PopStyleColor();
        MarkLastItem("headline-highlight");
      }
    }
    ImGui::EndTable();
  }
  MarkLastItem("headline");
  if (!h.warning.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    WrappedTextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), h.warning);
    ImGui::PopTextWrapPos();
  }
}

}  // namespace kz
