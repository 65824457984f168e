# Compile options shared by every Kizuna target.
# -ffp-contract=off everywhere (third-party code too): fused multiply-adds would make native and wasm
# results differ in the last bits, and results must agree across platforms (docs/MODEL.md, section 8, "Versioning and reproducibility").
add_compile_options(-ffp-contract=off)

if(KIZUNA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
  if(KIZUNA_FUZZ)
    # Clang flags a null-pointer offset inside RapidJSON (tests/fuzz/ubsan.supp); a suppression needs
    # a recoverable check, so this one check recovers and halt_on_error stops at anything unsuppressed.
    add_compile_options(-fsanitize-recover=pointer-overflow)
  endif()
endif()

# Warnings for Kizuna's own targets (not for third-party sources we compile).
function(kizuna_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports false -Wrestrict errors inside std::string's operator+ at -O3 (GCC bug 105651).
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(KIZUNA_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# WebAssembly: Binaryen inlines every function that has a single caller, whatever its size, which
# undoes KZ_OUT_OF_LINE (src/core/out_of_line.hpp): the engine's month loop became one function that
# V8 took ~1 s to optimize. Only small single-caller functions are inlined.
if(EMSCRIPTEN)
  add_link_options(-sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=200)
endif()

# WebAssembly features past the MVP, for every wasm target. They need Chrome 91, Firefox 89 and
# Safari 16.4 (SIMD is the newest); the page's CSP ('wasm-unsafe-eval') already needs Chrome 97 and
# Safari 16. BENCHMARKS.md (issue 4) has the figures and the browser table.
#   -mnontrapping-fptoint  float -> int as one saturating instruction; the MVP's trapping one needs
#                          a range check and branch around every conversion.
#   -mbulk-memory          memset/memcpy as memory.fill/memory.copy: no call into musl's byte loops,
#                          and no call out to JavaScript (emscripten_memcpy_big) for copies >= 512 B.
#   -msimd128              the engine's branch-free min and max (src/core/minmax.hpp); the compiler
#                          also vectorizes some integer and copy loops with it.
# None changes a result: conversions of in-range values and copies are exact either way, pmin / pmax
# are std::min / std::max by definition, and vectorizing never reorders floating-point arithmetic
# (that would need -ffast-math). The golden hashes of tests/golden check it in wasm.
if(EMSCRIPTEN)
  add_compile_options(-mnontrapping-fptoint -mbulk-memory -msimd128)
  add_link_options(-mnontrapping-fptoint -mbulk-memory -msimd128)
endif()
