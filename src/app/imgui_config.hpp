// Dear ImGui compile-time configuration (IMGUI_USER_CONFIG), so ImGui's own files stay unpatched.
#pragma once

#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS  // keep the code on the current API
#define IMGUI_DISABLE_OBSOLETE_KEYIO      // the same for the keyboard API
#define IMGUI_DISABLE_FILE_FUNCTIONS      // no imgui.ini, no font files: the browser has no file system
