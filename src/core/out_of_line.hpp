// KZ_OUT_OF_LINE: keeps a hot function a function of its own in the WebAssembly build. V8 first runs
// each wasm function as baseline code and switches to optimized code only on later calls; it
// compiles that code in the background, in time that grows faster than the function's size. A loop
// inlined into a function called once (a Monte Carlo shard) therefore never runs optimized, and one
// giant inlined month loop took ~1 s to optimize. Private to the core.
#pragma once

#define KZ_OUT_OF_LINE __attribute__((noinline))
