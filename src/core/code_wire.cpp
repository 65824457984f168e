// The typed codes' shared alphabet, bit fields, checksum and forgiving reader (code_wire.hpp).
#include "code_wire.hpp"

#include <cctype>

#include "link_wire.hpp"

namespace kz::code_wire {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U

}  // namespace

void Bits::Put(std::uint64_t value, int count) {
  for (int i = count - 1; i >= 0; --i) bits.push_back(static_cast<std::uint8_t>((value >> i) & 1U));
}

std::uint64_t Bits::Get(int count) {
  std::uint64_t value = 0;
  for (int i = 0; i < count; ++i) value = (value << 1) | (at < bits.size() ? bits[at++] : 0U);
  return value;
}

std::uint64_t PackSteps(const ExerciseTeam& team, const DecisionSteps& steps) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < team.levers.size(); ++i) {
    value = value * static_cast<std::uint64_t>(team.levers[i].Steps()) + static_cast<std::uint64_t>(steps[i]);
  }
  return value;
}

DecisionSteps UnpackSteps(const ExerciseTeam& team, std::uint64_t value) {
  DecisionSteps steps(team.levers.size());
  for (std::size_t i = team.levers.size(); i-- > 0;) {
    const auto n = static_cast<std::uint64_t>(team.levers[i].Steps());
    steps[i] = static_cast<int>(value % n);
    value /= n;
  }
  return steps;
}

int BitsFor(std::uint64_t combinations) {
  int bits = 0;
  while (bits < 64 && (std::uint64_t{1} << bits) < combinations) ++bits;
  return bits;
}

std::uint64_t Combinations(const ExerciseTeam& team) {
  std::uint64_t n = 1;
  for (const ExerciseLever& lever : team.levers) n *= static_cast<std::uint64_t>(lever.Steps());
  return n;
}

std::uint64_t Checksum(std::uint32_t contentHash, const Bits& bits, std::size_t count) {
  std::vector<std::uint8_t> bytes(4 + count);
  for (std::size_t i = 0; i < 4; ++i) bytes[i] = static_cast<std::uint8_t>(contentHash >> (8 * i));
  for (std::size_t i = 0; i < count; ++i) bytes[4 + i] = bits.All()[i];  // a loop: GCC 12 warns falsely on insert
  const std::uint32_t sum = link_wire::Checksum(bytes.data(), bytes.size());
  return (sum ^ (sum >> 13) ^ (sum >> 26)) & ((1U << kChecksumBits) - 1);
}

std::string Finish(std::uint32_t contentHash, Bits& bits) {
  bits.Put(Checksum(contentHash, bits, bits.Size()), kChecksumBits);
  while (bits.Size() % 5 != 0) bits.Put(0, 1);
  std::string code;
  for (std::size_t i = 0; i < bits.Size() / 5; ++i) {
    if (i > 0 && i % 4 == 0) code.push_back('-');
    code.push_back(kAlphabet[static_cast<std::size_t>(bits.Get(5))]);
  }
  return code;
}

Expected<Bits> Read(std::string_view code, std::string_view what, std::size_t maxInput) {
  code = link_wire::TrimInput(code);
  const std::string name(what);
  if (code.size() > maxInput) return std::vector<Problem>{{"code.too-long", "This is too long to be a " + name + "."}};
  Bits bits;
  for (const char raw : code) {
    if (raw == '-' || raw == ' ') continue;
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == 'O') c = '0';  // read-aloud slips Crockford forgives
    if (c == 'I' || c == 'L') c = '1';
    const std::size_t at = kAlphabet.find(c);
    if (at == std::string_view::npos) {
      const std::string shown = static_cast<unsigned char>(raw) < 0x80 && std::isprint(static_cast<unsigned char>(raw))
                                    ? "'" + std::string(1, raw) + "'" : "a character";
      return std::vector<Problem>{{"code.characters", "A " + name + " cannot contain " + shown + " (it uses 0-9 and A-Z without I, L, O and U)."}};
    }
    bits.Put(at, 5);
  }
  if (bits.Size() == 0) return std::vector<Problem>{{"code.empty", "The code is empty."}};
  return bits;
}

bool Intact(std::uint32_t contentHash, Bits& bits, std::size_t checked) {
  const std::uint64_t checksum = bits.Get(kChecksumBits);
  const std::uint64_t padding = bits.Get(static_cast<int>(bits.Size() - bits.Position()));
  return checksum == Checksum(contentHash, bits, checked) && padding == 0;
}

const char* KindName(std::uint64_t kind) {
  switch (kind) {
    case kDecisionKind: return "decision code";
    case kRoundKind: return "round code";
    case kJoinKind: return "join code";
    default: return "code";
  }
}

}  // namespace kz::code_wire
