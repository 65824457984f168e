// The engine allocates nothing inside its month loop: a run of 240 months makes exactly as many
// heap allocations as a run of 12 months of the same network. Counted by replacing the global
// operator new for this test executable (the count is only read around the runs below).
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "kizuna/engine.hpp"
#include "kizuna/synthetic.hpp"

namespace {
long long allocationCount = 0;
}  // namespace

// Every form that can reach the heap is replaced together, so each allocation is counted and every
// pointer is freed by the allocator that made it (AddressSanitizer checks the pairing).
void* operator new(std::size_t size) {
  ++allocationCount;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  std::abort();  // the tests never run out of memory; no exceptions cross this boundary
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocationCount;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
// GCC 12 at -O1 takes free() inside a replaced operator delete for a mismatched pair.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace kz {
namespace {

long long AllocationsForRun(int months) {
  SyntheticSpec spec;
  spec.regions = 8;
  spec.goods = 8;
  spec.months = months;
  spec.events = 0;  // same effects in both runs; events start within the horizon otherwise
  Expected<Simulation> simulation = Simulation::Create(MakeSyntheticScenario(spec));
  EXPECT_TRUE(simulation);
  Results results;
  simulation.value().Run(results);  // sizes the results
  const long long before = allocationCount;
  simulation.value().Run(results);
  return allocationCount - before;
}

TEST(EngineAllocation, NoAllocationPerMonth) {
  const long long shortRun = AllocationsForRun(12);
  const long long longRun = AllocationsForRun(240);
  EXPECT_GT(shortRun, 0);  // the count works: a run sets up its workspace
  EXPECT_EQ(longRun, shortRun);
}

}  // namespace
}  // namespace kz
