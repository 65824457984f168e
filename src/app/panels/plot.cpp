// Plot helpers (see plot.hpp): ranges, labels and shapes on the current window's draw list.
#include "panels/plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "state/catalog.hpp"

namespace kz::plot {

Ticks NiceTicks(double minValue, double maxValue, int wanted) {
  if (!std::isfinite(minValue) || !std::isfinite(maxValue)) return {};
  if (minValue > maxValue) std::swap(minValue, maxValue);
  if (maxValue - minValue < 1e-12 * std::max(1.0, std::fabs(maxValue))) {
    if (maxValue == 0.0) return {};
    const double pad = std::fabs(maxValue) * 0.5;
    minValue = std::min(0.0, minValue - pad);
    maxValue = std::max(0.0, maxValue + pad);
  }
  const double raw = (maxValue - minValue) / std::max(1, wanted);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  return Ticks{std::floor(minValue / step + 1e-9) * step, std::ceil(maxValue / step - 1e-9) * step, step};
}

// Four units whose sizes the catalog gives (English tn/bn/m/k, Japanese 兆/億/万/1), then plain dollars.
std::string FormatUsd(double usd) {
  static const char* const kUnits[] = {"format.usd.unit1", "format.usd.unit2", "format.usd.unit3", "format.usd.unit4"};
  static const int kDecimals[] = {2, 2, 1, 1};
  double sizes[4] = {1e12, 1e9, 1e6, 1e3};
  std::istringstream sizeText(Tr("format.usd.sizes"));
  for (double& size : sizes) {
    double read = 0.0;
    if (sizeText >> read && read >= 1.0) size = read;
  }
  char number[40];
  const double a = std::fabs(usd);
  for (int u = 0; u < 4; ++u) {
    if (a >= sizes[u]) {
      std::snprintf(number, sizeof number, "%.*f", kDecimals[u], usd / sizes[u]);
      return TrFormat(kUnits[u], {{"number", number}});
    }
  }
  std::snprintf(number, sizeof number, "%.0f", usd);
  return TrFormat("format.usd.plain", {{"number", number}});
}

std::string FormatShare(double share, int decimals) {
  char text[24];
  std::snprintf(text, sizeof text, "%.*f%%", decimals, share * 100.0);
  return text;
}

std::string FormatUnit(double value, const std::string& unit) {
  if (unit == "USD") return FormatUsd(value);
  if (unit == "share") return FormatShare(value, 1);
  char text[48];
  if (unit == "index") std::snprintf(text, sizeof text, "%.2fx", value);
  else std::snprintf(text, sizeof text, "%.4g %s", value, unit.c_str());
  return text;
}

float Area::X(double x) const {
  const double span = xHigh - xLow;
  const double f = span > 0.0 ? (x - xLow) / span : 0.0;
  return min.x + (max.x - min.x) * static_cast<float>(std::clamp(f, 0.0, 1.0));
}

float Area::Y(double y) const {
  const double span = yHigh - yLow;
  const double f = span > 0.0 ? (y - yLow) / span : 0.0;
  return max.y - (max.y - min.y) * static_cast<float>(std::clamp(f, 0.0, 1.0));
}

double Area::DataX(float screenX) const {
  const float width = max.x - min.x;
  const double f = width > 0.0f ? std::clamp((screenX - min.x) / width, 0.0f, 1.0f) : 0.0;
  return xLow + (xHigh - xLow) * f;
}

Area Reserve(const char* id, ImVec2 size, float left, float bottom, double xLow, double xHigh, double yLow, double yHigh) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  size.x = std::max(size.x, left + 40.0f);
  size.y = std::max(size.y, bottom + 40.0f);
  ImGui::InvisibleButton(id, size);
  const float top = ImGui::GetFontSize() * 0.5f;  // room for the top label
  Area area;
  area.min = ImVec2(origin.x + left, origin.y + top);
  area.max = ImVec2(origin.x + size.x - 8.0f, origin.y + size.y - bottom);
  area.xLow = xLow;
  area.xHigh = xHigh;
  area.yLow = yLow;
  area.yHigh = yHigh;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  area.hovered = ImGui::IsItemHovered() && mouse.x >= area.min.x && mouse.x <= area.max.x && mouse.y >= area.min.y &&
                 mouse.y <= area.max.y;
  ImGui::GetWindowDrawList()->AddRect(area.min, area.max, ImGui::GetColorU32(ImGuiCol_Border));
  return area;
}

