// The app: UI state and the frame that lays out every panel. Platform code owns the window, the GL
// context and the main loop, and calls App::Frame between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "state/analysis_state.hpp"
#include "state/catalog.hpp"
#include "state/frame_stats.hpp"
#include "panels/panel_analysis.hpp"
#include "panels/panel_chart.hpp"
#include "panels/panel_findings.hpp"
#include "panels/panel_help.hpp"
#include "panels/panel_levers.hpp"
#include "panels/panel_story.hpp"
#include "panels/panel_tour.hpp"
#include "panels/panel_workshop.hpp"
#include "state/layout.hpp"
#include "state/platform_request.hpp"
#include "state/session.hpp"
#include "state/story.hpp"
#include "state/tour.hpp"
#include "panels/timeline.hpp"
#include "panels/ui_scale.hpp"
#include "state/workshop.hpp"
#include "panels/world_view.hpp"

namespace kz {

/// What the platform measured for the frame being built.
struct FrameContext {
  double frameMs = 0.0;  ///< median frame time so far, milliseconds
  float uiScale = 1.0f;  ///< current UI scale (see ui_scale.hpp)
};

/// A bundled scenario the user can open (the platform knows where its file is).
struct PresetInfo {
  std::string id;
  LocalizedText title;
  LocalizedText narrative;  ///< what the preset is about, shown in the picker (empty when it has none)
};

/// What Share copies: the whole view, the comparison framed on the Difference chart, or the code
/// that embeds the view in another page (an iframe, with the embed options chosen in its dialog).


/// A bundled scenario's file text and its base's ("" when none), as the platform fetched them.
struct PresetTexts {
  std::string id;
  std::string text;
  std::string baseText;
};

/// Kizuna's UI. Holds UI state (selection lives in the session, open panels here); the model lives
/// in the core and every change goes through the session.
class App {
 public:
  /// Lays out one frame. Requires a current ImGui context inside NewFrame/Render.
  void Frame(const FrameContext& frame);

  Session& session() { return work; }
  const Session& session() const { return work; }
  /// The world map's data and view, for the platform's renderer.
  WorldView& World() { return world; }

  /// The exercises the Workshop menu offers (the site's exercise manifest; empty when it has none).
  void SetExercises(std::vector<PresetInfo> exercises) {
    exerciseList = std::move(exercises);
    exerciseListState = ListState::Known;
  }
  /// Starts exercise `exerciseText` (untrusted, validated) as its facilitator. `preset` holds the
  /// texts of the bundled scenario it names as base and `presetBaseId` the base that one names ("").
  /// Problems leave everything as it was.
  std::vector<Problem> StartWorkshop(std::string_view exerciseText, const PresetTexts& preset, std::string_view presetBaseId);
  /// Opens a session link ("w...", or a team's "w....<team>") of exercise `exerciseText` (texts as
  /// for StartWorkshop). Problems leave everything as it was.
  std::vector<Problem> OpenWorkshopLink(std::string_view link, std::string_view exerciseText, const PresetTexts& preset,
                                        std::string_view presetBaseId);
  /// The stable team link a join code names in exercise `exerciseText` (texts as for
  /// StartWorkshop), to open with OpenWorkshopLink. Problems have the core's "code.<fault>" paths
  /// ("code.exercise": another exercise's code, try the next) and messages in the UI's language.
  Expected<std::string> JoinLink(std::string_view code, std::string_view exerciseText, const PresetTexts& preset,
                                 std::string_view presetBaseId) const;
  /// Ends the workshop and goes back to the sandbox's preset (the platform fetches it).
  void LeaveWorkshop();
  Workshop& workshop() { return exercise; }
  const Workshop& workshop() const { return exercise; }

