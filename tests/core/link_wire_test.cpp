// The link envelope seen from every reader of pasted text: share links, session links and decision
// codes get the same damaged and padded inputs. Padding around a valid text is ignored; every kind
// of damage is refused with a message that names it; nothing crashes.
#include "link_wire.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "exercise_fixtures.hpp"
#include "kizuna/link.hpp"

namespace kz::test {
namespace {

const Exercise& Small() {
  static const Exercise e = MustLoad(SmallExerciseJson());
  return e;
}

// One reader of pasted text: a valid text, what it decodes to, and its own phrasing of each problem.
struct TextReader {
  std::string name;
  std::string good;
  std::function<Expected<std::string>(std::string_view)> read;  // a canonical form of what it decoded
  std::size_t maxChars = 0;
  std::string notThisKind;  // what the reader says of another reader's text
};

template <typename T>
Expected<std::string> Canonical(const Expected<T>& decoded, const std::function<std::string(const T&)>& show) {
  if (!decoded) return decoded.problems();
  return show(decoded.value());
}

std::string Message(const Expected<std::string>& read) {
  if (read) return "(decoded)";
  EXPECT_EQ(read.problems().size(), 1u) << "one problem, the first thing wrong";
  return read.problems().front().message;
}

std::vector<TextReader> Readers() {
  const Exercise& e = Small();
  ScenarioLink share;
  share.preset = "re-2010-japan";
  share.levers = {{"policy.JP.responseLagMonths", 2.5}};
  Play play = StartPlay(e);
  EXPECT_TRUE(RecordDecision(e, play, 0, {1, 4}).empty());
  const std::string session = EncodeSessionLink(e, play);
  const std::string code = EncodeDecisionCode(e, {1, 1, {1, 2}});
  return {
      {"share link", EncodeLink(share),
       [](std::string_view text) {
         return Canonical<ScenarioLink>(DecodeLink(text), [](const ScenarioLink& l) { return EncodeLink(l); });
       },
       kMaxLinkChars, "not a Kizuna scenario link"},
      {"session link", session,
       [&e](std::string_view text) {
         return Canonical<SessionLink>(DecodeSessionLink(text), [&e](const SessionLink& l) { return EncodeSessionLink(e, l.play); });
       },
       kMaxSessionLinkChars, "not a Kizuna exercise session link"},
      {"decision code", code,
       [&e](std::string_view text) {
         return Canonical<DecisionCode>(DecodeDecisionCode(e, text), [&e](const DecisionCode& d) { return EncodeDecisionCode(e, d); });
       },
       64, "decision code"},
  };
}

// The same text one format newer than this version reads.
std::string FutureVersionOf(const TextReader& reader) {
  if (reader.name == "share link" || reader.name == "session link") {
    link_wire::Envelope future = reader.name == "share link" ? link_wire::kShareLinks : link_wire::kSessionLinks;
    future.newestVersion += 1;
    return link_wire::Seal(future, std::vector<std::uint8_t>(12, 0));
  }
  // A decision code's first symbol holds the 2-bit kind (exercise.hpp): 1 -> 0, the kind kept for a
  // newer version (2 and 3 are round and join codes).
  constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string code = reader.good;
  const std::size_t symbol = kCrockford.find(code[0]);
  code[0] = kCrockford[symbol & 7U];
  return code;
}

TEST(LinkEnvelope, PaddedTextDecodesAsTheTextItself) {
  for (const TextReader& reader : Readers()) {
    SCOPED_TRACE(reader.name);
    const Expected<std::string> plain = reader.read(reader.good);
    ASSERT_TRUE(plain) << Message(plain);
    EXPECT_EQ(plain.value(), reader.good) << "the valid text round-trips";
    for (const std::string& padded : {"  " + reader.good + "  ", reader.good + "\n", reader.good + "\r\n", "\n\t " + reader.good + " \t\r\n"}) {
      const Expected<std::string> read = reader.read(padded);
      ASSERT_TRUE(read) << "'" << padded << "': " << Message(read);
      EXPECT_EQ(read.value(), plain.value());
    }
  }
}

TEST(LinkEnvelope, LinksAreReadFromAWholeUrlAndCodesRefuseOne) {
  for (const TextReader& reader : Readers()) {
    SCOPED_TRACE(reader.name);
    for (const std::string& url : {"#" + reader.good, "https://example.org/kizuna/#" + reader.good, "  https://example.org/#" + reader.good + "\n"}) {
      const Expected<std::string> read = reader.read(url);
      if (reader.name == "decision code") {
        EXPECT_NE(Message(read).find("cannot contain"), std::string::npos) << url << ": " << Message(read);
      } else {
        ASSERT_TRUE(read) << url << ": " << Message(read);
        EXPECT_EQ(read.value(), reader.good);
      }
    }
  }
}

TEST(LinkEnvelope, EachKindOfDamageIsNamedByEveryReader) {
  const std::vector<TextReader> readers = Readers();
  for (const TextReader& reader : readers) {
    SCOPED_TRACE(reader.name);
    const std::string& good = reader.good;
    std::string flipped = good;
    const std::size_t at = good.size() - 2;  // a data character (the last may hold padding bits)
    flipped[at] = flipped[at] == 'Z' ? 'Y' : 'Z';
    const std::string middle = good.substr(0, good.size() / 2);
    struct Case {
      std::string what;
      std::string text;
      std::string says;
    };
    const std::string cannotContain = reader.name == "decision code" ? "cannot contain '*'" : "characters a link cannot contain";
    const std::vector<Case> cases = {
        {"empty", "", reader.name == "decision code" ? "empty" : reader.notThisKind},
        {"only white space", " \n\t ", reader.name == "decision code" ? "empty" : reader.notThisKind},
        {"a flipped character", flipped, "damaged (checksum)"},
        {"a bad character", good.substr(0, 3) + "*" + good.substr(3), cannotContain},
        {"too long", good + std::string(reader.maxChars, good.back()), "too long"},
        {"a future format", FutureVersionOf(reader), "newer version of Kizuna"},
        {"another reader's text", reader.name == "share link" ? readers[1].good : readers[0].good, reader.notThisKind},
        // Codes have no prefix: a first character outside their alphabet stands for it.
        {"the wrong prefix", (reader.name == "decision code" ? "U" : "x") + good.substr(1),
         reader.name == "decision code" ? "cannot contain 'U'" : reader.notThisKind},
    };
    for (const Case& c : cases) {
      const std::string message = Message(reader.read(c.text));
      EXPECT_NE(message.find(c.says), std::string::npos) << c.what << " ('" << c.text.substr(0, 80) << "'): " << message;
    }
    // Cut short: refused as damage, whatever the cut (a code names the missing character).
    for (std::size_t keep = 1; keep < good.size(); ++keep) {
      const std::string message = Message(reader.read(good.substr(0, keep)));
      const bool named = message.find("damaged") != std::string::npos || message.find("too short") != std::string::npos ||
                         message.find("missing") != std::string::npos;
      EXPECT_TRUE(named) << "cut to " << keep << " ('" << good.substr(0, keep) << "'): " << message;
    }
    EXPECT_NE(Message(reader.read(middle)).find(reader.name == "decision code" ? "too short" : "damaged"), std::string::npos)
        << Message(reader.read(middle));
  }
}

// Anything at all, white space and '#' included: a value or a message, never a crash.
TEST(LinkEnvelope, RandomTextIsRefusedWithAMessageByEveryReader) {
  constexpr std::string_view kPieces[] = {"#", " ", "\n", "k", "w", "A", "-", "_", "0", "7", "Z", "*", "\xE3\x81\x82", "https://x/"};
  std::uint64_t state = 7;
  auto next = [&state] { return static_cast<std::size_t>((state = state * 6364136223846793005ULL + 1442695040888963407ULL) >> 33); };
  for (const TextReader& reader : Readers()) {
    for (int trial = 0; trial < 1000; ++trial) {
      std::string text = trial % 3 == 0 ? reader.good : "";
      const std::size_t pieces = next() % 24;
      for (std::size_t i = 0; i < pieces; ++i) {
        const std::string_view piece = kPieces[next() % std::size(kPieces)];
        text.insert(next() % (text.size() + 1), piece);
      }
      const Expected<std::string> read = reader.read(text);
      if (!read) {
        EXPECT_FALSE(read.problems().front().message.empty()) << reader.name << ": '" << text << "'";
      }
    }
  }
}

TEST(LinkEnvelope, TrimInputRemovesOnlySurroundingWhiteSpace) {
  EXPECT_EQ(link_wire::TrimInput(" \t\r\n a b \n"), "a b");
  EXPECT_EQ(link_wire::TrimInput("\n \t"), "");
  EXPECT_EQ(link_wire::TrimInput("ab"), "ab");
}

TEST(LinkEnvelope, FormatStandingSeparatesNewerFromDamage) {
  using link_wire::FormatStanding;
  EXPECT_EQ(link_wire::StandingOf(1, 2, 1000), FormatStanding::Readable);
  EXPECT_EQ(link_wire::StandingOf(2, 2, 1000), FormatStanding::Readable);
  EXPECT_EQ(link_wire::StandingOf(3, 2, 1000), FormatStanding::Newer);
  EXPECT_EQ(link_wire::StandingOf(999, 2, 1000), FormatStanding::Newer);
  EXPECT_EQ(link_wire::StandingOf(1000, 2, 1000), FormatStanding::Unknown);
  EXPECT_EQ(link_wire::StandingOf(0, 2, 1000), FormatStanding::Unknown);
}

}  // namespace
}  // namespace kz::test
