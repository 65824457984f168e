// FNV-1a 64-bit (Fowler, Noll, Vo), fed in a fixed byte order.
#include "kizuna/hash.hpp"

#include <cmath>
#include <cstring>

namespace kz {
namespace {
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr std::uint64_t kCanonicalNaNBits = 0x7ff8000000000000ULL;

std::uint64_t FeedByte(std::uint64_t state, std::uint8_t byte) { return (state ^ byte) * kFnvPrime; }

// std::bit_cast is missing from the libc++ that Debian's Emscripten 3.1.6 ships; memcpy is equivalent.
std::uint64_t BitsOf(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}
}  // namespace

void Hasher::AddBytes(std::span<const std::uint8_t> bytes) {
  for (const std::uint8_t byte : bytes) state = FeedByte(state, byte);
}

void Hasher::AddString(std::string_view text) {
  for (const char c : text) state = FeedByte(state, static_cast<std::uint8_t>(c));
  AddU64(text.size());
}

void Hasher::AddU64(std::uint64_t value) {
  for (int i = 0; i < 8; ++i) state = FeedByte(state, static_cast<std::uint8_t>(value >> (8 * i)));
}

void Hasher::AddDouble(double value) {
  if (std::isnan(value)) {
    AddU64(kCanonicalNaNBits);
  } else {
    AddU64(BitsOf(value == 0.0 ? 0.0 : value));
  }
}

std::uint64_t Fnv1a64(std::string_view text) {
  std::uint64_t state = 0xcbf29ce484222325ULL;
  for (const char c : text) state = FeedByte(state, static_cast<std::uint8_t>(c));
  return state;
}

}  // namespace kz
