// A presenter's story (kizuna/story.hpp): its steps as links, and the check that every step opens
// on the story's preset before the viewer's work is replaced.
#include "kizuna/story.hpp"

#include <utility>

namespace kz {

const char* StoryFigureId(std::uint8_t figure) {
  switch (figure) {
    case kStoryFigureWorst: return "worst";
    case kStoryFigureRecovery: return "recovery";
    case kStoryFigureLoss: return "loss";
    case kStoryFigureDifference: return "difference";
    default: return "";
  }
}

ScenarioLink StepLink(const StoryStep& step) {
  ScenarioLink link = step.scene;
  link.story.clear();  // a step never opens a story of its own
  return link;
}

std::vector<Problem> CheckStory(const Scenario& preset, const ScenarioLink& link) {
  for (std::size_t i = 0; i < link.story.size(); ++i) {
    const std::string place = "Story step " + std::to_string(i + 1) + ": ";
    ScenarioLink step = StepLink(link.story[i]);
    if (step.preset != link.preset) {
      return {Problem{"link", place + "it is for scenario '" + step.preset + "', not the story's '" + link.preset + "'."}};
    }
    Expected<Scenario> applied = ApplyLink(preset, step);
    if (!applied) {
      std::vector<Problem> problems = applied.problems();
      for (Problem& p : problems) p.message = place + p.message;
      return problems;
    }
  }
  return {};
}

}  // namespace kz
