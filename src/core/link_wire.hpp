// The byte level of share links (private to the core): unsigned LEB128 varints, zigzag for signed
// values, doubles as a small integer when exact or else their 8 IEEE-754 bytes (so every value
// round-trips bit for bit), base64url without padding, and a 32-bit FNV-1a checksum. Hand-written:
// no Debian package offers these for both native and Emscripten builds, and they are short.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kz::link_wire {

class Writer {
 public:
  void Byte(std::uint8_t value) { bytes.push_back(value); }
  void Varint(std::uint64_t value);
  void Signed(std::int64_t value);  // zigzag
  void Number(double value);
  void Float(float value);          // 4 bytes little-endian
  void Text(std::string_view text); // length, then UTF-8 bytes
  const std::vector<std::uint8_t>& Bytes() const { return bytes; }

 private:
  std::vector<std::uint8_t> bytes;
};

/// Reads what Writer wrote. Every read checks the bounds; after the first failure `failed()` stays
/// true and reads return zeros, so a parser can read a whole record and check once.
class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : at(data), end(data + size) {}
  std::uint8_t Byte();
  std::uint64_t Varint();
  /// A count of items that each take at least one byte: more than the bytes left is damage.
  std::size_t Count(std::size_t most);
  std::int64_t Signed();
  double Number();
  float Float();
  std::string Text(std::size_t mostBytes);
  bool failed() const { return bad; }
  bool done() const { return at == end; }

 private:
  bool Need(std::size_t n);
  const std::uint8_t* at;
  const std::uint8_t* end;
  bool bad = false;
};

std::string Base64UrlEncode(const std::vector<std::uint8_t>& bytes);
/// Empty optional when `text` has a character outside base64url or an impossible length.
std::optional<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text);

std::uint32_t Checksum(const std::uint8_t* data, std::size_t size);

/// IEEE-754 bits (std::bit_cast is missing from Emscripten 3.1.6's libc++).
std::uint64_t BitsOf(double value);
double DoubleFromBits(std::uint64_t bits);

}  // namespace kz::link_wire
