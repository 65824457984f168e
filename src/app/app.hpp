// The app: UI state and the frame that lays out every panel. Platform code owns the window, the GL
// context and the main loop, and calls App::Frame between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "analysis_state.hpp"
#include "frame_stats.hpp"
#include "panel_analysis.hpp"
#include "panel_chart.hpp"
#include "panel_findings.hpp"
#include "panel_help.hpp"
#include "panel_levers.hpp"
#include "session.hpp"
#include "timeline.hpp"
#include "world_view.hpp"

namespace kz {

/// What the platform measured for the frame being built.
struct FrameContext {
  double frameMs = 0.0;  ///< median frame time so far, milliseconds
  float uiScale = 1.0f;  ///< current UI scale (see ui_scale.hpp)
};

/// A bundled scenario the user can open (the platform knows where its file is).
struct PresetInfo {
  std::string id;
  std::string title;
  std::string narrative;  ///< what the preset is about, shown in the picker ("" when it has none)
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

  /// The scenarios the preset picker offers, and the one showing.
  void SetPresets(std::vector<PresetInfo> presets, std::string currentId);
  /// A preset the user picked this frame, for the platform to fetch and load (then cleared).
  std::optional<std::string> TakePresetRequest();
  /// A preset the user picked to compare with, for the platform to fetch and pass to
  /// Session::SetComparisonScenario (then cleared).
  std::optional<std::string> TakeComparisonRequest();
  /// A page the user asked to open (the model card, a source), for the platform (then cleared).
  std::optional<std::string> TakeUrlRequest();
  /// The share link of what is on screen: the scenario's changes from its preset and the view
  /// (selection, comparison, chart). Problems when the scenario has changes a link cannot carry.
  Expected<std::string> ShareLink() const;
  /// Opens a decoded share link whose preset's texts the platform fetched; sets the view it carries.
  /// A comparison with another scenario comes back as a comparison request. Problems change nothing.
  std::vector<Problem> OpenLink(const ScenarioLink& link, std::string_view presetText, std::string_view baseText);
  /// The user pressed Share this frame (then cleared): the platform copies ShareLink().
  bool TakeShareRequest();
  /// Changes whenever what ShareLink() says may change (a run, the selection, the chart, the
  /// analysis shown; not the map view, which a pan changes every frame): the platform re-publishes
  /// the link to the address bar only then.
  std::string LinkStateKey() const;

  /// Offers the work autosaved at `savedAt` (a time the page formats) back to the user; "" withdraws it.
  void OfferRestore(std::string savedAt) { restoreOffer = std::move(savedAt); }
  /// The user accepted the offer this frame (then cleared): the platform opens the saved link.
  bool TakeRestoreRequest();

  /// Shows a message in the top bar (e.g. why a file could not be loaded); empty clears it.
  void SetStatus(std::string message) { status = std::move(message); }
  const std::string& statusText() const { return status; }
  /// The analyses run in the Web Worker: requests for the platform, progress and results from it.
  AnalysisState& Analysis() { return analysis; }
  /// Opens the Analysis window on `kind`'s tab (as the top bar's Analysis menu does).
  void OpenAnalysis(AnalysisKind kind);
  /// What the chart shows (metric, difference view), for the page's data table.
  const ChartPanelState& Chart() const { return chartState; }

 private:
  void TopBar(const FrameContext& frame);
  void Apply(const LeversPanelActions& actions);
  void PresetPicker();
  void ComparisonPicker();
  void ChartWindow();
  void UndoShortcuts();
  void RestoreOffer();
  LinkView ViewForLink() const;
  void ApplyLinkView(const LinkView& view);
  void HelpWindow(const FrameContext& frame);

  Session work;
  WorldView world;
  LeversPanelState leversState;
  ChartPanelState chartState;
  FindingsPanelState findingsState;
  TimelineState timeline;
  std::vector<PresetInfo> presetList;
  std::string currentPreset;
  std::optional<std::string> presetRequest;
  std::optional<std::string> comparisonRequest;
  std::optional<std::string> urlRequest;
  HelpPanelState helpState;
  std::string status;
  bool showHelp = false;
  bool shareRequest = false;
  std::string restoreOffer;  // when the autosaved work was saved; "" = no offer
  bool restoreRequest = false;
  AnalysisState analysis;
  AnalysisPanelState analysisPanel;
  bool showAnalysis = false;
};

}  // namespace kz
