// Stories in share links: a presenter's steps round-trip exactly (scenes, captions in any language,
// figures), a link without a story keeps its old format byte for byte, and every malformed story is
// refused with a message naming the step and the problem.
#include "kizuna/story.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "bundled_scenarios.hpp"
#include "kizuna/levers.hpp"
#include "link_wire.hpp"

namespace {

// A step on re-2010-japan: the halt's strength, a lever of Japan's, and a view of its own.
kz::StoryStep Step(double haltFraction, int responseLag, const std::string& good, std::uint8_t comparison, std::string caption,
                   std::uint8_t figure) {
  kz::StoryStep step;
  step.scene.preset = "re-2010-japan";
  step.scene.levers = {{"event.cn-halt-japan-2010.fraction", haltFraction}, {"policy.JP.responseLagMonths", static_cast<double>(responseLag)}};
  step.scene.view.region = "JP";
  step.scene.view.good = good;
  step.scene.view.comparison = comparison;
  step.scene.view.chartMetric = figure == kz::kStoryFigureLoss ? 3 : 0;
  step.caption = std::move(caption);
  step.figure = figure;
  return step;
}

// The story a presenter builds in three steps; the link opens on the first.
kz::ScenarioLink ThreeStepStory() {
  kz::ScenarioLink link;
  link.preset = "re-2010-japan";
  link.story = {Step(0.5, 3, "re_magnet", 1, "In 2010 China halted rare-earth exports to Japan.", kz::kStoryFigureWorst),
                Step(0.9, 3, "re_magnet", 1, "A longer, harder halt:\nmagnet makers run short within months.", kz::kStoryFigureLoss),
                Step(0.9, 1, "re_oxide", 2, "日本が一か月で対応すると、損失は小さくなる。", kz::kStoryFigureDifference)};
  const kz::ScenarioLink first = kz::StepLink(link.story.front());
  link.levers = first.levers;
  link.view = first.view;
  return link;
}

std::string Message(const kz::Expected<kz::ScenarioLink>& decoded) {
  EXPECT_FALSE(decoded.ok()) << "the link should be refused";
  return decoded.ok() ? "" : decoded.problems().front().message;
}

int FormatOf(const std::string& fragment) {
  const std::optional<std::vector<std::uint8_t>> bytes = kz::link_wire::Base64UrlDecode(fragment.substr(1));
  return bytes && !bytes->empty() ? (*bytes)[0] : -1;
}

TEST(Story, RoundTripsEveryStepCaptionAndFigure) {
  const kz::ScenarioLink story = ThreeStepStory();
  const std::string text = kz::EncodeLink(story);
  EXPECT_EQ(FormatOf(text), 3) << "a story without risk-register changes stays in format 3";
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(text);
  ASSERT_TRUE(decoded.ok()) << decoded.problems().front().ToString();
  EXPECT_EQ(decoded.value(), story);
  ASSERT_EQ(decoded.value().story.size(), 3u);
  EXPECT_EQ(decoded.value().story[2].caption, "日本が一か月で対応すると、損失は小さくなる。");
  EXPECT_EQ(decoded.value().story[1].caption.find('\n'), std::string("A longer, harder halt:").size());
  EXPECT_STREQ(kz::StoryFigureId(decoded.value().story[1].figure), "loss");
  const kz::Scenario preset = kz::test::LoadBundled("re-2010-japan");
  EXPECT_TRUE(kz::CheckStory(preset, decoded.value()).empty());
  // Each step opens as the scenario its levers describe.
  kz::Expected<kz::Scenario> third = kz::ApplyLink(preset, kz::StepLink(decoded.value().story[2]));
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(kz::GetLever(third.value(), "policy.JP.responseLagMonths").value(), 1.0);
  EXPECT_EQ(kz::GetLever(third.value(), "event.cn-halt-japan-2010.fraction").value(), 0.9);
}

TEST(Story, ALinkWithoutAStoryKeepsFormatTwoByteForByte) {
  kz::ScenarioLink plain = ThreeStepStory();
  plain.story.clear();
  const std::string text = kz::EncodeLink(plain);
  EXPECT_EQ(FormatOf(text), 2) << "older versions of Kizuna still open links without a story";
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(text);
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded.value().story.empty());
  EXPECT_EQ(decoded.value(), plain);
}

TEST(Story, AStepNeverCarriesAStoryOfItsOwn) {
  kz::StoryStep step = ThreeStepStory().story.front();
  step.scene.story = ThreeStepStory().story;
  EXPECT_TRUE(kz::StepLink(step).story.empty());
}

