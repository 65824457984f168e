// Link bytes: varints, numbers, base64url, checksum, and the envelope (see link_wire.hpp).
#include "link_wire.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kizuna/exercise.hpp"
#include "kizuna/link.hpp"

namespace kz::link_wire {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr double kExactIntegerLimit = 9007199254740992.0;  // 2^53: every integer below is a double

int Sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

void Writer::Varint(std::uint64_t value) {
  while (value >= 0x80) {
    bytes.push_back(static_cast<std::uint8_t>(value | 0x80));
    value >>= 7;
  }
  bytes.push_back(static_cast<std::uint8_t>(value));
}

void Writer::Signed(std::int64_t value) {
  Varint((static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63));
}

// Tag 0: an exact integer (most levers: months, 0/1 switches, capacities); tag 1: the raw bits.
void Writer::Number(double value) {
  const bool integral = std::isfinite(value) && std::fabs(value) < kExactIntegerLimit && std::trunc(value) == value &&
                        !(value == 0.0 && std::signbit(value));
  if (integral) {
    Byte(0);
    Signed(static_cast<std::int64_t>(value));
    return;
  }
  Byte(1);
  const std::uint64_t bits = BitsOf(value);
  for (int i = 0; i < 8; ++i) Byte(static_cast<std::uint8_t>(bits >> (8 * i)));
}

void Writer::Float(float value) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  for (int i = 0; i < 4; ++i) Byte(static_cast<std::uint8_t>(bits >> (8 * i)));
}

void Writer::Text(std::string_view text) {
  Varint(text.size());
  bytes.insert(bytes.end(), text.begin(), text.end());
}

bool Reader::Need(std::size_t n) {
  if (bad || static_cast<std::size_t>(end - at) < n) {
    bad = true;
    return false;
  }
  return true;
}

std::uint8_t Reader::Byte() { return Need(1) ? *at++ : 0; }

std::uint64_t Reader::Varint() {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    const std::uint8_t b = Byte();
    if (bad) return 0;
    value |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return value;
  }
  bad = true;  // more than 10 bytes: not a varint this writer makes
  return 0;
}

std::size_t Reader::Count(std::size_t most) {
  const std::uint64_t n = Varint();
  if (bad || n > most || n > static_cast<std::uint64_t>(end - at)) {
    bad = true;
    return 0;
  }
  return static_cast<std::size_t>(n);
}

std::int64_t Reader::Signed() {
  const std::uint64_t z = Varint();
  return static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
}

double Reader::Number() {
  const std::uint8_t tag = Byte();
  if (tag == 0) {
    const std::int64_t n = Signed();
    if (n >= static_cast<std::int64_t>(kExactIntegerLimit) || n <= -static_cast<std::int64_t>(kExactIntegerLimit)) bad = true;
    return bad ? 0.0 : static_cast<double>(n);
  }
  if (tag != 1 || !Need(8)) {
    bad = true;
    return 0.0;
  }
  std::uint64_t bits = 0;
  for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(*at++) << (8 * i);
  return DoubleFromBits(bits);
}

float Reader::Float() {
  if (!Need(4)) return 0.0f;
  std::uint32_t bits = 0;
  for (int i = 0; i < 4; ++i) bits |= static_cast<std::uint32_t>(*at++) << (8 * i);
  float value = 0.0f;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::string Reader::Text(std::size_t mostBytes) {
  const std::size_t n = Count(mostBytes);
  if (bad || !Need(n)) return {};
  std::string text(reinterpret_cast<const char*>(at), n);
  at += n;
  return text;
}

std::string Base64UrlEncode(const std::vector<std::uint8_t>& bytes) {
  std::string text;
  text.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int k = 3; k >= 0; --k) text.push_back(kAlphabet[(v >> (6 * k)) & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t v = bytes[i] << 16;
    text.push_back(kAlphabet[(v >> 18) & 63]);
    text.push_back(kAlphabet[(v >> 12) & 63]);
  } else if (rest == 2) {
    const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    text.push_back(kAlphabet[(v >> 18) & 63]);
    text.push_back(kAlphabet[(v >> 12) & 63]);
    text.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return text;
}

std::optional<std::vector<std::uint8_t>> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;  // no byte count leaves one character over
  std::vector<std::uint8_t> bytes;
  bytes.reserve(text.size() * 3 / 4);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int s = Sextet(c);
    if (s < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(s);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<std::uint8_t>(buffer >> bits));
    }
  }
  if (bits > 0 && (buffer & ((1U << bits) - 1)) != 0) return std::nullopt;  // stray bits: not from an encoder
  return bytes;
}

std::uint64_t BitsOf(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

double DoubleFromBits(std::uint64_t bits) {
  double value = 0.0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

std::uint32_t Checksum(const std::uint8_t* data, std::size_t size) {
  std::uint32_t hash = 0x811C9DC5U;  // FNV-1a 32
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= data[i];
    hash *= 0x01000193U;
  }
  return hash;
}

// ---- Pasted text and the envelope -------------------------------------------------------------

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

constexpr std::uint64_t kFirstImplausibleLinkVersion = 1000;  // above: damage, not a future format
constexpr std::size_t kChecksumBytes = 4;

std::string_view FragmentOf(std::string_view text) {
  text = TrimInput(text);
  const std::size_t hash = text.find('#');
  return hash == std::string_view::npos ? text : text.substr(hash + 1);
}

bool IsBase64UrlText(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return Sextet(c) >= 0; });
}

