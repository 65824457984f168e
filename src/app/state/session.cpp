// Session: load, edit and re-run through the core; the comparison follows every edit.
#include "state/session.hpp"

#include <algorithm>
#include <string_view>

#include "kizuna/engine.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/output_account.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/validate.hpp"

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

// The story's subject (the scenario's, else the largest cumulative loss) at the month its fulfilment
// is lowest: where a newcomer should look first, and what the headline tells.
Selection WorstHit(const Scenario& s, const Results& r) {
  const StorySubject subject = SubjectOf(s, r);
  return {subject.region, subject.good, LowestShareMet(r, subject.region, subject.good).month};
}

// How the findings name the comparison: "with no shocks it bottoms at 85%".
// The comparison as the findings name it ("with {label} it bottoms at 85%").
std::string ComparisonName(Comparison comparison, const std::string& otherTitle, const UiText& words) {
  switch (comparison) {
    case Comparison::None: return "";
    case Comparison::NoEvents: return words.Tr("finding.label-no-events");
    case Comparison::Preset: return words.Tr("finding.label-preset");
    case Comparison::Scenario: return otherTitle;
    case Comparison::WithoutFrameworks: return words.Tr("finding.label-without-frameworks");
  }
  return "";
}

// B against A beyond the policies: shocks that are not the same, and world data (regions, goods,
// capacities, trade) that differs. Both on the same regions and goods (CheckSameWorld).
ComparisonMismatch MismatchOf(const Scenario& a, const Scenario& b, const UiText& words) {
  ComparisonMismatch mismatch;
  const auto has = [](const Scenario& s, const Event& e) { return std::find(s.events.begin(), s.events.end(), e) != s.events.end(); };
  for (const Event& e : b.events) {
    if (!has(a, e)) mismatch.shocks.push_back(words.LocalName(e.name, e.id));
  }
  for (const Event& e : a.events) {
    if (!has(b, e)) mismatch.shocks.push_back(words.TrFormat("compare.warning-missing-shock", {{"shock", words.LocalName(e.name, e.id)}}));
  }
  mismatch.worldData = a.regions != b.regions || a.goods != b.goods || a.facilities != b.facilities || a.trade != b.trade;
  return mismatch;
}


template <typename Item>
std::vector<std::string> Ids(const std::vector<Item>& items) {
  std::vector<std::string> ids;
  for (const Item& item : items) ids.push_back(item.id);
  return ids;
}

// Charts and findings compare series index by index, so A and B must share regions and goods.
std::vector<Problem> CheckSameWorld(const Scenario& a, const Scenario& b) {
  if (Ids(a.regions) != Ids(b.regions)) {
    return {{"regions", "'" + b.id + "' has other regions than '" + a.id + "'; compare scenarios built on the same world"}};
  }
  if (Ids(a.goods) != Ids(b.goods)) {
    return {{"goods", "'" + b.id + "' has other goods than '" + a.id + "'; compare scenarios built on the same world"}};
  }
  return {};
}

// B run over A's months, so the two series line up month by month. Refused when B has something
// that falls outside the shorter horizon (e.g. a shock that would start after it).
Expected<Scenario> OnHorizonOf(const Scenario& a, Scenario b) {
  if (b.horizonMonths == a.horizonMonths) return b;
  const int own = b.horizonMonths;
  b.horizonMonths = a.horizonMonths;
  std::vector<Problem> problems = ValidateScenario(b);
  if (problems.empty()) return b;
  for (Problem& problem : problems) {
    problem.message += " (when '" + b.id + "', " + std::to_string(own) + " months, is run over the " +
                       std::to_string(a.horizonMonths) + " months of '" + a.id + "')";
  }
  return problems;
}

}  // namespace

Comparison DefaultComparison(const Scenario& scenario) {
  return scenario.frameworks.empty() ? Comparison::NoEvents : Comparison::WithoutFrameworks;
}

