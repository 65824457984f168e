# Embeds GLSL sources from shaders/ into a generated header as string constants, at configure time.
# Editing a shader re-runs configure (CMAKE_CONFIGURE_DEPENDS), so the app never ships stale GLSL.
#   kizuna_embed_shaders(<output header> <namespace> <shader files...>)
# Each file "name.vert" becomes `inline constexpr const char* kNameVert = R"glsl(...)glsl";`.
function(kizuna_embed_shaders output namespace)
  set(body "")
  foreach(shader IN LISTS ARGN)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${shader}")
    file(READ "${shader}" source)
    if(source MATCHES "\\)glsl\"")
      message(FATAL_ERROR "${shader} contains the raw-string terminator )glsl\"")
    endif()
    get_filename_component(name "${shader}" NAME_WE)
    get_filename_component(stage "${shader}" LAST_EXT)
    string(SUBSTRING "${stage}" 1 -1 stage)
    set(identifier "k")
    foreach(part IN ITEMS ${name} ${stage})
      string(SUBSTRING "${part}" 0 1 first)
      string(SUBSTRING "${part}" 1 -1 rest)
      string(TOUPPER "${first}" first)
      string(APPEND identifier "${first}${rest}")
    endforeach()
    string(APPEND body "inline constexpr const char* ${identifier} = R\"glsl(${source})glsl\";\n\n")
  endforeach()
  file(CONFIGURE OUTPUT "${output}" CONTENT
    "// Generated from shaders/ by cmake/KizunaEmbedShaders.cmake. Do not edit.\n#pragma once\n\nnamespace ${namespace} {\n\n${body}}  // namespace ${namespace}\n"
    @ONLY)
endfunction()
