// Headline strip: one table column per figure (two rows of two on a phone); values drawn larger than
// body text, wrapped to the column, and smaller when a word would not fit (no word is broken).
#include "panels/panel_headline.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_scale.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

constexpr float kValueScale = 1.9f;  // the figures' size against body text (the headline level's)
constexpr float kMinColumnEms = 8.0f;  // the narrowest column a figure gets, in body-text heights

// The widest single word of `text` at `size` in `font`.
float WidestWord(ImFont* font, float size, const std::string& text) {
  float widest = 0.0f;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + start, text.data() + end).x);
    start = end + 1;
  }
  return widest;
}

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
  // Smaller (down to body size) rather than a word broken across lines ("Not reco/vered").
  const float widest = WidestWord(font, full, text);
  const float size = widest > width ? std::max(ImGui::GetFontSize(), full * width / widest) : full;
  const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, width, text.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(font, size, at, ImGui::GetColorU32(ImGuiCol_Text), text.c_str(), nullptr, width);
  ImGui::Dummy(extent);
}

}  // namespace

void DrawHeadlineStrip(const Session& session, HeadlinePanelState& state) {
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
      BigText(Drawable(figure.value));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextDisabled("%s", Drawable(figure.caption).c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
  MarkLastItem("headline");
  if (!h.warning.empty()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", h.warning.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace kz