Expected<Scenario> ParseWithBase(std::string_view text, std::string_view baseText) {
  const std::string base(baseText);
  return LoadScenarioJson(text, [&base](std::string_view id) -> Expected<std::string> {
    if (base.empty()) return std::vector<Problem>{{"", "base '" + std::string(id) + "' was not provided"}};
    return base;
  });
}

std::vector<Problem> Session::Load(std::string_view text, std::string_view baseText) {
  Expected<Scenario> scenario = ParseWithBase(text, baseText);
  if (!scenario) return scenario.problems();
  Expected<Results> results = RunWithFlows(scenario.value(), Simulation::Validation::Skip);  // validated on load
  if (!results) return results.problems();
  Scenario preset = scenario.value();
  Adopt(std::move(preset), std::move(scenario.value()), std::move(results.value()), /*unedited=*/true);
  return {};
}

std::vector<Problem> Session::OpenLink(std::string_view presetText, std::string_view baseText, const ScenarioLink& link) {
  Expected<Scenario> preset = ParseWithBase(presetText, baseText);
  if (!preset) return preset.problems();
  Expected<Scenario> linked = ApplyLink(preset.value(), link);
  if (!linked) return linked.problems();
  Expected<Results> results = RunWithFlows(linked.value(), Simulation::Validation::Skip);  // ApplyLink validated it
  if (!results) return results.problems();
  Adopt(std::move(preset.value()), std::move(linked.value()), std::move(results.value()));
  return {};
}

std::vector<Problem> Session::Open(Scenario preset, Scenario edited) {
  if (std::vector<Problem> problems = ValidateScenario(preset); !problems.empty()) return problems;
  Expected<Results> results = RunWithFlows(edited, Simulation::Validation::Full);
  if (!results) return results.problems();
  Adopt(std::move(preset), std::move(edited), std::move(results.value()), false);
  return {};
}

// A new session: `preset` is the reference for resets and comparison, `edited` the working scenario
// (`unedited`: the same as `preset`, so one lever walk serves both; each walk is ~10% of a first load).
void Session::Adopt(Scenario preset, Scenario edited, Results results, bool unedited) {
  reference = std::move(preset);
  working = std::move(edited);
  ++editsRevision;
  undoStack.clear();
  redoStack.clear();
  openStepPath.clear();
  current = std::move(results);
  ++runCount;
  provenance.reset();  // resolved when first asked for (a tooltip): ~20% of a first load otherwise
  leverList = ListLevers(working);
  presetValues.clear();
  for (const LeverInfo& lever : unedited ? leverList : ListLevers(reference)) presetValues.emplace(lever.path, lever.value);
  ++leversRevision;
  // A new scenario starts on its own default comparison: never on a B chosen for the one before
  // (which may be this very scenario, "unchanged"). A link's view sets its own afterwards.
  comparisonKind = DefaultComparison(working);
  otherId.clear();
  mismatch = {};
  RunComparison();
  selected = WorstHit(working, current);
}

std::vector<Problem> Session::Replace(const Scenario& scenario) {
  Expected<Results> results = RunWithFlows(scenario, Simulation::Validation::Full);
  if (!results) return results.problems();
  RememberForUndo("");
  working = scenario;
  current = std::move(results.value());
  ++runCount;
  leverList = ListLevers(working);
  ++leversRevision;
  if (comparisonKind == Comparison::Scenario) AlignComparisonScenario();
  RunComparison();
  ClampSelection();
  return {};
}

std::vector<Problem> Session::AddEvent(const Event& event) {
  for (const Event& e : working.events) {
    if (e.id == event.id) return {{"events", "a shock with id '" + event.id + "' already exists"}};
  }
  Scenario edited = working;
  edited.events.push_back(event);
  return Replace(edited);  // structural edits are fully validated, unlike levers
}

std::vector<Problem> Session::RemoveEvent(std::string_view id) {
  Scenario edited = working;
  const auto removed = std::remove_if(edited.events.begin(), edited.events.end(), [id](const Event& e) { return e.id == id; });
  if (removed == edited.events.end()) return {{"events", "there is no shock '" + std::string(id) + "'"}};
  edited.events.erase(removed, edited.events.end());
  return Replace(edited);  // structural edits are fully validated, unlike levers
}

