# Every file under src/core and src/app/state is free of graphics and emscripten code, and no state
# file includes a panel (the guard's source rules applied to the whole trees, including files not yet
# listed in any target).
include("${GUARD_MODULE}")
file(GLOB_RECURSE files "${CORE_DIR}/*.cpp" "${CORE_DIR}/*.hpp" "${CORE_DIR}/*.h" "${CORE_DIR}/*.in")
file(GLOB_RECURSE state "${STATE_DIR}/*.cpp" "${STATE_DIR}/*.hpp" "${STATE_DIR}/*.h" "${STATE_DIR}/*.in")
list(LENGTH state stateCount)
kizuna_find_graphical_source(found ${files} ${state})
if(NOT found)
  kizuna_find_panel_include(found ${state})
endif()
if(found)
  message("FAILED: ${found}")
elseif(stateCount EQUAL 0)
  message("FAILED: no state sources in '${STATE_DIR}'")
else()
  list(LENGTH files count)
  message("core sources: headless (${count} core and ${stateCount} state files checked)")
endif()
