#include "kizuna/hash.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace {

// Published FNV-1a 64-bit test vectors (Fowler/Noll/Vo reference test suite).
TEST(Hash, Fnv1aMatchesPublishedVectors) {
  EXPECT_EQ(kz::Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(kz::Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(kz::Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Hash, StringBoundariesChangeTheDigest) {
  kz::Hasher ab_c;
  ab_c.AddString("ab");
  ab_c.AddString("c");
  kz::Hasher a_bc;
  a_bc.AddString("a");
  a_bc.AddString("bc");
  EXPECT_NE(ab_c.Digest(), a_bc.Digest());
}

TEST(Hash, EqualDoublesHashEqual) {
  kz::Hasher positive;
  positive.AddDouble(0.0);
  kz::Hasher negative;
  negative.AddDouble(-0.0);
  EXPECT_EQ(positive.Digest(), negative.Digest());

  kz::Hasher quiet;
  quiet.AddDouble(std::numeric_limits<double>::quiet_NaN());
  kz::Hasher negativeNaN;
  negativeNaN.AddDouble(-std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(quiet.Digest(), negativeNaN.Digest());
}

TEST(Hash, DifferentDoublesHashDifferently) {
  kz::Hasher one;
  one.AddDouble(1.0);
  kz::Hasher next;
  next.AddDouble(std::nextafter(1.0, 2.0));
  EXPECT_NE(one.Digest(), next.Digest());
}

TEST(Hash, IntegersAreFedLittleEndian) {
  kz::Hasher hasher;
  hasher.AddU64(0x61);  // 'a' then seven zero bytes
  std::uint64_t expected = 0xcbf29ce484222325ULL;
  const std::uint8_t bytes[8] = {0x61, 0, 0, 0, 0, 0, 0, 0};
  for (const std::uint8_t byte : bytes) expected = (expected ^ byte) * 0x100000001b3ULL;
  EXPECT_EQ(hasher.Digest(), expected);
}

}  // namespace