void YAxis(ImDrawList* draw, const Area& area, const Ticks& ticks, const std::string& unit) {
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const int count = static_cast<int>(std::lround((ticks.high - ticks.low) / ticks.step));
  for (int i = 0; i <= count && i <= 40; ++i) {
    const double y = ticks.low + ticks.step * i;
    const float sy = area.Y(y);
    draw->AddLine(ImVec2(area.min.x, sy), ImVec2(area.max.x, sy), grid);
    const std::string label = FormatUnit(y, unit);
    draw->AddText(ImVec2(area.min.x - ImGui::CalcTextSize(label.c_str()).x - 4.0f, sy - ImGui::GetFontSize() * 0.5f), text,
                  label.c_str());
  }
}

void XAxis(ImDrawList* draw, const Area& area, const Ticks& ticks, const std::string& unit) {
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const int count = static_cast<int>(std::lround((ticks.high - ticks.low) / ticks.step));
  for (int i = 0; i <= count && i <= 40; ++i) {
    const double x = ticks.low + ticks.step * i;
    const float sx = area.X(x);
    draw->AddLine(ImVec2(sx, area.min.y), ImVec2(sx, area.max.y), x == 0.0 ? ImGui::GetColorU32(ImGuiCol_Text, 0.6f) : grid);
    if (i % 2 != 0 && count > 6) continue;  // every other label when crowded
    const std::string label = FormatUnit(x, unit);
    // Centred on its tick, but never past the plot's right edge (the last tick's label was cut).
    const float width = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(std::min(sx - width * 0.5f, area.max.x + 6.0f - width), area.max.y + 3.0f), text, label.c_str());
  }
}

void MonthAxis(ImDrawList* draw, const Area& area, int months) {
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const int step = months > 48 ? 12 : months > 18 ? 6 : months > 8 ? 3 : 1;
  for (int t = 0; t < months; t += step) {
    const float sx = area.X(t);
    draw->AddLine(ImVec2(sx, area.max.y), ImVec2(sx, area.max.y + 4.0f), grid);
    char label[16];
    std::snprintf(label, sizeof label, "%d", t);
    draw->AddText(ImVec2(sx - ImGui::CalcTextSize(label).x * 0.5f, area.max.y + 5.0f), text, label);
  }
  const char* title = Tr("plot.month-axis");
  draw->AddText(ImVec2(area.max.x - ImGui::CalcTextSize(title).x, area.max.y + 5.0f + ImGui::GetFontSize()), text, title);
}

void Band(ImDrawList* draw, const Area& area, const std::vector<double>& lower, const std::vector<double>& upper, ImU32 colour) {
  const std::size_t n = std::min(lower.size(), upper.size());
  for (std::size_t t = 1; t < n; ++t) {
    const double x0 = static_cast<double>(t - 1);
    const double x1 = static_cast<double>(t);
    draw->AddQuadFilled(area.At(x0, lower[t - 1]), area.At(x1, lower[t]), area.At(x1, upper[t]), area.At(x0, upper[t - 1]),
                        colour);
  }
}

void Line(ImDrawList* draw, const Area& area, const std::vector<double>& values, ImU32 colour, float thickness) {
  for (std::size_t t = 1; t < values.size(); ++t) {
    draw->AddLine(area.At(static_cast<double>(t - 1), values[t - 1]), area.At(static_cast<double>(t), values[t]), colour,
                  thickness);
  }
}

Rect HBar(ImDrawList* draw, const Area& area, int row, int rows, double from, double to, ImU32 colour, float fill) {
  const float height = (area.max.y - area.min.y) / static_cast<float>(std::max(rows, 1));
  const float top = area.min.y + height * static_cast<float>(row);
  const float pad = height * (1.0f - fill) * 0.5f;
  float x0 = area.X(from);
  float x1 = area.X(to);
  if (x0 > x1) std::swap(x0, x1);
  draw->AddRectFilled(ImVec2(x0, top + pad), ImVec2(std::max(x1, x0 + 1.0f), top + height - pad), colour);
  return Rect{ImVec2(area.min.x, top), ImVec2(area.max.x, top + height)};
}

}  // namespace kz::plot
