// Landmark registry: one map for the process (one ImGui context, one app per page).
#include "panels/ui_landmarks.hpp"

#include <map>

#include "imgui.h"

namespace kz {
namespace {
struct Landmark {
  LandmarkRect rect;
  int frame = 0;  // ImGui's frame count when it was drawn
};

std::map<std::string, Landmark>& Registry() {
  static std::map<std::string, Landmark> registry;
  return registry;
}
}  // namespace

void MarkLastItem(const char* name) {
  // A control scrolled or clipped out of its window cannot be clicked: it is not drawn.
  if (!ImGui::IsItemVisible()) return;
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  Registry()[name] = Landmark{LandmarkRect{min.x, min.y, max.x - min.x, max.y - min.y}, ImGui::GetFrameCount()};
}

void MarkWindow(const char* name) {
  const ImVec2 pos = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  Registry()[name] = Landmark{LandmarkRect{pos.x, pos.y, size.x, size.y, ImGui::GetScrollY(), ImGui::GetScrollMaxY()},
                              ImGui::GetFrameCount()};
}

std::optional<LandmarkRect> FindLandmark(const std::string& name) {
  const auto it = Registry().find(name);
  // Only what the last frame drew: a closed window's buttons are gone. (Between frames the count
  // is the last frame's; during one, the previous frame's marks are one behind.)
  // A mark from a later frame is from an earlier ImGui context (tests make one per case).
  const int frame = ImGui::GetFrameCount();
  if (it == Registry().end() || it->second.frame < frame - 1 || it->second.frame > frame) return std::nullopt;
  return it->second.rect;
}

std::vector<std::string> LandmarkNames() {
  std::vector<std::string> names;
  for (const auto& [name, rect] : Registry()) names.push_back(name);
  return names;
}

}  // namespace kz
