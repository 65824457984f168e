// The working session: the scenario being explored, its results and those of its comparison, and
// what the user has selected. Every edit goes through the core (SetLever, LoadScenarioJson) and
// re-runs the deterministic engine; panels only read from here and issue commands.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kizuna/expected.hpp"
#include "state/catalog.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/framework.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/link.hpp"
#include "kizuna/provenance.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// What the results are compared against.
enum class Comparison {
  None,      ///< no comparison
  NoEvents,  ///< the same scenario with every event off: what the shocks cost
  Preset,    ///< the scenario as loaded, before the user's edits: what the edits changed
  Scenario,  ///< another scenario on the same world (e.g. a framework preset): A vs B
  WithoutFrameworks,  ///< the same scenario with its frameworks switched off: what the frameworks do
};

/// What a scenario is compared with when it is loaded: without its frameworks when it has any (what
/// they are worth), else without its shocks (what the shocks cost).
Comparison DefaultComparison(const Scenario& scenario);

/// Why A vs B may not compare like with like (the same regions and goods, but other shocks or other
/// world data): the difference then measures more than the policies.
struct ComparisonMismatch {
  std::vector<std::string> shocks;  ///< B's shocks that A does not have as they are, in B's words; A's missing ones too
  bool worldData = false;           ///< capacities, trade, demand or goods' data differ
  bool any() const { return !shocks.empty() || worldData; }
};

/// The region, good and month every view follows.
struct Selection {
  int region = 0;
  int good = 0;
  int month = 0;
};

/// A scenario file and the text of the base it names ("" when it names none; the platform fetched
/// both), parsed and validated.
Expected<Scenario> ParseWithBase(std::string_view text, std::string_view baseText);

class Session {
 public:
  /// Replaces the session with the scenario in `text` (a file that may name a base, whose text is
  /// `baseText`). On any problem the current session is left as it was and the problems are returned.
  std::vector<Problem> Load(std::string_view text, std::string_view baseText = {});

  /// Opens a share link: its preset (file text and its base's text, as for Load) with the link's
  /// edits applied. On any problem the current session is left as it was and the problems returned.
  std::vector<Problem> OpenLink(std::string_view presetText, std::string_view baseText, const ScenarioLink& link);

  /// A new session on scenarios already parsed: `preset` is the reference for resets, comparison
  /// and links, `edited` the working scenario (e.g. a file opened over the bundled preset it changes).
  /// Both are validated; on any problem the current session is left as it was.
  std::vector<Problem> Open(Scenario preset, Scenario edited);

  /// Replaces the working scenario (e.g. from kizuna.setScenario) keeping the loaded preset as the
  /// reference for resets and comparison. Problems leave everything unchanged.
  std::vector<Problem> Replace(const Scenario& scenario);

  /// Sets one lever and re-runs. Problems (unknown path, out of range) leave everything unchanged.
  std::vector<Problem> SetLever(std::string_view path, double value);
  /// Puts a lever back to the loaded preset's value.
  std::vector<Problem> ResetLever(std::string_view path);

  /// Adds a shock (its id must be new) and re-runs. Problems leave everything unchanged.
  std::vector<Problem> AddEvent(const Event& event);
  /// Removes the shock with this id and re-runs.
  std::vector<Problem> RemoveEvent(std::string_view id);
  /// Makes `region` a member of framework `frameworkId` or not, and re-runs. A framework keeps at
  /// least one member.
  std::vector<Problem> SetMember(std::string_view frameworkId, std::string_view region, bool member);

  /// Compares with nothing, the same scenario without shocks or without its frameworks, or the
  /// preset as loaded. Comparison::Scenario needs SetComparisonScenario; WithoutFrameworks needs a
  /// framework (otherwise ignored). Loading a scenario resets it to DefaultComparison.
  void SetComparison(Comparison comparison);
  Comparison comparison() const { return comparisonKind; }
  /// Compares with another scenario (file text and its base's text, as for Load), which must have
  /// the same regions and goods; it is run over this scenario's months (shorter or longer), so the
  /// series line up. Problems leave the current comparison as it was.
  std::vector<Problem> SetComparisonScenario(std::string_view text, std::string_view baseText = {});
  /// The title of the scenario compared with under Comparison::Scenario ("" otherwise).
  /// The other scenario's title in the UI's language.
  const std::string& comparisonTitle() const { return words.LocalName(otherTitle, otherTitle.en); }
  const std::string& comparisonId() const { return otherId; }
  /// What the comparison (B) is called on screen: "Without the shocks", "Without this framework",
  /// "The preset as loaded" or B's title; "" with no comparison. The scenario (A) is its title.
  std::string ComparisonDisplayName() const;
  /// How B differs from A beyond the policies (Comparison::Scenario only; empty otherwise).
  const ComparisonMismatch& comparisonMismatch() const { return mismatch; }
  /// The mismatch as a warning in the session's language ("B has different shocks: ..."); "" when none.
  std::string ComparisonWarning() const;

