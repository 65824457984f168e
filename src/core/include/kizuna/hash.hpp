// A stable 64-bit hash of results (FNV-1a), for golden hashes that must match natively, in wasm and
// in every browser, release after release. Not for hash tables or security: for fingerprints.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace kz {

/// Incremental FNV-1a (64-bit). Values are fed little-endian, whatever the host, so a digest depends
/// only on the values hashed and their order.
class Hasher {
 public:
  /// Feeds raw bytes.
  void AddBytes(std::span<const std::uint8_t> bytes);
  /// Feeds a string's bytes followed by its length, so ("ab","c") and ("a","bc") differ.
  void AddString(std::string_view text);
  /// Feeds an integer as 8 little-endian bytes.
  void AddU64(std::uint64_t value);
  /// Feeds a double's IEEE-754 bits; -0.0 is fed as +0.0 and every NaN as one quiet NaN, so values
  /// that compare equal (or are both NaN) hash equal.
  void AddDouble(double value);
  /// The hash of everything fed so far.
  std::uint64_t Digest() const { return state; }

 private:
  std::uint64_t state = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
};

/// FNV-1a 64 of a string's bytes alone (no length suffix): matches the published test vectors.
std::uint64_t Fnv1a64(std::string_view text);

}  // namespace kz
