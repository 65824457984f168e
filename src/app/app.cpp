// App frame: the main window and its panels.
#include "app.hpp"

#include "imgui.h"
#include "panel_about.hpp"

namespace kz {

void App::Frame(const FrameContext& frame) {
  world.Frame(frame.uiScale);  // first: the map lies under every other window
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = 24.0f * frame.uiScale;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420.0f * frame.uiScale, 0.0f), ImGuiCond_FirstUseEver);
  if (ImGui::Begin("Kizuna")) {
    ImGui::TextWrapped("Supply-chain policy sandbox: what-if models of disruptions and of the frameworks "
                       "allies build to coordinate against them.");
    ImGui::Separator();
    DrawAboutPanel(AboutRows(GetBuildInfo(), frame.frameMs, frame.uiScale));
  }
  ImGui::End();
}

}  // namespace kz
