// What the exercise's typed codes share (private to the core): decision codes (decision_code.cpp),
// round codes (round_code.cpp) and join codes (join_code.cpp) are Crockford base32 in groups of
// four, read forgivingly, with one header -- kind (2 bits), exercise tag (12 bits, from the content
// hash) -- and 13 bits of checksum over the exercise's whole content hash and the bits before it.
// The 2-bit kind tells the three apart, so a code typed in the wrong field is named, not "damaged".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/exercise.hpp"

namespace kz::code_wire {

/// The kinds of code, in the first two bits (0 is kept for a future kind).
inline constexpr std::uint64_t kDecisionKind = 1;
inline constexpr std::uint64_t kRoundKind = 2;
inline constexpr std::uint64_t kJoinKind = 3;
inline constexpr int kKindBits = 2;
inline constexpr int kTagBits = 12;
inline constexpr int kChecksumBits = 13;

/// The exercise's tag: the low 12 bits of its content hash.
inline std::uint64_t TagOf(const Exercise& exercise) { return exercise.contentHash & ((1U << kTagBits) - 1); }

/// A bit string, most significant bit first, written and read in fields.
class Bits {
 public:
  void Put(std::uint64_t value, int count);
  std::uint64_t Get(int count);  ///< past the end reads zeros
  std::size_t Position() const { return at; }
  std::size_t Size() const { return bits.size(); }
  const std::vector<std::uint8_t>& All() const { return bits; }

 private:
  std::vector<std::uint8_t> bits;  // one bit per element
  std::size_t at = 0;
};

/// The bits a number below `combinations` takes (0 for 0 or 1).
int BitsFor(std::uint64_t combinations);
/// The number of distinct decisions of a team (the product of its levers' step counts).
std::uint64_t Combinations(const ExerciseTeam& team);

/// 13 bits of FNV-1a over the exercise's content hash and the first `count` bits: a code made for
/// another version of the exercise (same 12-bit tag) fails here too.
std::uint64_t Checksum(std::uint32_t contentHash, const Bits& bits, std::size_t count);
/// Appends the checksum of everything so far, pads to whole characters and writes the code in
/// groups of four ("7ZQ2-9XHM-4T").
std::string Finish(std::uint32_t contentHash, Bits& bits);

/// A team's steps as one mixed-radix number below Combinations(team), and back.
std::uint64_t PackSteps(const ExerciseTeam& team, const DecisionSteps& steps);
DecisionSteps UnpackSteps(const ExerciseTeam& team, std::uint64_t value);

/// Characters of a code with `bits` bits (checksum included).
inline int CharsFor(int bits) { return (bits + 4) / 5; }

/// The code's characters as bits, forgiving case, O for 0, I and L for 1, hyphens and spaces.
/// One problem, its path "code.<fault>": too-long, characters (one a code cannot contain), empty.
/// `what` names the code in messages ("decision code", "round code", "join code"); `maxInput` bounds
/// the text read (characters, hyphens and spaces included).
Expected<Bits> Read(std::string_view code, std::string_view what, std::size_t maxInput = 64);
/// The number of characters Read accepted (the bits / 5).
inline int CharsRead(const Bits& bits) { return static_cast<int>(bits.Size() / 5); }

/// Whether the checksum after the first `checked` bits matches and the padding after it is zero.
bool Intact(std::uint32_t contentHash, Bits& bits, std::size_t checked);

/// "round code" for kRoundKind and so on ("code" for kind 0).
const char* KindName(std::uint64_t kind);

}  // namespace kz::code_wire