std::vector<Problem> Session::SetMember(std::string_view frameworkId, std::string_view region, bool member) {
  Scenario edited = working;
  const auto framework = std::find_if(edited.frameworks.begin(), edited.frameworks.end(),
                                      [frameworkId](const Framework& f) { return f.id == frameworkId; });
  if (framework == edited.frameworks.end()) return {{"frameworks", "there is no framework '" + std::string(frameworkId) + "'"}};
  std::vector<std::string>& members = framework->members;
  const auto at = std::find(members.begin(), members.end(), region);
  if (member == (at != members.end())) return {};
  if (member) {
    members.emplace_back(region);
  } else {
    if (members.size() == 1) return {{"frameworks", framework->name.en + " needs at least one member"}};
    members.erase(at);
  }
  return Replace(edited);  // structural edits are fully validated, unlike levers
}

std::vector<Problem> Session::SetComparisonScenario(std::string_view text, std::string_view baseText) {
  Expected<Scenario> scenario = ParseWithBase(text, baseText);
  if (!scenario) return scenario.problems();
  if (std::vector<Problem> problems = CheckSameWorld(working, scenario.value()); !problems.empty()) return problems;
  Expected<Scenario> aligned = OnHorizonOf(working, std::move(scenario.value()));
  if (!aligned) return aligned.problems();
  other = std::move(aligned.value());
  otherId = other.id;
  otherTitle = other.title;
  if (otherTitle.en.empty()) otherTitle.en = other.id;
  mismatch = MismatchOf(working, other, words);
  comparisonKind = Comparison::Scenario;
  RunComparison();
  return {};
}

std::vector<Problem> Session::SetLever(std::string_view path, double value) {
  Scenario edited = working;
  std::vector<std::string> changed;
  std::vector<Problem> problems = kz::SetLever(edited, path, value, changed);
  if (!problems.empty()) return problems;
  RememberForUndo(path);
  working = std::move(edited);
  RefreshLeverValues(changed);
  RunAll();
  return {};
}

std::vector<Problem> Session::ResetLever(std::string_view path) {
  const std::optional<double> value = PresetValue(path);
  if (!value) return {{std::string(path), "the loaded scenario has no such lever"}};
  return SetLever(path, *value);
}

// At most this many steps are kept (a scenario copy each; the default world is ~100 KB).
constexpr std::size_t kMostUndoSteps = 100;

void Session::RememberForUndo(std::string_view path) {
  ++editsRevision;
  redoStack.clear();
  if (!path.empty() && path == openStepPath) return;  // the same drag: one step
  undoStack.push_back(working);
  if (undoStack.size() > kMostUndoSteps) undoStack.erase(undoStack.begin());
  openStepPath = std::string(path);
}

// Puts back an earlier scenario (valid: it ran before) and re-runs.
void Session::Restore(Scenario scenario) {
  ++editsRevision;
  working = std::move(scenario);
  openStepPath.clear();
  leverList = ListLevers(working);
  ++leversRevision;
  if (comparisonKind == Comparison::Scenario) AlignComparisonScenario();
  RunAll();
}

void Session::Undo() {
  if (undoStack.empty()) return;
  redoStack.push_back(working);
  Scenario previous = std::move(undoStack.back());
  undoStack.pop_back();
  Restore(std::move(previous));
}

void Session::Redo() {
  if (redoStack.empty()) return;
  undoStack.push_back(working);
  Scenario next = std::move(redoStack.back());
  redoStack.pop_back();
  Restore(std::move(next));
}

void Session::SetComparison(Comparison comparison) {
  if (comparison == Comparison::Scenario && otherId.empty()) return;  // nothing loaded to compare with
  if (comparison == Comparison::WithoutFrameworks && working.frameworks.empty()) return;  // nothing to switch off
  comparisonKind = comparison;
  RunComparison();
}

