#include "kizuna/assert.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kizuna/rng.hpp"

namespace {

std::string lastMessage;
int failures = 0;

void RecordingHandler(const char*, const char* message, const char*, int) {
  lastMessage = message;
  ++failures;
}

TEST(Assert, ReplacedHandlerSeesTheCallersMistake) {
  const kz::AssertHandler previous = kz::SetAssertHandler(RecordingHandler);
  failures = 0;
  kz::Rng rng(1);
  EXPECT_EQ(rng.NextBelow(0), 0u);  // defensive result once the handler returns
  kz::SetAssertHandler(previous);
  EXPECT_EQ(failures, 1);
  EXPECT_NE(lastMessage.find("NextBelow"), std::string::npos) << lastMessage;
}

TEST(Assert, PassingChecksDoNotCallTheHandler) {
  const kz::AssertHandler previous = kz::SetAssertHandler(RecordingHandler);
  failures = 0;
  kz::Rng rng(1);
  for (int i = 0; i < 100; ++i) rng.NextBelow(7);
  kz::SetAssertHandler(previous);
  EXPECT_EQ(failures, 0);
}

}  // namespace