TEST(Story, MalformedStoriesNameTheStepAndTheProblem) {
  kz::ScenarioLink tooLong = ThreeStepStory();
  tooLong.story[1].caption = std::string(kz::kMaxCaptionBytes + 1, 'a');
  const std::string longMessage = Message(kz::DecodeLink(kz::EncodeLink(tooLong)));
  EXPECT_NE(longMessage.find("Story step 2"), std::string::npos) << longMessage;
  EXPECT_NE(longMessage.find("caption is too long"), std::string::npos) << longMessage;

  kz::ScenarioLink control = ThreeStepStory();
  control.story[2].caption = "bell \x07 here";
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(control))).find("Story step 3: its caption is not valid text"), std::string::npos);
  control.story[2].caption = "cut \xE6\x97";  // a character cut in two
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(control))).find("not valid text"), std::string::npos);

  kz::ScenarioLink figure = ThreeStepStory();
  figure.story[0].figure = 9;
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(figure))).find("Story step 1: This link has an unknown highlighted figure (9)"),
            std::string::npos);

  kz::ScenarioLink many = ThreeStepStory();
  many.story.resize(kz::kMaxStorySteps + 1, many.story.front());
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(many))).find("65 steps; at most 64"), std::string::npos);

  kz::ScenarioLink view = ThreeStepStory();
  view.story[1].scene.view.chartMetric = 7;
  EXPECT_NE(Message(kz::DecodeLink(kz::EncodeLink(view))).find("Story step 2: This link has an unknown chart (7)"), std::string::npos);
}

// Behind a valid checksum: a story cut short, and bytes after its end, are damage.
TEST(Story, ACutOrPaddedStorySectionIsDamage) {
  const std::string text = kz::EncodeLink(ThreeStepStory());
  std::vector<std::uint8_t> bytes = kz::link_wire::Base64UrlDecode(text.substr(1)).value();
  bytes.resize(bytes.size() - 4);  // the checksum
  const auto reseal = [](std::vector<std::uint8_t> b) {
    const std::uint32_t sum = kz::link_wire::Checksum(b.data(), b.size());
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(sum >> (8 * i)));
    return "k" + kz::link_wire::Base64UrlEncode(b);
  };
  std::vector<std::uint8_t> cut(bytes.begin(), bytes.end() - 5);
  EXPECT_NE(Message(kz::DecodeLink(reseal(cut))).find("damaged"), std::string::npos);
  std::vector<std::uint8_t> padded = bytes;
  padded.push_back(0);
  EXPECT_NE(Message(kz::DecodeLink(reseal(padded))).find("bytes left over"), std::string::npos);
  // Random damage inside the story never crashes and is refused or read as some story.
  std::uint64_t state = 7;
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<std::uint8_t> changed = bytes;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    changed[changed.size() / 2 + (state >> 33) % (changed.size() / 2)] = static_cast<std::uint8_t>(state >> 56);
    kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(reseal(changed));
    if (!decoded.ok()) {
      EXPECT_FALSE(decoded.problems().front().message.empty());
    }
  }
}

TEST(Story, CheckingRefusesAStepThePresetCannotTakeAndNamesIt) {
  const kz::Scenario preset = kz::test::LoadBundled("re-2010-japan");
  kz::ScenarioLink story = ThreeStepStory();
  story.story[1].scene.levers.push_back({"policy.JP.responseLagMonths", -4});
  std::vector<kz::Problem> problems = kz::CheckStory(preset, story);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().message.find("Story step 2: "), std::string::npos) << problems.front().message;
  EXPECT_NE(problems.front().message.find("responseLagMonths"), std::string::npos) << problems.front().message;
  story = ThreeStepStory();
  story.story[2].scene.preset = "us-jp-steering-committee";
  EXPECT_NE(kz::CheckStory(preset, story).front().message.find("Story step 3"), std::string::npos);
}

// The golden story link (tests/golden/links/links.txt, v3-story) keeps its three steps and
// captions forever (its scenario and results hashes are checked with the other golden links).
TEST(Story, TheGoldenStoryLinkKeepsItsSteps) {
  std::ifstream file(std::string(KIZUNA_TEST_GOLDEN_DIR) + "/links/links.txt");
  ASSERT_TRUE(file);
  std::string line;
  std::string fragment;
  while (std::getline(file, line)) {
    if (line.rfind("v3-story ", 0) == 0) fragment = line.substr(9, line.find(' ', 9) - 9);
  }
  ASSERT_FALSE(fragment.empty()) << "links.txt has no v3-story line";
  kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(fragment);
  ASSERT_TRUE(link.ok()) << link.problems().front().ToString();
  EXPECT_EQ(link.value(), ThreeStepStory());
  EXPECT_TRUE(kz::CheckStory(kz::test::LoadBundled("re-2010-japan"), link.value()).empty());
}

}  // namespace
