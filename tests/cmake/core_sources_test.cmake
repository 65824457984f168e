# Every file under src/core is free of graphics and emscripten code (the guard's source rule applied
# to the whole tree, including files not yet listed in any target).
include("${GUARD_MODULE}")
file(GLOB_RECURSE files "${CORE_DIR}/*.cpp" "${CORE_DIR}/*.hpp" "${CORE_DIR}/*.h" "${CORE_DIR}/*.in")
kizuna_find_graphical_source(found ${files})
if(found)
  message("FAILED: ${found}")
else()
  list(LENGTH files count)
  message("core sources: headless (${count} files checked)")
endif()
