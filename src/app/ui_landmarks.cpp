// Landmark registry: one map for the process (one ImGui context, one app per page).
#include "ui_landmarks.hpp"

#include <map>

#include "imgui.h"

namespace kz {
namespace {
std::map<std::string, LandmarkRect>& Registry() {
  static std::map<std::string, LandmarkRect> registry;
  return registry;
}
}  // namespace

void MarkLastItem(const char* name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  Registry()[name] = LandmarkRect{min.x, min.y, max.x - min.x, max.y - min.y};
}

std::optional<LandmarkRect> FindLandmark(const std::string& name) {
  const auto it = Registry().find(name);
  if (it == Registry().end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> LandmarkNames() {
  std::vector<std::string> names;
  for (const auto& [name, rect] : Registry()) names.push_back(name);
  return names;
}

}  // namespace kz
