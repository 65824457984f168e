// kizuna_bench: engine timings without the CLI's dependencies, so the same program runs natively and
// as wasm under node (BENCHMARKS.md compares the two). Usage: kizuna_bench [runs]
#include <cstdio>
#include <cstdlib>

#include "bench.hpp"

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
  if (runs < 1) {
    std::fprintf(stderr, "usage: kizuna_bench [runs >= 1]\n");
    return 2;
  }
  std::printf("%s", kz::cli::ScalingReport(runs).c_str());
  return 0;
}
