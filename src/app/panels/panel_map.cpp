// World map panel. Section index:
//   Input    hover hit-test, drag to pan, wheel to zoom about the cursor
//   Legend   the fulfilment scale, the flow key, good and month selectors
//   Tooltip  the hovered region's figures
#include "panels/panel_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "state/catalog.hpp"
#include "imgui.h"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

constexpr double kWheelZoomStep = 1.15;  // per wheel notch

ImU32 ToImColour(const std::array<float, 4>& c) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c[0], c[1], c[2], c[3])); }

}  // namespace

// --- Input ---------------------------------------------------------------------------------------

int MapPanel::RegionAt(const MapPanelInput& input, ScreenPoint point) const {
  if (input.mesh == nullptr) return -1;
  const int country = input.mesh->CountryAt(ScreenToLonLat(view, viewport, point));
  if (country < 0) return -1;
  const int meshRegion = input.mesh->Countries()[static_cast<std::size_t>(country)].region;
  const std::string& id = input.mesh->RegionIds()[static_cast<std::size_t>(meshRegion)];
  const auto found = std::find(input.regionIds.begin(), input.regionIds.end(), id);
  return found == input.regionIds.end() ? -1 : static_cast<int>(found - input.regionIds.begin());
}

void MapPanel::HandleInput(const MapPanelInput& input) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImGuiViewport* main = ImGui::GetMainViewport();
  viewport = input.area.width > 0.0 ? input.area
                                    : MapViewport{main->Pos.x, main->Pos.y, std::max(1.0f, main->Size.x), std::max(1.0f, main->Size.y)};
  const bool overMap = !io.WantCaptureMouse && ImGui::IsMousePosValid();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging = overMap;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging = false;
  if (dragging && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
    PanBy(view, viewport, {io.MouseDelta.x, io.MouseDelta.y});
  }
  if (overMap && io.MouseWheel != 0.0f) {
    ZoomAbout(view, viewport, {io.MousePos.x, io.MousePos.y}, std::pow(kWheelZoomStep, io.MouseWheel));
  }
  hovered = overMap || dragging ? RegionAt(input, {io.MousePos.x, io.MousePos.y}) : -1;
}

// --- Legend --------------------------------------------------------------------------------------

bool MapPanel::DrawLegend(const MapPanelInput& input, float uiScale) {
  const float margin = 12.0f * uiScale;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(viewport.x) + margin, static_cast<float>(viewport.y + viewport.height) - margin),
                          ImGuiCond_Always, ImVec2(0.0f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.85f);  // the one see-through window: the map's legend lies over the map itself
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  bool changed = false;
  if (ImGui::Begin("##map-legend", nullptr, flags)) {
    if (input.good != nullptr && input.month != nullptr && !input.goodNames.empty()) {
      const float column = 70.0f * uiScale;  // labels before their controls
      const std::string& current = input.goodNames[static_cast<std::size_t>(*input.good)];
      if (BeginComboFitted(LabelBefore(TrId("map.good", "good"), column, 160.0f * uiScale).c_str(), current)) {
        for (int g = 0; g < static_cast<int>(input.goodNames.size()); ++g) {
          if (ImGui::Selectable(input.goodNames[static_cast<std::size_t>(g)].c_str(), g == *input.good)) {
            changed |= g != *input.good;
            *input.good = g;
          }
        }
        ImGui::EndCombo();
      }
      changed |= ImGui::SliderInt(LabelBefore(TrId("map.month", "month"), column, 160.0f * uiScale).c_str(), input.month, 0, std::max(0, input.months - 1));
    }
    if (input.status != nullptr) WrappedLabel(input.status);
    ImGui::TextUnformatted(Tr("map.fulfilment"));
    // The colour scale as a bar of small steps, labelled at its ends and middle.
    const float width = 200.0f * uiScale, height = 10.0f * uiScale;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    constexpr int kSteps = 20;
    for (int i = 0; i < kSteps; ++i) {
      const double f = 0.4 + 0.6 * (i + 0.5) / kSteps;
      draw->AddRectFilled(ImVec2(origin.x + width * i / kSteps, origin.y),
                          ImVec2(origin.x + width * (i + 1) / kSteps, origin.y + height), ToImColour(FulfilmentColour(f)));
    }
    ImGui::Dummy(ImVec2(width, height));
    ImGui::TextUnformatted("<=50%");
    ImGui::SameLine(width * 0.5f);
    ImGui::TextUnformatted("75%");
    ImGui::SameLine(width - ImGui::CalcTextSize("100%").x);
    ImGui::TextUnformatted("100%");
    // How to read the arcs and move the map: three lines, or on a short map (where they would make
    // the legend cover more than a third of it, as on a 1024 x 768 screen) one line that shows them
    // on hover.
    const char* notes[] = {Tr("map.arcs"), Tr("map.restriction"), Tr("map.navigate")};
    const bool shortMap = static_cast<float>(viewport.height) < 3.0f * 9.0f * ImGui::GetFrameHeightWithSpacing();
    if (shortMap) {
      ImGui::TextDisabled("%s", Tr("map.reading"));
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        for (const char* note : notes) ImGui::TextUnformatted(note);
        ImGui::EndTooltip();
      }
    } else {
      for (const char* note : notes) ImGui::TextDisabled("%s", note);
    }
  }
  ImGui::End();
  return changed;
}

// --- Tooltip -------------------------------------------------------------------------------------

void MapPanel::DrawTooltip(const MapPanelInput& input) const {
  if (hovered < 0 || dragging) return;
  const std::size_t r = static_cast<std::size_t>(hovered);
  ImGui::BeginTooltip();
  if (r < input.figures.size()) {
    const MapRegionFigures& figures = input.figures[r];
    ImGui::Text("%s (%s)", figures.name.c_str(), input.regionIds[r].c_str());
    ImGui::Separator();
    char value[32];
    std::snprintf(value, sizeof value, "%.1f%%", 100.0 * figures.fulfilment);
    ImGui::TextUnformatted(TrFormat("map.tip-fulfilment", {{"value", value}}).c_str());
    std::snprintf(value, sizeof value, "%.2f", figures.priceIndex);
    ImGui::TextUnformatted(TrFormat("map.tip-price", {{"value", value}}).c_str());
    std::snprintf(value, sizeof value, "%.3g", figures.shortfall);
    ImGui::TextUnformatted(TrFormat("map.tip-shortfall", {{"value", value}}).c_str());
  } else if (r < input.regionIds.size()) {
    ImGui::TextUnformatted(input.regionIds[r].c_str());
  }
  ImGui::EndTooltip();
}

bool MapPanel::Frame(const MapPanelInput& input, float uiScale) {
  HandleInput(input);
  const bool changed = DrawLegend(input, uiScale);
  DrawTooltip(input);
  return changed;
}

}  // namespace kz
