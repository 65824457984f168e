# The core (src/core) and the app's state (src/app/state) are standard C++ only: no graphics, no
# ImGui, no emscripten (STYLE.md). Configuring fails if either target links, or its sources include,
# anything graphical; the state's sources may not include a panel either.
# The list-checking functions take plain lists so tests/cmake/core_guard_test.cmake can exercise them.

# Link items that mean "graphics" or "platform" wherever they appear in the core's link closure.
set(KIZUNA_GRAPHICAL_LINK_REGEX "(^|[/:_-])(imgui|glfw[0-9]*|GL|GLESv2|GLESv3|EGL|OpenGL|webgl[0-9]*|SDL[0-9]*|X11|vulkan)([._-]|$)|kizuna_(app|render|platform|web)|-sUSE_GLFW|-sUSE_WEBGL2|-sMAX_WEBGL_VERSION|-lGL|-lglfw|-lEGL")
# Includes and macros that mean the same in source files.
set(KIZUNA_GRAPHICAL_SOURCE_REGEX "#[ \t]*include[ \t]*[<\"](GL/|GLES[0-9]*/|GLFW/|EGL/|SDL|imgui|emscripten|webgl)|__EMSCRIPTEN__")

# Sets ${out} to the first offending item in the list `items`, or to "" when all are headless.
function(kizuna_find_graphical_link out)
  set(bad "")
  foreach(item IN LISTS ARGN)
    if(item MATCHES "${KIZUNA_GRAPHICAL_LINK_REGEX}")
      set(bad "${item}")
      break()
    endif()
  endforeach()
  set(${out} "${bad}" PARENT_SCOPE)
endfunction()

# Sets ${out} to "file: line" for the first line matching `regex` in the given files, or "".
function(kizuna_find_source_line out regex)
  set(bad "")
  foreach(file IN LISTS ARGN)
    file(STRINGS "${file}" hits REGEX "${regex}")
    if(hits)
      list(GET hits 0 first)
      set(bad "${file}: ${first}")
      break()
    endif()
  endforeach()
  set(${out} "${bad}" PARENT_SCOPE)
endfunction()

# Sets ${out} to "file: line" for the first graphical include or macro in the given files, or "".
function(kizuna_find_graphical_source out)
  kizuna_find_source_line(bad "${KIZUNA_GRAPHICAL_SOURCE_REGEX}" ${ARGN})
  set(${out} "${bad}" PARENT_SCOPE)
endfunction()

# Collects the transitive link items of a target (target names are followed, others kept as-is).
function(kizuna_link_closure target out)
  set(seen "")
  set(pending "${target}")
  set(items "")
  while(pending)
    list(POP_FRONT pending current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${current}")
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES LINK_OPTIONS INTERFACE_LINK_OPTIONS)
      get_target_property(values ${current} ${property})
      if(values)
        foreach(value IN LISTS values)
          string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" value "${value}")
          list(APPEND items "${value}")
          if(TARGET "${value}")
            list(APPEND pending "${value}")
          endif()
        endforeach()
      endif()
    endforeach()
  endwhile()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

function(kizuna_check_core_is_headless target)
  kizuna_link_closure(${target} links)
  kizuna_find_graphical_link(bad_link ${links})
  if(bad_link)
    message(FATAL_ERROR "${target} must link nothing graphical (STYLE.md), but it links '${bad_link}'. "
                        "Move that code to src/app, src/render or src/platform.")
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  file(GLOB_RECURSE headers "${source_dir}/*.hpp" "${source_dir}/*.h")
  set(files "")
  foreach(source IN LISTS sources headers)
    cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${source_dir}" OUTPUT_VARIABLE absolute)
    if(EXISTS "${absolute}")
      list(APPEND files "${absolute}")
    endif()
  endforeach()
  kizuna_find_graphical_source(bad_source ${files})
  if(bad_source)
    message(FATAL_ERROR "${target} must be standard C++ with no graphics or emscripten code (STYLE.md): ${bad_source}")
  endif()
endfunction()

# Sets ${out} to "file: line" for the first include of a panel ("panels/...") in the given files, or "".
function(kizuna_find_panel_include out)
  kizuna_find_source_line(bad "#[ \t]*include[ \t]*[<\"]panels/" ${ARGN})
  set(${out} "${bad}" PARENT_SCOPE)
endfunction()

# The app's state library: headless like the core, and it draws nothing (no panel includes).
function(kizuna_check_state_is_headless target)
  kizuna_check_core_is_headless(${target})
  get_target_property(source_dir ${target} SOURCE_DIR)
  file(GLOB_RECURSE files "${source_dir}/*.cpp" "${source_dir}/*.hpp" "${source_dir}/*.in")
  kizuna_find_panel_include(bad ${files})
  if(bad)
    message(FATAL_ERROR "${target} is state without drawing (src/app/CMakeLists.txt), but it includes a panel: ${bad}")
  endif()
endfunction()