  /// Undo and redo every scenario edit (levers, shocks, members, a replaced scenario) since the
  /// last load. A drag is one step: edits of the same lever coalesce until SealUndoStep().
  bool CanUndo() const { return !undoStack.empty(); }
  bool CanRedo() const { return !redoStack.empty(); }
  void Undo();
  void Redo();
  /// Changes with every edit of the scenario (and every load, undo and redo), not with the view.
  int editsVersion() const { return editsRevision; }
  /// Ends the current undo step (the app calls it when no control is being dragged).
  void SealUndoStep() { openStepPath.clear(); }

  void Select(Selection selection);
  const Selection& selection() const { return selected; }

  bool loaded() const { return !working.regions.empty(); }
  const Scenario& scenario() const { return working; }
  const Scenario& preset() const { return reference; }
  const Results& results() const { return current; }
  /// The comparison's results, or nullptr when there is no comparison.
  const Results* comparisonResults() const { return comparisonKind == Comparison::None ? nullptr : &compared; }
  /// Every lever with its provenance, refreshed on each load (values follow edits).
  const std::vector<LeverInfo>& levers() const { return leverList; }
  /// Changes when the list of levers changes (a load or a replaced scenario), not when values do.
  int leversVersion() const { return leversRevision; }
  /// The source or assumption behind a number path ("" when none), for tooltips.
  std::string ProvenanceOf(std::string_view path) const;
  /// The preset's value of a lever, if the preset has it.
  std::optional<double> PresetValue(std::string_view path) const;

  /// How many times the engine ran (tests, stats) and how long the last run took (ms; set by callers
  /// that can time it).
  int runs() const { return runCount; }
  /// How many times the world without disruptions ran (the findings' output account measures
  /// against it): once per edit, not again for a change of language or comparison.
  int undisruptedRuns() const { return undisruptedRunCount; }

  /// Why the framework rule switched on by `leverPath` (`framework.<id>.<rule>.enabled`) moves no
  /// goods in the working scenario, if it does not: the levers panel says so under its switch. Found
  /// once per edit (a run per enabled rule), on first use; while a control is being dragged
  /// (SetDragging) the reasons found before the drag stand, and are found again once it ends.
  std::optional<IdleReason> IdleRuleReason(const std::string& leverPath) const;
  /// Whether `lever` is a substitution's cost per unit avoided set below its good's base price, which
  /// the engine counts at that price instead (a substitute cheaper than the good would be in use
  /// without any shock): the levers panel says so under it.
  bool CostCountedAtNormalPrice(const LeverInfo& lever) const;
  /// Whether a control is being dragged (or otherwise held); the app says so every frame.
  void SetDragging(bool dragging) { dragActive = dragging; }
  /// How many times IdleRuleReason looked for idle rules (tests): once per edit that has settled.
  int idleRuleSearches() const { return idleRuleSearchCount; }

  /// The key findings of the current results (against the comparison when there is one), refreshed
  /// on every run.
  const Findings& findings() const { return keyFindings; }
  /// Changes whenever the results change (every run) or their words do (a language change): what
  /// views derived from the results (findings, explanation, map, the page's copy) key their caches on.
  int resultsVersion() const { return resultsRevision; }
  /// The language the session words its findings, comparison names and provenance in (English
  /// until set; the app passes the UI's); re-words the findings now, and the version changes.
  void SetLanguage(Language language) {
    words = UiText(language);
    if (loaded()) UpdateFindings();
  }
  const UiText& Words() const { return words; }

 private:
  void Adopt(Scenario preset, Scenario edited, Results results, bool unedited = false);
  void RunAll();
  void RememberForUndo(std::string_view path);
  void Restore(Scenario scenario);
  void RefreshLeverValues(const std::vector<std::string>& changed);
  void RunComparison();
  void AlignComparisonScenario();
  void ClampSelection();
  void UpdateFindings();
  const Results* Undisrupted();

  UiText words;        // the language of the findings and texts (SetLanguage)
  Scenario reference;  // as loaded
  Scenario other;      // compared with under Comparison::Scenario
  LocalizedText otherTitle;
  std::string otherId;
  ComparisonMismatch mismatch;  // of `other` against the working scenario
  Scenario working;    // with the user's edits
  Results current;
  Results compared;
  Comparison comparisonKind = Comparison::NoEvents;
  Selection selected;
  std::vector<LeverInfo> leverList;
  std::vector<Scenario> undoStack;  // working scenarios before each step, oldest first
  std::vector<Scenario> redoStack;
  std::string openStepPath;         // the lever whose drag is the open undo step ("" = none)
  int editsRevision = 0;
  mutable std::optional<std::vector<NumberProvenance>> provenance;  // of the loaded preset, by number path order; resolved on first use
  std::unordered_map<std::string, double> presetValues;  // lever path -> the preset's value (tooltips, resets)
  int runCount = 0;
  mutable std::unordered_map<std::string, IdleReason> idleRules;  // IdleRuleReason's, by lever path
  mutable std::optional<int> idleRulesEdits;  // the editsRevision they were found at (none: not yet)
  mutable int idleRuleSearchCount = 0;
  bool dragActive = false;  // SetDragging's: a control is held, edits may follow every frame
  std::optional<Results> undisrupted;         // WithoutDisruptions(working) run, for the findings
  std::optional<int> undisruptedEdits;        // the editsRevision it was run at (none: not run)
  int undisruptedRunCount = 0;
  Findings keyFindings;
  int resultsRevision = 0;
  int leversRevision = 0;
};

}  // namespace kz
