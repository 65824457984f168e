// KZ_ASSERT: checks for programmer errors (a caller broke a documented precondition). Bad user input
// never reaches an assert: it becomes an error value with a message (STYLE.md, "Errors").
// The handler is replaceable so tests can observe a failed assert and embedders can log it.
#pragma once

namespace kz {

/// Called when an assert fails. The default handler prints the message and aborts.
/// If a replacement returns, the asserting function continues defensively (it never trusts the input).
using AssertHandler = void (*)(const char* expression, const char* message, const char* file, int line);

/// Installs `handler` (nullptr restores the default) and returns the previous one.
AssertHandler SetAssertHandler(AssertHandler handler);

/// Reports a failed assert to the current handler. Use KZ_ASSERT rather than calling this.
void ReportAssertFailure(const char* expression, const char* message, const char* file, int line);

}  // namespace kz

/// Checks `condition`; `message` says what the caller did wrong.
#define KZ_ASSERT(condition, message)                                      \
  do {                                                                     \
    if (!(condition)) ::kz::ReportAssertFailure(#condition, (message), __FILE__, __LINE__); \
  } while (false)