void Session::Select(Selection selection) {
  selected = selection;
  ClampSelection();
}

std::string Session::ProvenanceOf(std::string_view path) const {
  if (!provenance) provenance = ResolveProvenance(reference);
  for (const NumberProvenance& item : *provenance) {
    if (item.number.path != path) continue;
    if (!item.covered()) return "";
    const Provenance& entry = reference.provenance[item.entry];
    std::string text;
    if (item.source != kNoProvenance) {
      const Source& source = reference.sources[item.source];
      text = words.TrFormat("lever.source", {{"citation", source.citation}}) + (source.tag.empty() ? "" : " [" + source.tag + "]");
    } else {
      text = words.TrFormat("lever.assumption", {{"assumption", entry.assumption}});
    }
    if (!entry.note.empty()) text += "\n" + entry.note;
    return text;
  }
  return "";
}

// A lookup, not GetLever: the levers panel asks for every row it shows, every frame.
std::optional<double> Session::PresetValue(std::string_view path) const {
  const auto it = presetValues.find(std::string(path));
  if (it == presetValues.end()) return std::nullopt;
  return it->second;
}

// Levers keep a valid scenario valid (levers.hpp), so re-runs skip validation: dragging stays fast.
void Session::RunAll() {
  Expected<Results> results = RunWithFlows(working, Simulation::Validation::Skip);
  if (!results) return;  // unreachable for scenarios edited through levers; keep the last results
  current = std::move(results.value());
  ++runCount;
  // The preset as loaded and another scenario do not change with edits: their results stand; only
  // the findings follow.
  if (comparisonKind == Comparison::Preset || comparisonKind == Comparison::Scenario) {
    UpdateFindings();
  } else {
    RunComparison();
  }
  ClampSelection();
}

// Only the levers SetLever changed (the one set, or a buyer's trade shares, which rescale together):
// refreshing those alone keeps a drag cheap on scenarios with thousands of levers.
void Session::RefreshLeverValues(const std::vector<std::string>& changed) {
  for (LeverInfo& lever : leverList) {
    if (std::find(changed.begin(), changed.end(), lever.path) == changed.end()) continue;
    if (Expected<double> value = GetLever(working, lever.path)) lever.value = value.value();
  }
}

// After A's world or horizon changed: B follows A's horizon, or the comparison falls back to "no
// shocks" when B no longer fits (different regions or goods, or a shock outside the horizon).
void Session::AlignComparisonScenario() {
  if (CheckSameWorld(working, other).empty()) {
    if (Expected<Scenario> aligned = OnHorizonOf(working, other)) {
      other = std::move(aligned.value());
      mismatch = MismatchOf(working, other, words);
      return;
    }
  }
  comparisonKind = DefaultComparison(working);
  mismatch = {};
}

std::string Session::ComparisonDisplayName() const {
  switch (comparisonKind) {
    case Comparison::None: return "";
    case Comparison::NoEvents: return words.Tr("compare.no-events");
    case Comparison::Preset: return words.Tr("compare.preset");
    case Comparison::Scenario: return comparisonTitle();
    case Comparison::WithoutFrameworks: return words.Tr("compare.without-frameworks");
  }
  return "";
}

std::string Session::ComparisonWarning() const {
  if (comparisonKind != Comparison::Scenario || !mismatch.any()) return "";
  std::string text;
  if (!mismatch.shocks.empty()) {
    std::string list;
    for (const std::string& shock : mismatch.shocks) list += (list.empty() ? "" : words.Tr("finding.list-comma")) + shock;
    text = words.TrFormat("compare.warning-shocks", {{"b", comparisonTitle()}, {"shocks", list}});
  }
  if (mismatch.worldData) {
    text += (text.empty() ? "" : " ") + words.TrFormat("compare.warning-world", {{"b", comparisonTitle()}});
  }
  return text;
}

