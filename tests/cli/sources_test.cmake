# CLI checks of `kizuna sources` that need exit codes, stderr and an output file:
#   MODE=covered:   a fully sourced scenario exits 0, prints nothing on stderr, and --json writes every
#                   number with its source (FIXTURES/provenance-world.json).
#   MODE=uncovered: a preset (resolved through its base) with an unsourced event exits with exactly 1
#                   and lists the event's numbers under a heading on stderr (FIXTURES/provenance-preset.json).
# Prints "sources: ok" on success and "FAILED: ..." otherwise.
if(MODE STREQUAL "covered")
  execute_process(COMMAND ${KIZUNA} sources ${FIXTURES}/provenance-world.json --json ${OUT}.json
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
    message(FATAL_ERROR "FAILED: exit ${rc}, stderr '${err}'")
  endif()
  file(READ ${OUT}.json json)
  foreach(expected "\"path\": \"facility.CN.re_oxide.capacity\"" "\"source\": \"usgs-mcs-2022\""
                   "\"note\": \"168,000 t REO in 2021 / 12\"" "\"uncovered\": []")
    string(FIND "${json}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "FAILED: ${OUT}.json lacks ${expected}")
    endif()
  endforeach()
elseif(MODE STREQUAL "uncovered")
  execute_process(COMMAND ${KIZUNA} sources ${FIXTURES}/provenance-preset.json
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 1)
    message(FATAL_ERROR "FAILED: exit ${rc}, expected 1")
  endif()
  if(NOT err MATCHES "5 numbers have no source or assumption:\n  event\\.cn-halt\\.fraction\n  event\\.cn-halt\\.start\n")
    message(FATAL_ERROR "FAILED: stderr '${err}'")
  endif()
  if(NOT out MATCHES "facility\\.CN\\.re_oxide\\.capacity +12000 +t/month +usgs-mcs-2022")
    message(FATAL_ERROR "FAILED: the preset's set value and its base's source are not listed: '${out}'")
  endif()
else()
  message(FATAL_ERROR "FAILED: unknown MODE '${MODE}'")
endif()
message("sources: ok")
