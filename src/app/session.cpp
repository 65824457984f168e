// Session: load, edit and re-run through the core; the comparison follows every edit.
#include "session.hpp"

#include <algorithm>

#include "kizuna/engine.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz {
namespace {

Expected<Results> RunWithFlows(const Scenario& scenario, Simulation::Validation validation) {
  Expected<Simulation> simulation = Simulation::Create(scenario, validation);
  if (!simulation) return simulation.problems();
  simulation.value().RecordTradeFlows(true);  // the map draws trade arcs
  Results results;
  simulation.value().Run(results);
  return results;
}

// The (region, good) with the largest cumulative loss, and the month its fulfilment is lowest: where
// a newcomer should look first.
Selection WorstHit(const Results& r) {
  Selection best;
  double worst = 0.0;
  for (int region = 0; region < r.regions; ++region) {
    for (int good = 0; good < r.goods; ++good) {
      const double loss = r.MetricsOf(region, good).cumulativeLoss;
      if (loss > worst) {
        worst = loss;
        best.region = region;
        best.good = good;
      }
    }
  }
  double lowest = 2.0;
  for (int t = 0; t < r.months; ++t) {
    const double phi = r.fulfilment[r.Index(t, best.region, best.good)];
    if (phi < lowest) {
      lowest = phi;
      best.month = t;
    }
  }
  return best;
}

// How the findings name the comparison: "with no shocks it bottoms at 85%".
const char* ComparisonName(Comparison comparison) {
  switch (comparison) {
    case Comparison::None: return "";
    case Comparison::NoEvents: return "no shocks";
    case Comparison::Preset: return "the preset as loaded";
  }
  return "";
}

}  // namespace

std::vector<Problem> Session::Load(std::string_view text, std::string_view baseText) {
  const std::string base(baseText);
  Expected<Scenario> scenario = LoadScenarioJson(text, [&base](std::string_view id) -> Expected<std::string> {
    if (base.empty()) return std::vector<Problem>{{"", "base '" + std::string(id) + "' was not provided"}};
    return base;
  });
  if (!scenario) return scenario.problems();
  Expected<Results> results = RunWithFlows(scenario.value(), Simulation::Validation::Skip);  // validated on load
  if (!results) return results.problems();
  reference = scenario.value();
  working = std::move(scenario.value());
  current = std::move(results.value());
  ++runCount;
  provenance = ResolveProvenance(reference);
  leverList = ListLevers(working);
  ++leversRevision;
  RunComparison();
  selected = WorstHit(current);
  return {};
}

std::vector<Problem> Session::Replace(const Scenario& scenario) {
  Expected<Results> results = RunWithFlows(scenario, Simulation::Validation::Full);
  if (!results) return results.problems();
  working = scenario;
  current = std::move(results.value());
  ++runCount;
  leverList = ListLevers(working);
  ++leversRevision;
  RunComparison();
  ClampSelection();
  return {};
}

std::vector<Problem> Session::SetLever(std::string_view path, double value) {
  Scenario edited = working;
  std::vector<Problem> problems = kz::SetLever(edited, path, value);
  if (!problems.empty()) return problems;
  working = std::move(edited);
  RefreshLeverValues(path);
  RunAll();
  return {};
}

std::vector<Problem> Session::ResetLever(std::string_view path) {
  const std::optional<double> value = PresetValue(path);
  if (!value) return {{std::string(path), "the loaded scenario has no such lever"}};
  return SetLever(path, *value);
}

void Session::SetComparison(Comparison comparison) {
  comparisonKind = comparison;
  RunComparison();
}

void Session::Select(Selection selection) {
  selected = selection;
  ClampSelection();
}

std::string Session::ProvenanceOf(std::string_view path) const {
  for (const NumberProvenance& item : provenance) {
    if (item.number.path != path) continue;
    if (!item.covered()) return "";
    const Provenance& entry = reference.provenance[item.entry];
    std::string text;
    if (item.source != kNoProvenance) {
      const Source& source = reference.sources[item.source];
      text = "Source: " + source.citation + (source.tag.empty() ? "" : " [" + source.tag + "]");
    } else {
      text = "Assumption: " + entry.assumption;
    }
    if (!entry.note.empty()) text += "\n" + entry.note;
    return text;
  }
  return "";
}

std::optional<double> Session::PresetValue(std::string_view path) const {
  Expected<double> value = GetLever(reference, path);
  if (!value) return std::nullopt;
  return value.value();
}

// Levers keep a valid scenario valid (levers.hpp), so re-runs skip validation: dragging stays fast.
void Session::RunAll() {
  Expected<Results> results = RunWithFlows(working, Simulation::Validation::Skip);
  if (!results) return;  // unreachable for scenarios edited through levers; keep the last results
  current = std::move(results.value());
  ++runCount;
  // The preset as loaded does not change with edits: its results stand; only the findings follow.
  if (comparisonKind == Comparison::Preset) {
    UpdateFindings();
  } else {
    RunComparison();
  }
  ClampSelection();
}

// Only the lever set changes, except a trade share, which rescales the buyer's other sellers of the
// good: refreshing those alone keeps a drag cheap on scenarios with thousands of levers.
void Session::RefreshLeverValues(std::string_view changedPath) {
  std::string_view family = changedPath;
  if (changedPath.rfind("trade.", 0) == 0) family = changedPath.substr(0, changedPath.rfind('.') + 1);
  for (LeverInfo& lever : leverList) {
    const bool affected = family == changedPath ? lever.path == changedPath : lever.path.rfind(family, 0) == 0;
    if (!affected) continue;
    if (Expected<double> value = GetLever(working, lever.path)) lever.value = value.value();
  }
}

void Session::RunComparison() {
  if (comparisonKind == Comparison::None) {
    UpdateFindings();
    return;
  }
  Scenario other = comparisonKind == Comparison::Preset ? reference : working;
  if (comparisonKind == Comparison::NoEvents) other.events.clear();
  Expected<Results> results = RunWithFlows(other, Simulation::Validation::Skip);
  if (results) compared = std::move(results.value());
  ++runCount;
  UpdateFindings();
}

void Session::UpdateFindings() {
  keyFindings = Summarize(working, current, comparisonResults(), ComparisonName(comparisonKind));
  ++findingsRevision;
}

void Session::ClampSelection() {
  selected.region = std::clamp(selected.region, 0, std::max(0, current.regions - 1));
  selected.good = std::clamp(selected.good, 0, std::max(0, current.goods - 1));
  selected.month = std::clamp(selected.month, 0, std::max(0, current.months - 1));
}

}  // namespace kz
