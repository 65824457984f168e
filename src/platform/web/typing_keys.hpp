// Typing into a text field at a low frame rate. Dear ImGui spreads input over frames when a key's
// down and up events interleave with its character (its input trickling), so under software
// rendering each typed character took a frame or two and a click right after typing waited behind
// them: in Chromium a hazard's typed name had not arrived when its form's Add was checked ("typing
// did not take"). While a text field has the keyboard, printable keys without Ctrl, Alt or Super
// reach ImGui only as their characters (GLFW's char callback), which one frame takes all at once;
// editing keys (Backspace, arrows, Enter, Tab), modifiers and shortcuts still come as keys.
#pragma once

#include <GLFW/glfw3.h>

namespace kz::web {

/// Replaces the key callback the ImGui GLFW backend installed (call after ImGui_ImplGlfw_Init*)
/// with one that filters typed keys as above and passes everything else to the backend.
void InstallTypingKeyFilter(GLFWwindow* window);

}  // namespace kz::web
