// The presenter's story as the app holds it: the steps being built (added from the current view,
// captioned, pointed at a headline figure, reordered, deleted) and, while presenting, the step on
// screen. Headless: the app applies a step's scene and view; this only keeps the list and the
// position, so viewers may touch levers at any step and the next step still re-applies its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/link.hpp"
#include "kizuna/story.hpp"

namespace kz {

/// `text` cut to at most `maxBytes` bytes without splitting a UTF-8 character, control characters
/// other than line breaks removed (what a caption may hold in a link).
std::string CaptionText(std::string_view text, std::size_t maxBytes = kMaxCaptionBytes);

class Story {
 public:
  // ---- Building (the presenter) ----------------------------------------------------------------

  /// Appends `step` (the current view, whose scene.preset names the scenario). A story stays on one
  /// scenario: a step on another preset is refused (problem path "story"), and so is a step past
  /// kMaxStorySteps. The caption is cleaned (CaptionText).
  std::vector<Problem> Add(StoryStep step);
  /// Replaces step `index`'s scene (keeping its caption and figure): "update to this view".
  void Retake(int index, const ScenarioLink& scene);
  void Remove(int index);
  /// Moves step `index` by `delta` places (-1 earlier, +1 later), within the list.
  void Move(int index, int delta);
  void SetCaption(int index, std::string_view caption);
  /// StoryFigure value; values past kLastStoryFigure are ignored.
  void SetFigure(int index, std::uint8_t figure);
  /// Forgets every step and leaves presenting.
  void Clear();

  const std::vector<StoryStep>& Steps() const { return steps; }
  bool Empty() const { return steps.empty(); }
  int Count() const { return static_cast<int>(steps.size()); }
  /// The scenario the story is on ("" while it has no step).
  const std::string& Preset() const { return preset; }
  /// Changes with every edit of the steps (tests, and caches of the panel).
  int Version() const { return version; }

  /// The story as one link: it opens on the first step (its scene and view are the link's own),
  /// with the story after it, and `language` (LinkLanguage) as the presenter's. Empty story: nullopt.
  std::optional<ScenarioLink> Link(std::uint8_t language) const;

  // ---- Presenting (the viewer, or the presenter rehearsing) ------------------------------------

  /// Replaces the story with a link's (already checked against its preset), presenting its first step.
  void Open(const ScenarioLink& link);
  /// Starts presenting at step `index` (clamped); returns the step to show, or nullopt when empty.
  std::optional<int> Present(int index = 0);
  /// The next / previous step to show, or nullopt at the end / start or when not presenting.
  std::optional<int> Next();
  std::optional<int> Previous();
  /// Stops presenting; the steps stay (the presenter may edit and present again).
  void Leave() { presenting = false; }
  bool Presenting() const { return presenting; }
  /// The step on screen while presenting (0-based).
  int Current() const { return current; }
  const StoryStep* CurrentStep() const { return presenting && current < Count() ? &steps[static_cast<std::size_t>(current)] : nullptr; }

 private:
  bool Valid(int index) const { return index >= 0 && index < Count(); }
  void Edited() { ++version; }

  std::vector<StoryStep> steps;
  std::string preset;
  bool presenting = false;
  int current = 0;
  int version = 0;
};

}  // namespace kz
