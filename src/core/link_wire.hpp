// The byte level of share links (private to the core): unsigned LEB128 varints, zigzag for signed
// values, doubles as a small integer when exact or else their 8 IEEE-754 bytes (so every value
// round-trips bit for bit), base64url without padding, and a 32-bit FNV-1a checksum. Hand-written:
// no Debian package offers these for both native and Emscripten builds, and they are short.
// Also the one envelope every pasted text goes through: trimming, the format gate, and for share
// and session links the prefix + base64url + version + checksum frame (Seal / Open).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"

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
  std::size_t Remaining() const { return static_cast<std::size_t>(end - at); }

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

// ---- Pasted text ------------------------------------------------------------------------------

/// `text` without the white space around it (spaces, tabs, line breaks): what a user pasting or
/// typing a link or a code expects to be ignored. Every reader of links and codes starts here.
std::string_view TrimInput(std::string_view text);

/// Where a format number read from untrusted text stands. 1..newest are read; a number above that
/// but below `firstImplausible` is named as made by a newer Kizuna (the user needs a newer version,
/// not a fresh copy); anything else (0, or far off) is damage.
enum class FormatStanding { Readable, Newer, Unknown };
FormatStanding StandingOf(std::uint64_t format, int newest, std::uint64_t firstImplausible);

// ---- The link envelope ------------------------------------------------------------------------
// A link is prefix + base64url(varint version, content, 4-byte little-endian FNV-1a of all before).
// Share links and session links differ only in the fields of Envelope; decision codes are typed and
// read aloud, so they have their own alphabet and layout (code_wire.hpp, with round and join codes)
// and share TrimInput and Checksum only.

/// What tells one kind of link from another, in its format and in its messages.
struct Envelope {
  char prefix = 0;              ///< first character of the fragment
  int newestVersion = 0;        ///< the version written; versions 1..newestVersion are read
  std::size_t maxChars = 0;     ///< longest fragment read (characters, the prefix included)
  std::size_t minBytes = 0;     ///< shortest decoded link: version, the smallest content, checksum
  std::string_view subject;     ///< "link": "This link is damaged ..."
  std::string_view kindName;    ///< "scenario link": "This is not a Kizuna scenario link ..."
  std::string_view formatName;  ///< "link format": "... (link format 3; ...)"
};

extern const Envelope kShareLinks;    ///< "k...", kizuna/link.hpp
extern const Envelope kSessionLinks;  ///< "w...", kizuna/exercise.hpp

/// The link text of `content` at `version` (1..envelope.newestVersion; 0 = the newest).
std::string Seal(const Envelope& envelope, const std::vector<std::uint8_t>& content, int version = 0);

/// A link's content, checked: its version (1..newestVersion) and the bytes after the version.
struct Opened {
  int version = 0;
  std::vector<std::uint8_t> content;
};

/// Reads a fragment, with or without '#', or a URL holding one, with white space around it. One
/// problem (path "link") naming the first thing wrong, in this order: too long, not this kind of
/// link, characters a link cannot contain, too short, made by a newer version, checksum, unknown
/// format. A newer version is named before the checksum because a newer format may seal differently.
Expected<Opened> Open(const Envelope& envelope, std::string_view text);

}  // namespace kz::link_wire
