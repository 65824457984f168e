// Typed keys reach a text field as characters only (see typing_keys.hpp).
#include "typing_keys.hpp"

#include <bitset>

#include "imgui.h"
#include "imgui_impl_glfw.h"

namespace kz::web {
namespace {

// Presses Dear ImGui has seen, so each gets its release and none is left held down.
std::bitset<GLFW_KEY_LAST + 1> forwardedPresses;

// Keys that type a character (Emscripten's GLFW maps the DOM's key codes onto these).
bool TypesACharacter(int key) {
  return (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_GRAVE_ACCENT) || key == GLFW_KEY_WORLD_1 || key == GLFW_KEY_WORLD_2 ||
         (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_ADD) || key == GLFW_KEY_KP_EQUAL;
}

void KeyCallback(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (key >= 0 && key <= GLFW_KEY_LAST) {
    const auto index = static_cast<std::size_t>(key);
    if (action == GLFW_RELEASE) {
      if (!forwardedPresses.test(index)) return;
      forwardedPresses.reset(index);
    } else {
      const bool shortcut = (mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) != 0;
      const bool typing = ImGui::GetIO().WantTextInput && TypesACharacter(key) && !shortcut;
      if (typing && !forwardedPresses.test(index)) return;  // its character comes through the char callback
      forwardedPresses.set(index);
    }
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

}  // namespace

void InstallTypingKeyFilter(GLFWwindow* window) { glfwSetKeyCallback(window, KeyCallback); }

}  // namespace kz::web
