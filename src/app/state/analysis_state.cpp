// AnalysisState: the analyses' kinds and the state transitions of a run; the worker's result JSON is
// read by the core (LoadMonteCarloViewJson and friends).
#include "state/analysis_state.hpp"

#include <utility>

namespace kz {

// -- Kinds ------------------------------------------------------------------------------------------

const char* AnalysisKindId(AnalysisKind kind) {
  switch (kind) {
    case AnalysisKind::MonteCarlo: return "montecarlo";
    case AnalysisKind::Coalition: return "coalition";
    case AnalysisKind::Sensitivity: return "sensitivity";
  }
  return "";
}

std::optional<AnalysisKind> ParseAnalysisKind(std::string_view id) {
  for (const AnalysisKind kind : {AnalysisKind::MonteCarlo, AnalysisKind::Coalition, AnalysisKind::Sensitivity}) {
    if (id == AnalysisKindId(kind)) return kind;
  }
  return std::nullopt;
}

// -- State transitions ------------------------------------------------------------------------------

bool AnalysisState::Request(AnalysisKind kind, std::string optionsJson) {
  if (Busy()) return false;
  pending = AnalysisRequest{kind, std::move(optionsJson)};
  state = AnalysisStatus::Starting;
  runKind = kind;
  progress = 0.0;
  statusMessage.clear();
  cancelAsked = false;
  return true;
}

void AnalysisState::RequestCancel() {
  if (!Busy()) return;
  if (state == AnalysisStatus::Starting && pending) {  // never reached the platform: nothing to stop
    pending.reset();
    state = AnalysisStatus::Cancelled;
    statusMessage = "analysis cancelled";
    return;
  }
  cancelPending = true;
  cancelAsked = true;
}

std::optional<AnalysisRequest> AnalysisState::TakeRequest() {
  std::optional<AnalysisRequest> request = std::move(pending);
  pending.reset();
  return request;
}

bool AnalysisState::TakeCancelRequest() {
  const bool cancel = cancelPending;
  cancelPending = false;
  return cancel;
}

bool AnalysisState::OnStarted(int runId, std::string_view kind) {
  const std::optional<AnalysisKind> parsed = ParseAnalysisKind(kind);
  if (!parsed) return false;
  currentRun = runId;
  runKind = *parsed;
  state = AnalysisStatus::Running;
  progress = 0.0;
  statusMessage.clear();
  cancelAsked = false;
  switch (runKind) {  // the previous result of this kind no longer matches what is running
    case AnalysisKind::MonteCarlo: mc.reset(); break;
    case AnalysisKind::Coalition: coalitionView.reset(); break;
    case AnalysisKind::Sensitivity: sensitivityView.reset(); break;
  }
  return true;
}

void AnalysisState::Accept(std::string_view json) {
  std::vector<Problem> problems;
  switch (runKind) {
    case AnalysisKind::MonteCarlo: {
      Expected<MonteCarloView> v = LoadMonteCarloViewJson(json);
      if (v) mc = std::move(v.value());
      else problems = v.problems();
      break;
    }
    case AnalysisKind::Coalition: {
      Expected<CoalitionView> v = LoadCoalitionViewJson(json);
      if (v) coalitionView = std::move(v.value());
      else problems = v.problems();
      break;
    }
    case AnalysisKind::Sensitivity: {
      Expected<SensitivityView> v = LoadSensitivityViewJson(json);
      if (v) sensitivityView = std::move(v.value());
      else problems = v.problems();
      break;
    }
  }
  if (!problems.empty()) {
    state = AnalysisStatus::Failed;
    statusMessage = "the result could not be read: " + problems.front().ToString();
    return;
  }
  ++updateCount;
}

void AnalysisState::OnProgress(int runId, double fraction, std::string_view partialJson) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  progress = fraction < 0.0 ? 0.0 : (fraction > 1.0 ? 1.0 : fraction);
  if (!partialJson.empty()) Accept(partialJson);
}

void AnalysisState::OnResult(int runId, std::string_view resultJson) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  progress = 1.0;
  Accept(resultJson);
  if (state == AnalysisStatus::Running) state = AnalysisStatus::Done;
}

void AnalysisState::OnFailed(int runId, std::string_view message, bool cancelled) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  state = cancelled ? AnalysisStatus::Cancelled : AnalysisStatus::Failed;
  statusMessage = std::string(message);
  cancelAsked = false;
}

}  // namespace kz