std::vector<Problem> LinkProblem(std::string message) { return {Problem{"link", std::move(message)}}; }

std::string This(const Envelope& envelope) { return "This " + std::string(envelope.subject); }

std::uint32_t StoredChecksum(const std::vector<std::uint8_t>& bytes) {
  const std::size_t at = bytes.size() - kChecksumBytes;
  std::uint32_t stored = 0;
  for (std::size_t i = 0; i < kChecksumBytes; ++i) stored |= static_cast<std::uint32_t>(bytes[at + i]) << (8 * i);
  return stored;
}

}  // namespace

std::string_view TrimInput(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

FormatStanding StandingOf(std::uint64_t format, int newest, std::uint64_t firstImplausible) {
  if (format >= 1 && format <= static_cast<std::uint64_t>(newest)) return FormatStanding::Readable;
  if (format > static_cast<std::uint64_t>(newest) && format < firstImplausible) return FormatStanding::Newer;
  return FormatStanding::Unknown;
}

// The two kinds of link side by side: their messages say "link" / "session link" and their minimum
// sizes are their smallest valid contents.
const Envelope kShareLinks{'k', kLinkVersion, kMaxLinkChars, 6, "link", "scenario link", "link format"};
const Envelope kSessionLinks{'w', kSessionLinkVersion, kMaxSessionLinkChars, 10, "session link", "exercise session link", "format"};

std::string Seal(const Envelope& envelope, const std::vector<std::uint8_t>& content, int version) {
  Writer out;
  out.Varint(static_cast<std::uint64_t>(version > 0 ? version : envelope.newestVersion));
  std::vector<std::uint8_t> bytes = out.Bytes();
  bytes.insert(bytes.end(), content.begin(), content.end());
  const std::uint32_t sum = Checksum(bytes.data(), bytes.size());
  for (std::size_t i = 0; i < kChecksumBytes; ++i) bytes.push_back(static_cast<std::uint8_t>(sum >> (8 * i)));
  return envelope.prefix + Base64UrlEncode(bytes);
}

Expected<Opened> Open(const Envelope& envelope, std::string_view text) {
  const std::string_view fragment = FragmentOf(text);
  if (fragment.size() > envelope.maxChars) {
    return LinkProblem(This(envelope) + " is too long (" + std::to_string(fragment.size()) + " characters; at most " +
                       std::to_string(envelope.maxChars) + ").");
  }
  if (fragment.empty() || fragment.front() != envelope.prefix) {
    return LinkProblem("This is not a Kizuna " + std::string(envelope.kindName) + " (it should start with #" + envelope.prefix + ").");
  }
  const std::optional<std::vector<std::uint8_t>> bytes = Base64UrlDecode(fragment.substr(1));
  if (!bytes && IsBase64UrlText(fragment.substr(1))) {
    return LinkProblem(This(envelope) + " is damaged: its end is cut off or changed (was only part of it copied?).");
  }
  if (!bytes) return LinkProblem(This(envelope) + " is damaged: it has characters a link cannot contain (was it cut or re-typed?).");
  if (bytes->size() < envelope.minBytes) return LinkProblem(This(envelope) + " is damaged: it is too short.");

  Reader whole(bytes->data(), bytes->size());
  const std::uint64_t claimed = whole.Varint();
  if (!whole.failed() && StandingOf(claimed, envelope.newestVersion, kFirstImplausibleLinkVersion) == FormatStanding::Newer) {
    return LinkProblem(This(envelope) + " was made by a newer version of Kizuna (" + std::string(envelope.formatName) + " " +
                       std::to_string(claimed) + "; this version reads formats 1 to " + std::to_string(envelope.newestVersion) +
                       "). Open it with the newer version.");
  }
  const std::size_t payload = bytes->size() - kChecksumBytes;
  if (Checksum(bytes->data(), payload) != StoredChecksum(*bytes)) {
    return LinkProblem(This(envelope) + " is damaged (checksum): part of it was lost or changed when it was copied.");
  }
  Reader header(bytes->data(), payload);
  const std::uint64_t version = header.Varint();
  if (header.failed() || StandingOf(version, envelope.newestVersion, kFirstImplausibleLinkVersion) != FormatStanding::Readable) {
    return LinkProblem(This(envelope) + " is damaged: it names no known " + std::string(envelope.formatName) + ".");
  }
  const std::size_t versionBytes = payload - header.Remaining();
  Opened opened;
  opened.version = static_cast<int>(version);
  opened.content.assign(bytes->begin() + static_cast<std::ptrdiff_t>(versionBytes), bytes->begin() + static_cast<std::ptrdiff_t>(payload));
  return opened;
}

}  // namespace kz::link_wire
