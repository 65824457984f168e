// The app's side of the analyses that run in a Web Worker (Monte Carlo, coalitions, sensitivity):
// the user's requests waiting for the platform, the run in progress (status, progress, cancel) and
// the latest result of each kind, read from the worker's JSON by the core's readers (MonteCarloView
// and friends, next to the writers). The app never runs these analyses: the platform takes the
// request, runs it on the core-only module and feeds the JSON text back here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/coalition_analysis.hpp"
#include "kizuna/montecarlo.hpp"
#include "kizuna/sensitivity.hpp"

namespace kz {

enum class AnalysisKind { MonteCarlo, Coalition, Sensitivity };
inline constexpr int kAnalysisKindCount = 3;

/// "montecarlo", "coalition" or "sensitivity" (the kind names of the worker and window.kizuna).
const char* AnalysisKindId(AnalysisKind kind);
/// The kind named `id`, or nothing.
std::optional<AnalysisKind> ParseAnalysisKind(std::string_view id);

enum class AnalysisStatus {
  Idle,       ///< nothing has run
  Starting,   ///< requested by the user, not yet started by the platform
  Running,    ///< started; progress and partial results arrive
  Done,       ///< the final result arrived
  Failed,     ///< the analysis refused its options or failed; message() says why
  Cancelled,  ///< stopped by the user or the page
};

/// A run the user asked for, for the platform to start: the kind and its options (a JSON object).
struct AnalysisRequest {
  AnalysisKind kind = AnalysisKind::MonteCarlo;
  std::string optionsJson;
};

class AnalysisState {
 public:
  // -- From the UI ------------------------------------------------------------------------------
  /// Asks for a run; ignored while one is starting or running (returns false then).
  bool Request(AnalysisKind kind, std::string optionsJson);
  /// Asks to stop the run in progress (nothing happens when none is).
  void RequestCancel();

  // -- For the platform -------------------------------------------------------------------------
  /// The run requested this frame, if any (then cleared).
  std::optional<AnalysisRequest> TakeRequest();
  /// Whether the user asked to cancel since the last call (then cleared).
  bool TakeCancelRequest();

  // -- From the platform (the worker's messages, in order) --------------------------------------
  /// A run `runId` of `kind` began (asked by the user or by the page). Returns false, ignoring it,
  /// for an unknown kind. Later messages about other runs are ignored.
  bool OnStarted(int runId, std::string_view kind);
  /// Progress (0..1) and the partial result as JSON ("" when there is none yet).
  void OnProgress(int runId, double fraction, std::string_view partialJson);
  /// The final result as JSON.
  void OnResult(int runId, std::string_view resultJson);
  /// The run failed (`message` says why) or was cancelled.
  void OnFailed(int runId, std::string_view message, bool cancelled);

  // -- For the panels ---------------------------------------------------------------------------
  AnalysisStatus status() const { return state; }
  bool Busy() const { return state == AnalysisStatus::Starting || state == AnalysisStatus::Running; }
  AnalysisKind kind() const { return runKind; }
  double fraction() const { return progress; }
  const std::string& message() const { return statusMessage; }
  bool cancelRequested() const { return cancelAsked; }
  /// Latest results of each kind (partial while that kind runs); null before the first.
  const MonteCarloView* monteCarlo() const { return mc ? &*mc : nullptr; }
  const CoalitionView* coalition() const { return coalitionView ? &*coalitionView : nullptr; }
  const SensitivityView* sensitivity() const { return sensitivityView ? &*sensitivityView : nullptr; }
  /// Results (partial or final) accepted so far, for tests and redraw decisions.
  int updates() const { return updateCount; }

 private:
  void Accept(std::string_view json);

  std::optional<AnalysisRequest> pending;
  bool cancelPending = false;
  bool cancelAsked = false;
  AnalysisStatus state = AnalysisStatus::Idle;
  AnalysisKind runKind = AnalysisKind::MonteCarlo;
  int currentRun = 0;
  double progress = 0.0;
  std::string statusMessage;
  std::optional<MonteCarloView> mc;
  std::optional<CoalitionView> coalitionView;
  std::optional<SensitivityView> sensitivityView;
  int updateCount = 0;
};

}  // namespace kz
