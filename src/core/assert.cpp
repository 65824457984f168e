// The replaceable assert handler behind KZ_ASSERT.
#include "kizuna/assert.hpp"

#include <cstdio>
#include <cstdlib>

namespace kz {
namespace {

void DefaultAssertHandler(const char* expression, const char* message, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: assertion failed: %s (%s)\n", file, line, message, expression);
  std::abort();
}

// The one piece of mutable global state in the core: process-wide by nature, like std::set_terminate.
AssertHandler currentHandler = DefaultAssertHandler;

}  // namespace

AssertHandler SetAssertHandler(AssertHandler handler) {
  const AssertHandler previous = currentHandler;
  currentHandler = handler ? handler : DefaultAssertHandler;
  return previous;
}

void ReportAssertFailure(const char* expression, const char* message, const char* file, int line) {
  currentHandler(expression, message, file, line);
}

}  // namespace kz
