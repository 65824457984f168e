// The presenter's story (state/story.hpp): the list of steps and the position while presenting.
#include "state/story.hpp"

#include <algorithm>
#include <utility>

namespace kz {
namespace {

// Bytes in the UTF-8 character that starts with `lead` (1 for a stray continuation byte).
std::size_t CharLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string CaptionText(std::string_view text, std::size_t maxBytes) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = std::min(CharLength(c), text.size() - i);
    if (out.size() + length > maxBytes) break;
    const bool control = (c < 0x20 && c != '\n') || c == 0x7F;
    const bool stray = c >= 0x80 && c < 0xC0;
    if (c == '\t') out.push_back(' ');
    else if (!control && !stray) out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::vector<Problem> Story::Add(StoryStep step) {
  if (!steps.empty() && step.scene.preset != preset) {
    return {Problem{"story", "A story stays on one scenario: this view is on '" + step.scene.preset + "', the story on '" + preset + "'."}};
  }
  if (steps.size() >= kMaxStorySteps) return {Problem{"story", "A story has at most " + std::to_string(kMaxStorySteps) + " steps."}};
  preset = step.scene.preset;
  step.scene.story.clear();
  step.caption = CaptionText(step.caption);
  if (step.figure > kLastStoryFigure) step.figure = kStoryFigureNone;
  steps.push_back(std::move(step));
  Edited();
  return {};
}

void Story::Retake(int index, const ScenarioLink& scene) {
  if (!Valid(index) || scene.preset != preset) return;
  StoryStep& step = steps[static_cast<std::size_t>(index)];
  step.scene = scene;
  step.scene.story.clear();
  Edited();
}

void Story::Remove(int index) {
  if (!Valid(index)) return;
  steps.erase(steps.begin() + index);
  if (steps.empty()) Clear();
  else if (current >= Count()) current = Count() - 1;
  Edited();
}

void Story::Move(int index, int delta) {
  const int to = index + delta;
  if (!Valid(index) || !Valid(to)) return;
  std::swap(steps[static_cast<std::size_t>(index)], steps[static_cast<std::size_t>(to)]);
  Edited();
}

void Story::SetCaption(int index, std::string_view caption) {
  if (!Valid(index)) return;
  steps[static_cast<std::size_t>(index)].caption = CaptionText(caption);
  Edited();
}

void Story::SetFigure(int index, std::uint8_t figure) {
  if (!Valid(index) || figure > kLastStoryFigure) return;
  steps[static_cast<std::size_t>(index)].figure = figure;
  Edited();
}

void Story::Clear() {
  steps.clear();
  preset.clear();
  presenting = false;
  current = 0;
  Edited();
}

std::optional<ScenarioLink> Story::Link(std::uint8_t language) const {
  if (steps.empty()) return std::nullopt;
  ScenarioLink link = StepLink(steps.front());
  link.view.language = language;
  link.view.embed = 0;
  link.story = steps;
  for (StoryStep& step : link.story) step.scene.view.embed = 0;  // a story opens in the full app
  return link;
}

void Story::Open(const ScenarioLink& link) {
  steps = link.story;
  preset = link.preset;
  for (StoryStep& step : steps) step.scene.story.clear();
  presenting = !steps.empty();
  current = 0;
  Edited();
}

std::optional<int> Story::Present(int index) {
  if (steps.empty()) return std::nullopt;
  presenting = true;
  current = std::clamp(index, 0, Count() - 1);
  return current;
}

std::optional<int> Story::Next() {
  if (!presenting || current + 1 >= Count()) return std::nullopt;
  return ++current;
}

std::optional<int> Story::Previous() {
  if (!presenting || current == 0) return std::nullopt;
  return --current;
}

}  // namespace kz