void Session::RunComparison() {
  if (comparisonKind == Comparison::None) {
    UpdateFindings();
    return;
  }
  if (comparisonKind == Comparison::WithoutFrameworks && working.frameworks.empty()) comparisonKind = Comparison::NoEvents;  // e.g. replaced
  Scenario base = comparisonKind == Comparison::Preset ? reference : comparisonKind == Comparison::Scenario ? other : working;
  if (comparisonKind == Comparison::NoEvents) base.events.clear();
  if (comparisonKind == Comparison::WithoutFrameworks) base.frameworks.clear();
  Expected<Results> results = RunWithFlows(base, Simulation::Validation::Skip);
  if (results) compared = std::move(results.value());
  ++runCount;
  UpdateFindings();
}

void Session::UpdateFindings() {
  keyFindings = Summarize(working, current, comparisonResults(), ComparisonName(comparisonKind, comparisonTitle(), words),
                          &words.Words(), Undisrupted());
  ++resultsRevision;
}

// The working scenario without disruptions, run once per edit (every change of `working` counts
// one in editsRevision): re-wording the findings or changing the comparison reuses it.
const Results* Session::Undisrupted() {
  if (undisruptedEdits != editsRevision) {
    Expected<Results> run = RunWithoutDisruptions(working);
    undisrupted = run ? std::optional<Results>(std::move(run.value())) : std::nullopt;
    undisruptedEdits = editsRevision;
    ++undisruptedRunCount;
  }
  return undisrupted ? &*undisrupted : nullptr;
}

// Not during a drag: finding the reasons runs the engine once per enabled rule, which a drag would
// pay on every frame. The note keeps its old words (and the panel its layout) until the drag ends.
std::optional<IdleReason> Session::IdleRuleReason(const std::string& leverPath) const {
  if (working.frameworks.empty()) return std::nullopt;
  if (idleRulesEdits != editsRevision && !dragActive) {
    ++idleRuleSearchCount;
    idleRules.clear();
    if (Expected<IdleRules> idle = IdleFrameworkRules(working)) {
      for (std::size_t k = 0; k < idle.value().rules.size(); ++k) {
        // "frameworks[F].rule" -> the rule's switch, "framework.<id>.rule.enabled"
        const std::string& path = idle.value().rules[k].path;
        const std::size_t open = path.find('['), close = path.find("].");
        if (open == std::string::npos || close == std::string::npos) continue;
        const std::size_t f = static_cast<std::size_t>(std::stoul(path.substr(open + 1, close - open - 1)));
        if (f >= working.frameworks.size()) continue;
        idleRules["framework." + working.frameworks[f].id + "." + path.substr(close + 2) + ".enabled"] = idle.value().reasons[k];
      }
    }
    idleRulesEdits = editsRevision;
  }
  const auto it = idleRules.find(leverPath);
  if (it == idleRules.end()) return std::nullopt;
  return it->second;
}

bool Session::CostCountedAtNormalPrice(const LeverInfo& lever) const {
  // policy.<region>.substitution.<good>.costPerUnit
  static const std::string kSubstitution = ".substitution.", kCost = ".costPerUnit";
  const std::string& path = lever.path;
  const std::size_t at = path.find(kSubstitution);
  if (at == std::string::npos || path.size() < at + kSubstitution.size() + kCost.size() ||
      path.compare(path.size() - kCost.size(), kCost.size(), kCost) != 0) {
    return false;
  }
  const std::size_t first = at + kSubstitution.size();
  const std::string_view good = std::string_view(path).substr(first, path.size() - kCost.size() - first);
  const auto it = std::find_if(working.goods.begin(), working.goods.end(), [&](const Good& g) { return g.id == good; });
  return it != working.goods.end() && lever.value < it->basePrice;
}

void Session::ClampSelection() {
  selected.region = std::clamp(selected.region, 0, std::max(0, current.regions - 1));
  selected.good = std::clamp(selected.good, 0, std::max(0, current.goods - 1));
  selected.month = std::clamp(selected.month, 0, std::max(0, current.months - 1));
}

}  // namespace kz