  /// The scenarios the preset picker offers, and the one showing.
  void SetPresets(std::vector<PresetInfo> presets, std::string currentId);
  /// What the app asks of the platform since the last call (fetch a preset, copy a link, open a
  /// file, ...), oldest first; each is asked once (state/platform_request.hpp).
  std::vector<PlatformRequest> TakeRequests() { return requests.TakeAll(); }
  /// The first pending request of type T, taken out (tests; the others stay pending).
  template <typename T>
  std::optional<T> TakeRequest() { return requests.Take<T>(); }
  /// The share link of what is on screen: the scenario's changes from its preset and the view
  /// (selection, comparison, chart, map, embedding). ShareKind::Comparison keeps only the scenario
  /// and the comparison, opening on the Difference chart at the default view; ShareKind::Embed
  /// adds the embed options chosen in the Embed dialog. Problems when the scenario has changes a
  /// link cannot carry, or was opened from a file rather than a bundled scenario.
  Expected<std::string> ShareLink(ShareKind kind = ShareKind::View) const;
  /// The link the address bar holds: ShareLink(), or while a story is presented, the story's link,
  /// so that reloading the page (or opening the address again) presents the story from its start.
  Expected<std::string> AddressLink() const;
  /// Opens a decoded share link whose preset's texts the platform fetched; sets the view it carries.
  /// A comparison with another scenario comes back as a comparison request. Problems change nothing.
  std::vector<Problem> OpenLink(const ScenarioLink& link, std::string_view presetText, std::string_view baseText);
  /// Opens a scenario file (`text`, with the text of the base it names or ""), untrusted: validated
  /// in full, and on any problem the work stays and the status line names the problem. `preset` is
  /// the bundled scenario the file names as its id or base (empty texts when none): when a link can
  /// carry the file's changes from it, it becomes the reference, so Share and autosave work as for
  /// an edited preset; otherwise the scenario is its own reference (OpenedFromFile).
  std::vector<Problem> ImportScenario(std::string_view fileName, std::string_view text, std::string_view baseText,
                                      const PresetTexts& preset);
  const std::string& OpenedFile() const { return openedFile; }
  /// The scenario now showing came from a file, named `fileName`, rather than a bundled preset
  /// (links cannot carry it; export it as JSON instead). Loading a preset or a link clears it.
  void OpenedFromFile(std::string fileName);
  /// The link's embed flags in force (kizuna/link.hpp EmbedFlag; 0 = the full app).
  std::uint32_t EmbedFlags() const { return embedFlags; }
  bool Embedded() const { return (embedFlags & kEmbedMode) != 0; }
  /// Changes whenever what ShareLink() says may change (a run, the selection, the chart, the
  /// analysis shown; not the map view, which a pan changes every frame): the platform re-publishes
  /// the link to the address bar only then (and when a story starts or stops being presented).
  std::string LinkStateKey() const;

  /// The presenter's story (state/story.hpp): built in the Story window, opened from a story link.
  const Story& story() const { return storyState; }
  /// Adds what is on screen as a step with `caption` and `figure` (StoryFigure). Problems (another
  /// scenario than the story's, a full story, a view a link cannot carry) change nothing.
  std::vector<Problem> AddStoryStep(std::string_view caption, std::uint8_t figure = 0);
  /// Presents the story from step `index`, showing that step's scenario and view.
  std::vector<Problem> PresentStory(int index = 0);
  /// Steps forward or back while presenting (false at either end or when not presenting).
  bool StoryNext();
  bool StoryPrevious();
  void LeaveStory() { storyState.Leave(); }
  /// Opens or closes the Story window.
  void ShowStoryWindow(bool shown) { showStory = shown; }

  /// Offers the work autosaved at `savedAt` (a time the page formats) back to the user; "" withdraws it.
  void OfferRestore(std::string savedAt) { restoreOffer = std::move(savedAt); }

