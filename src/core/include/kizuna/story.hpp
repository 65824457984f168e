// A presenter's story: views turned into steps, each with a caption, shared as one link. A step
// (StoryStep, in kizuna/link.hpp since a link holds it) holds what a share link holds (changes
// from the link's preset and the view) plus the words the presenter says over it and, optionally,
// the headline figure to point at. Data only: the app steps through it (src/app/state/story.hpp);
// link.cpp carries it in the link's story section (link format 3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kizuna/link.hpp"

namespace kz {

/// Most steps a story link carries (a briefing has a handful; beyond this it is damage).
inline constexpr std::size_t kMaxStorySteps = 64;
/// Longest caption a link carries, in UTF-8 bytes (a few sentences in any language).
inline constexpr std::size_t kMaxCaptionBytes = 2000;

/// The headline figure a step points at (the headline's figure ids: "worst", "recovery", "loss",
/// "difference"). A link naming another value is refused (a later figure comes with a later format).
enum StoryFigure : std::uint8_t {
  kStoryFigureNone = 0,
  kStoryFigureWorst = 1,
  kStoryFigureRecovery = 2,
  kStoryFigureLoss = 3,
  kStoryFigureDifference = 4,
};
inline constexpr std::uint8_t kLastStoryFigure = kStoryFigureDifference;

/// The figure id ("worst", ...) of a StoryFigure; "" for none or one this version does not know.
const char* StoryFigureId(std::uint8_t figure);

/// A step of `story` as the link that opens it: its scene, with no story of its own.
ScenarioLink StepLink(const StoryStep& step);

/// Checks every step of `link.story` applies to `preset` (the bundled scenario named by
/// link.preset), before anything is opened. Problems name the step ("Step 2 of the story: ...").
std::vector<Problem> CheckStory(const Scenario& preset, const ScenarioLink& link);

}  // namespace kz
