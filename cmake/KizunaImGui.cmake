# Dear ImGui, compiled from the sources tools/setup unpacks into the build tree (never the repo).
#   kizuna_imgui          the core of Dear ImGui (no backend): used by src/app and its native smoke test
#   kizuna_imgui_backends GLFW + OpenGL3 (as WebGL2 / GLSL ES 3.00) backends: web build only
# Configuration goes through IMGUI_USER_CONFIG (src/app/imgui_config.hpp), never by patching ImGui.
set(imgui_dir "${KIZUNA_IMGUI_DIR}")
if(NOT EXISTS "${imgui_dir}/imgui.cpp")
  message(FATAL_ERROR
    "Dear ImGui ${KIZUNA_IMGUI_VERSION} sources not found in '${imgui_dir}'.\n"
    "Run tools/setup (Debian, as root), or pass -DKIZUNA_IMGUI_DIR=/path/to/imgui (a v${KIZUNA_IMGUI_VERSION} checkout), "
    "or -DKIZUNA_BUILD_APP=OFF to build only the core and the CLI.")
endif()
file(STRINGS "${imgui_dir}/imgui.h" imgui_version_line REGEX "#define IMGUI_VERSION +\"")
if(NOT imgui_version_line MATCHES "\"${KIZUNA_IMGUI_VERSION}\"")
  message(FATAL_ERROR "'${imgui_dir}' holds ${imgui_version_line}; Kizuna is pinned to Dear ImGui ${KIZUNA_IMGUI_VERSION}.")
endif()

add_library(kizuna_imgui STATIC
  "${imgui_dir}/imgui.cpp"
  "${imgui_dir}/imgui_draw.cpp"
  "${imgui_dir}/imgui_tables.cpp"
  "${imgui_dir}/imgui_widgets.cpp")
target_include_directories(kizuna_imgui SYSTEM PUBLIC "${imgui_dir}")
target_compile_definitions(kizuna_imgui PUBLIC
  IMGUI_USER_CONFIG="${PROJECT_SOURCE_DIR}/src/app/imgui_config.hpp")

if(EMSCRIPTEN)
  # Input only: ImGui's OpenGL3 renderer read GL state back every frame (a GPU sync); the app draws
  # ImGui with its own WebGL2 renderer (src/render/imgui_renderer.*).
  add_library(kizuna_imgui_backends STATIC "${imgui_dir}/backends/imgui_impl_glfw.cpp")
  target_include_directories(kizuna_imgui_backends SYSTEM PUBLIC "${imgui_dir}/backends")
  target_link_libraries(kizuna_imgui_backends PUBLIC kizuna_imgui)
  target_link_options(kizuna_imgui_backends PUBLIC -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)
endif()
