// The app: UI state and the frame that lays out every panel. Platform code owns the window, the GL
// context and the main loop, and calls App::Frame between ImGui::NewFrame() and ImGui::Render().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis_state.hpp"
#include "frame_stats.hpp"
#include "panel_analysis.hpp"
#include "panel_chart.hpp"
#include "panel_findings.hpp"
#include "panel_levers.hpp"
#include "session.hpp"
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
  /// Shows a message in the top bar (e.g. why a file could not be loaded); empty clears it.
  void SetStatus(std::string message) { status = std::move(message); }
  const std::string& statusText() const { return status; }
  /// The analyses run in the Web Worker: requests for the platform, progress and results from it.
  AnalysisState& Analysis() { return analysis; }
  /// Opens the Analysis window on `kind`'s tab (as the top bar's Analysis menu does).
  void OpenAnalysis(AnalysisKind kind);

 private:
  void TopBar(const FrameContext& frame);
  void Apply(const std::vector<LeverEdit>& edits);

  Session work;
  WorldView world;
  LeversPanelState leversState;
  ChartPanelState chartState;
  FindingsPanelState findingsState;
  std::vector<PresetInfo> presetList;
  std::string currentPreset;
  std::optional<std::string> presetRequest;
  std::string status;
  bool showAbout = false;
  AnalysisState analysis;
  AnalysisPanelState analysisPanel;
  bool showAnalysis = false;
};

}  // namespace kz