  /// Shows a message in the top bar (e.g. why a file could not be loaded); empty clears it.
  void SetStatus(std::string message) { status = std::move(message); }
  const std::string& statusText() const { return status; }
  /// The analyses run in the Web Worker: requests for the platform, progress and results from it.
  AnalysisState& Analysis() { return analysis; }
  /// Opens the Analysis window on `kind`'s tab (as the top bar's Analysis menu does).
  void OpenAnalysis(AnalysisKind kind);
  /// The Analysis window's text as the last frame drew it ("" when closed), for tests.
  const std::string& AnalysisTextShown() const { return analysisPanel.shownText; }
  /// What the chart shows (metric, difference view), for the page's data table.
  const ChartPanelState& Chart() const { return chartState; }
  /// Switches the UI's language (instant: catalogs are built in) and re-words the findings. The
  /// platform loads Japanese glyphs when CurrentUiLanguage() becomes Japanese.
  void SetLanguage(Language language);
  Language CurrentUiLanguage() const;
  /// Offers the first-visit tour: it opens once a scenario is on screen (not in an embedded view or
  /// a workshop). The platform calls it when the browser has no record of a dismissed tour.
  void OfferTour() { tourOffered = true; }
  /// Opens the tour at its first step (Help > Getting started).
  void StartTour() { tour.Start(); }
  const Tour& GuidedTour() const { return tour; }
  /// Whether the reader dismissed the tour since the last call: the platform remembers it.
  bool TakeTourDismissed() { return tour.TakeDismissed(); }
  /// The reader's text-size setting (View menu); the platform sizes the fonts by it and remembers it.
  TextSize TextSizeSetting() const { return textSize; }
  void SetTextSizeSetting(TextSize size) { textSize = size; }

 private:
  void TopBar(const FrameContext& frame);
  bool FitTopBar();
  void MenuBarItems();
  void LanguageMenu();
  void ViewMenu();
  void PanelFocusKeys();
  void Apply(const LeversPanelActions& actions);
  void PresetPicker();
  void ComparisonPicker();
  void ChartWindow();
  void UndoShortcuts();
  void RestoreOffer();
  LinkView ViewForLink() const;
  void ApplyLinkView(const LinkView& view);
  void HelpWindow(const FrameContext& frame);
  void HelpMenu();
  void TourFrame();
  void FileMenu();
  void WorkshopMenu();
  void WorkshopFrame();
  void SyncWorkshop();
  void FollowCrisis();
  std::vector<Problem> Adopt(Workshop opened);
  void Apply(const WorkshopActions& actions);
  void ShareMenu();
  void EmbedDialog();
  void EmbeddedCorner();
  LinkView ComparisonView() const;
  std::uint8_t LinkLanguage() const;
  std::vector<Problem> ShowStoryStep(int index);
  std::vector<Problem> OpenStory(const ScenarioLink& link, std::string_view presetText, std::string_view baseText);
  void StoryKeys();
  void StoryWindow(const FrameContext& frame);
  void PresentingBar(const PanelRect& area);
  void Apply(const StoryPanelActions& actions);
  void CopyStoryLink();

  Session work;
  WorldView world;
  LeversPanelState leversState;
  ChartPanelState chartState;
  FindingsPanelState findingsState;
  TimelineState timeline;
  std::vector<PresetInfo> presetList;
  std::string currentPreset;
  RequestQueue requests;
  HelpPanelState helpState;
  std::string status;
  bool showHelp = false;
  std::string openedFile;         // the file the scenario came from; "" = a bundled preset or a link
  std::uint32_t embedFlags = 0;   // from the link opened (EmbedFlag bits)
  std::uint32_t embedChoice = kEmbedMode | kEmbedReadOnly;  // the Embed dialog's options
  bool showEmbedDialog = false;
  Workshop exercise;
  WorkshopPanelState workshopPanel;
  int syncedWorkshop = -1;  // Workshop::Version() the common picture was last run for
  int syncedRound = -1;     // the round the picture last followed the crisis for (FollowCrisis)
  InjectScope syncedScope = InjectScope::All;  // the injects the picture was last run with (PictureScope)
  InjectScope PictureScope() const;
  std::vector<PresetInfo> exerciseList;
  enum class ListState { Unasked, Asked, Known } exerciseListState = ListState::Unasked;
  std::string restoreOffer;  // when the autosaved work was saved; "" = no offer
  AnalysisState analysis;
  AnalysisPanelState analysisPanel;
  bool showAnalysis = false;
  Story storyState;
  PresentingState presentingState;
  bool showStory = false;
  TextSize textSize = TextSize::Normal;
  Tour tour;
  TourPanelState tourPanel;
  bool tourOffered = false;  // the platform offered the tour; it opens with the first scenario
  float presetPickerWidth = 0.0f;      // the top bar's pickers share what its menus leave (FitTopBar)
  float comparisonPickerWidth = 0.0f;
};

}  // namespace kz
