// The app's side of share links: what on screen a link carries (kizuna/link.hpp holds the format).
#include <utility>

#include "app.hpp"
#include "page_api.hpp"

namespace kz {
namespace {

template <typename Item>
std::string IdAt(const std::vector<Item>& items, int index) {
  return index >= 0 && index < static_cast<int>(items.size()) ? items[static_cast<std::size_t>(index)].id : "";
}

}  // namespace

LinkView App::ViewForLink() const {
  LinkView view;
  const Selection& selection = work.selection();
  view.region = IdAt(work.scenario().regions, selection.region);
  view.good = IdAt(work.scenario().goods, selection.good);
  view.month = selection.month;
  view.comparison = static_cast<std::uint8_t>(work.comparison());
  if (work.comparison() == Comparison::Scenario) view.comparisonScenario = work.comparisonId();
  view.chartMetric = static_cast<std::uint8_t>(chartState.metric);
  view.chartDelta = chartState.delta;
  if (showAnalysis) view.analysis = static_cast<std::uint8_t>(static_cast<int>(analysisPanel.tab) + 1);
  const MapView& map = world.Panel().View();
  view.hasMapView = true;
  view.mapLon = static_cast<float>(map.center.lon);
  view.mapLat = static_cast<float>(map.center.lat);
  view.mapZoom = static_cast<float>(map.zoom);
  view.embed = embedFlags;
  view.language = LinkLanguage();
  return view;
}

// The reader sees the sender's language (a link without one keeps the reader's own).
std::uint8_t App::LinkLanguage() const {
  return CurrentLanguage() == Language::Japanese ? kLinkLanguageJapanese : kLinkLanguageEnglish;
}

// The comparison framed for a reader: the same scenario and comparison, on the Difference chart
// when there is something to differ from, at the default selection and map.
LinkView App::ComparisonView() const {
  LinkView view;
  view.comparison = static_cast<std::uint8_t>(work.comparison());
  if (work.comparison() == Comparison::Scenario) view.comparisonScenario = work.comparisonId();
  view.chartMetric = static_cast<std::uint8_t>(chartState.metric);
  view.chartDelta = work.comparison() != Comparison::None;
  view.language = LinkLanguage();
  return view;
}

Expected<std::string> App::ShareLink(ShareKind kind) const {
  if (!work.loaded()) return std::vector<Problem>{{"", Tr("share.nothing-open")}};
  if (exercise.Active()) return exercise.Facilitating() ? exercise.SessionLink() : exercise.TeamLink(exercise.Team());
  if (kind == ShareKind::Story) {
    std::optional<ScenarioLink> story = storyState.Link(LinkLanguage());
    if (!story) return std::vector<Problem>{{"", Tr("story.nothing")}};
    return EncodeLink(*story);
  }
  if (!openedFile.empty()) {
    return std::vector<Problem>{{"", TrFormat("share.from-file", {{"file", openedFile}})}};
  }
  LinkView view = kind == ShareKind::Comparison ? ComparisonView() : ViewForLink();
  if (kind == ShareKind::Embed) view.embed = embedChoice | kEmbedMode;
  Expected<ScenarioLink> link = LinkFromScenario(work.preset(), work.scenario(), view);
  if (!link) return link.problems();
  return EncodeLink(link.value());
}

Expected<std::string> App::AddressLink() const {
  if (storyState.Presenting() && !exercise.Active() && openedFile.empty()) return ShareLink(ShareKind::Story);
  return ShareLink();
}

// The view's ids may name what this version's preset lacks: those parts fall back to defaults.
void App::ApplyLinkView(const LinkView& view) {
  SelectByIds(work, view.region, view.good, view.month);
  switch (view.comparison) {
    case 0: work.SetComparison(Comparison::None); break;
    case 2: work.SetComparison(Comparison::Preset); break;
    case 4: work.SetComparison(Comparison::WithoutFrameworks); break;
    case 3:
      if (!view.comparisonScenario.empty()) requests.Push(ComparisonRequest{view.comparisonScenario});
      break;
    default: work.SetComparison(Comparison::NoEvents); break;
  }
  chartState.metric = static_cast<ChartMetric>(std::min<int>(view.chartMetric, 3));
  chartState.delta = view.chartDelta;
  if (view.analysis >= 1 && view.analysis <= 3) OpenAnalysis(static_cast<AnalysisKind>(view.analysis - 1));  // the panel, not a run
  if (view.hasMapView) world.Panel().SetView(MapView{{view.mapLon, view.mapLat}, view.mapZoom});
  embedFlags = view.embed;
  if (view.language == kLinkLanguageEnglish) SetLanguage(Language::English);
  if (view.language == kLinkLanguageJapanese) SetLanguage(Language::Japanese);
}

// A story link opens on its first step, presenting; a plain link ends any presenting (the
// presenter's steps stay in the Story window).
std::vector<Problem> App::OpenLink(const ScenarioLink& link, std::string_view presetText, std::string_view baseText) {
  if (!link.story.empty()) {
    if (std::vector<Problem> problems = OpenStory(link, presetText, baseText); !problems.empty()) return problems;
  }
  std::vector<Problem> problems = work.OpenLink(presetText, baseText, link);
  if (!problems.empty()) return problems;
  currentPreset = link.preset;
  ApplyLinkView(link.view);
  if (link.story.empty()) {
    storyState.Leave();
    return {};
  }
  storyState.Open(link);
  return ShowStoryStep(0);
}

std::string App::LinkStateKey() const {
  const Selection& s = work.selection();
  // Not the map view: it changes every frame of a pan, and the address bar must not be rewritten
  // that often (browsers throttle it). Links made then (Share, the next change) carry the map view.
  return std::to_string(work.resultsVersion()) + "/" + std::to_string(s.region) + "/" + std::to_string(s.good) + "/" +
         std::to_string(s.month) + "/" + std::to_string(static_cast<int>(chartState.metric)) + (chartState.delta ? "d" : "") +
         (showAnalysis ? "a" + std::to_string(static_cast<int>(analysisPanel.tab)) : "") +
         (storyState.Presenting() ? "s" + std::to_string(storyState.Version()) : "");
}

}  // namespace kz
