// The presenter's story as the app holds it (state/story.hpp), headless: building (add, caption,
// figure, reorder, delete), the story link it makes, and stepping while presenting.
#include "state/story.hpp"

#include <gtest/gtest.h>

namespace {

kz::StoryStep On(const char* preset, const char* caption, const char* good = "re_magnet") {
  kz::StoryStep step;
  step.scene.preset = preset;
  step.scene.view.good = good;
  step.caption = caption;
  return step;
}

kz::Story ThreeSteps() {
  kz::Story story;
  EXPECT_TRUE(story.Add(On("re-2010-japan", "one", "re_magnet")).empty());
  EXPECT_TRUE(story.Add(On("re-2010-japan", "two", "re_oxide")).empty());
  EXPECT_TRUE(story.Add(On("re-2010-japan", "three", "re_ore")).empty());
  return story;
}

std::vector<std::string> Captions(const kz::Story& story) {
  std::vector<std::string> captions;
  for (const kz::StoryStep& step : story.Steps()) captions.push_back(step.caption);
  return captions;
}

TEST(Story, StepsAreAddedReorderedCaptionedAndDeleted) {
  kz::Story story = ThreeSteps();
  EXPECT_EQ(story.Preset(), "re-2010-japan");
  story.Move(2, -1);
  EXPECT_EQ(Captions(story), (std::vector<std::string>{"one", "three", "two"}));
  story.Move(0, -1);  // already first: nothing moves
  story.Move(2, +1);  // already last
  EXPECT_EQ(Captions(story), (std::vector<std::string>{"one", "three", "two"}));
  story.SetCaption(1, "drei\tdrei\x01 — 三");
  EXPECT_EQ(story.Steps()[1].caption, "drei drei — 三") << "tabs become spaces, other control characters go";
  story.SetFigure(1, kz::kStoryFigureLoss);
  story.SetFigure(1, 200);  // not a figure: ignored
  EXPECT_EQ(story.Steps()[1].figure, kz::kStoryFigureLoss);
  story.Remove(0);
  EXPECT_EQ(Captions(story), (std::vector<std::string>{"drei drei — 三", "two"}));
  story.Remove(7);
  EXPECT_EQ(story.Count(), 2);
}

TEST(Story, CaptionsAreCutAtACharacterNotInsideOne) {
  EXPECT_EQ(kz::CaptionText("日本語", 7), "日本") << "7 bytes hold two 3-byte characters, not a third's first byte";
  EXPECT_EQ(kz::CaptionText("line one\nline two"), "line one\nline two");
  EXPECT_EQ(kz::CaptionText(std::string(kz::kMaxCaptionBytes + 50, 'a')).size(), kz::kMaxCaptionBytes);
}

TEST(Story, AStoryStaysOnOneScenario) {
  kz::Story story = ThreeSteps();
  const std::vector<kz::Problem> problems = story.Add(On("us-jp-steering-committee", "elsewhere"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems.front().message.find("re-2010-japan"), std::string::npos);
  EXPECT_EQ(story.Count(), 3);
  story.Clear();
  EXPECT_TRUE(story.Add(On("us-jp-steering-committee", "a new story")).empty());
}

TEST(Story, ItsLinkOpensOnTheFirstStepWithEveryStepAfterIt) {
  EXPECT_FALSE(kz::Story().Link(kz::kLinkLanguageEnglish).has_value());
  const kz::Story story = ThreeSteps();
  const std::optional<kz::ScenarioLink> link = story.Link(kz::kLinkLanguageJapanese);
  ASSERT_TRUE(link.has_value());
  EXPECT_EQ(link->preset, "re-2010-japan");
  EXPECT_EQ(link->view.good, "re_magnet") << "the link's own view is the first step's";
  EXPECT_EQ(link->view.language, kz::kLinkLanguageJapanese);
  ASSERT_EQ(link->story.size(), 3u);
  EXPECT_EQ(link->story[2].caption, "three");
}

TEST(Story, PresentingStepsForwardAndBackWithinTheStory) {
  kz::Story story;
  EXPECT_FALSE(story.Present().has_value()) << "nothing to present";
  EXPECT_FALSE(story.Next().has_value());
  story = ThreeSteps();
  EXPECT_FALSE(story.Next().has_value()) << "not presenting yet";
  EXPECT_EQ(story.Present(), 0);
  EXPECT_EQ(story.CurrentStep()->caption, "one");
  EXPECT_FALSE(story.Previous().has_value()) << "already at the first step";
  EXPECT_EQ(story.Next(), 1);
  EXPECT_EQ(story.Next(), 2);
  EXPECT_FALSE(story.Next().has_value()) << "already at the last step";
  EXPECT_EQ(story.Previous(), 1);
  story.Leave();
  EXPECT_EQ(story.CurrentStep(), nullptr);
  EXPECT_EQ(story.Count(), 3) << "leaving keeps the steps";
  EXPECT_EQ(story.Present(9), 2) << "clamped to the last step";
  story.Remove(2);
  EXPECT_EQ(story.Current(), 1) << "deleting the step on screen shows the one before";
}

TEST(Story, OpeningALinksStoryPresentsItsFirstStep) {
  kz::ScenarioLink link = ThreeSteps().Link(kz::kLinkLanguageDefault).value();
  kz::Story story;
  story.Open(link);
  EXPECT_TRUE(story.Presenting());
  EXPECT_EQ(story.Current(), 0);
  EXPECT_EQ(story.Count(), 3);
  EXPECT_EQ(story.Preset(), "re-2010-japan");
}

}  // namespace
