// A Dear ImGui context with no renderer, for drawing panels in tests.
#pragma once

#include "imgui.h"

namespace kz::test {

/// Creates a context with a display size and a built font atlas; destroys it on scope exit.
class HeadlessImGui {
 public:
  explicit HeadlessImGui(float width = 1280.0f, float height = 720.0f) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int atlasWidth = 0;
    int atlasHeight = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &atlasWidth, &atlasHeight);  // a renderer would upload this
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

}  // namespace kz::test
