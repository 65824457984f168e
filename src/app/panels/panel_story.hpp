// The Story window (opened from Share > Story...): the presenter's steps, each with its caption,
// the headline figure it points at, and buttons to show, retake, move or delete it; then Present
// and Copy the story link. And the presenting bar: the step's caption in large type over the map,
// its figure, "Step k of n" and Previous / Next / Leave. Both only read the story and return what
// the user asked for; the app applies it (state/story.hpp holds the story).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "state/headline.hpp"
#include "state/session.hpp"
#include "state/story.hpp"

namespace kz {

/// What the user asked for in the Story window this frame.
struct StoryPanelActions {
  bool addView = false;                              ///< add what is on screen as a new step
  std::optional<int> show;                           ///< show step i (and present from it)
  std::optional<int> retake;                         ///< replace step i's view with what is on screen
  std::optional<int> remove;
  std::optional<std::pair<int, int>> move;           ///< step, -1 earlier / +1 later
  std::optional<std::pair<int, std::string>> caption;
  std::optional<std::pair<int, std::uint8_t>> figure;
  bool present = false;
  bool copyLink = false;
  bool clear = false;
};

/// Draws the Story window's content inside the current window.
StoryPanelActions DrawStoryPanel(const Story& story);

/// What the presenting bar asked for this frame.
struct PresentingActions {
  bool previous = false;
  bool next = false;
  bool leave = false;
};

/// The headline as last worded for the presenting bar's figure (rebuilt when results or language change).
struct PresentingState {
  int resultsVersion = -1;
  int language = -1;
  Headline headline;
};

/// Draws the presenting bar's content inside the current window: the step on screen.
PresentingActions DrawPresentingBar(const Story& story, const Session& session, PresentingState& state);

}  // namespace kz
