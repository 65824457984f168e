// Workshop mode: tabletop exercises adjudicated by the model. An exercise file (assets/exercises,
// docs/EXERCISES.md) names a bundled preset, teams that each play a region through a few levers,
// rounds, injects and scoring. A session is played from decisions alone (entered by hand or from
// short decision codes), is itself a link, and ends in a debrief against two reference runs.
//
// Sections: the model (Exercise), loading, play state, decision codes, session links, debrief.
//
// Exercise file schema ("format": 1; every field below, unknown fields are problems):
//   { "format": 1, "id": "rare-earth-squeeze", "title": {en, ja}, "briefing": {en, ja},
//     "base": "<preset id>",
//     "scenario": { ...scenario-file fields (regions, events, policies, frameworks, set, sources,
//                   provenance...) read over the preset as a file with "base" would be... },
//     "rounds": { "count": 4, "monthsPerRound": 3 },
//     "teams": [ { "id": "US", "name": {en, ja}, "region": "US",
//                  "levers": [ { "path": "<lever path>", "min": 0, "max": 6, "step": 1,
//                                "label": {en, ja} } ],
//                  "objectives": {en, ja}, "briefing": {en, ja},
//                  "decisionRounds": [1, 2] } ],                  // absent = every round
//     "injects": [ { "id": "...", "round": 2, "text": {en, ja},
//                    "event": { ...a scenario event... },          // optional: narrative only
//                    "teams": ["JP"] } ],                          // absent = every team
//     "scoring": { "lossWeight": 1, "policyCostWeight": 1, "ownWeight": 0.7,
//                  "collectiveWeight": 0.3, "goods": [] },
//     "references": { "noCooperation": { "<lever path>": value, ... },
//                     "fullCooperation": { "<lever path>": value, ... } },
//     "sources": [ ...as in scenarios... ],
//     "provenance": [ { "numbers": ["teams.US.levers.*", "rounds.*"], "source"|"assumption": ... } ] }
//
// Lever paths are the scenario's (kizuna/levers.hpp) plus one kind only exercises have:
//   join.<framework>.<region>   0 or 1: the region is a member of the framework (min 0, max 1, step 1)
//
// How a decision applies (the engine has no time-varying levers):
//   - levers of an object with its own start month -- policy.<r>.investment.<g>.*,
//     policy.<r>.exportControl.<g>.*, framework.<f>.jointInvestment.*, framework.<f>.exportControls.* --
//     take effect exactly from the start month of the round the decision was taken in: when a decision
//     changes such a lever, the object's `start` becomes that month;
//   - every other lever (stockpile targets, response lags, framework rules, join.*) is a standing
//     policy: the model reads it as in place for the whole run, including months before the decision.
//     Framework rules act only in a shortage, so this is exact while no shortage came before the
//     decision; exercise authors put such decisions in rounds before the shocks they answer.
// Decisions are applied in round order; a team that does not decide keeps its last values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz {

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

/// The exercise file format this version writes and reads.
inline constexpr int kExerciseFormat = 1;
/// Exercise files larger than this are rejected before parsing (1 MiB).
inline constexpr std::size_t kMaxExerciseJsonBytes = std::size_t{1} << 20;
inline constexpr int kMaxExerciseTeams = 8;   ///< fits the 3 team bits of a decision code
inline constexpr int kMaxExerciseRounds = 16; ///< fits the 4 round bits of a decision code
inline constexpr int kMaxTeamLevers = 8;
/// The product of a team's lever step counts must fit this many bits (keeps codes under 20 characters).
inline constexpr int kMaxDecisionBits = 32;

/// A lever a team controls, with the values it may choose: min, min + step, ..., max.
struct ExerciseLever {
  std::string path;   ///< a lever path of the exercise's scenario, or join.<framework>.<region>
  double min = 0.0;
  double max = 0.0;   ///< min + k * step for a whole k
  double step = 1.0;  ///< > 0
  LocalizedText label;  ///< optional; the UI falls back to the path
  /// Number of allowed values (k + 1).
  int Steps() const;
  /// The value of step `index` (0..Steps()-1); the last is exactly `max`.
  double ValueAt(int index) const;
  /// The step nearest `value`, clamped to the allowed range.
  int NearestStep(double value) const;
};

struct ExerciseTeam {
  std::string id;          ///< unique among teams, [A-Za-z0-9_-]
  LocalizedText name;
  std::string region;      ///< the region it plays
  std::vector<ExerciseLever> levers;  ///< 1..kMaxTeamLevers
  LocalizedText objectives;
  LocalizedText briefing;  ///< private to the team
  std::vector<int> decisionRounds;  ///< 1-based rounds it decides in; empty = every round
  bool DecidesIn(int round) const;
};

/// Narrative revealed at the start of a round, optionally with a model event (the scenario's event
/// format; it cannot start before its round's start month).
struct Inject {
  std::string id;             ///< unique among injects
  int round = 1;              ///< 1-based
  LocalizedText text;
  bool hasEvent = false;
  Event event;                ///< valid when hasEvent; its id is unique among the scenario's events
  std::vector<std::string> teams;  ///< team ids that receive it; empty = every team
  bool VisibleTo(const std::string& teamId) const;
};

/// A team's outcome over the run, in USD: own = lossWeight x loss + policyCostWeight x policy cost
/// of its region (goods filtered by `goods`); collective = the sum of every team's own; a team's
/// score = ownWeight x own + collectiveWeight x collective. All are costs: lower is better.
struct ExerciseScoring {
  double lossWeight = 1.0;        ///< >= 0
  double policyCostWeight = 1.0;  ///< >= 0
  double ownWeight = 1.0;         ///< >= 0
  double collectiveWeight = 0.0;  ///< >= 0
  std::vector<std::string> goods; ///< goods counted; empty = all
};

/// A lever value, e.g. a reference run's setting.
struct LeverSetting {
  std::string path;
  double value = 0.0;
  bool operator==(const LeverSetting&) const = default;
};

struct Exercise {
  int format = kExerciseFormat;
  std::string id;                ///< [A-Za-z0-9_-]
  LocalizedText title;
  LocalizedText briefing;
  std::string base;              ///< the bundled preset id
  Scenario scenario;             ///< the preset with the file's "scenario" read over it; no inject events
  int rounds = 1;                ///< 1..kMaxExerciseRounds
  int monthsPerRound = 1;        ///< rounds x monthsPerRound <= the scenario's horizon
  std::vector<ExerciseTeam> teams;  ///< 1..kMaxExerciseTeams
  std::vector<Inject> injects;      ///< in round order as written
  ExerciseScoring scoring;
  std::vector<LeverSetting> noCooperation;    ///< reference run: the base with these set
  std::vector<LeverSetting> fullCooperation;  ///< reference run: the exercise's framework in full
  std::vector<Source> sources;          ///< for the exercise's own numbers
  std::vector<Provenance> provenance;   ///< numbers: see ExerciseNumbers
  std::uint32_t contentHash = 0;        ///< FNV-1a of the file text (carriage returns ignored)

  /// First month of `round` (1-based): (round - 1) x monthsPerRound.
  int RoundStartMonth(int round) const { return (round - 1) * monthsPerRound; }
  /// Index of the team with `id`, or -1.
  int TeamIndex(std::string_view id) const;
};

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/// Parses and validates an exercise file. `resolvePreset` finds scenario texts by id (the exercise's
/// base and that preset's own bases). Problems name the JSON path and the rule, e.g.
/// `teams[2].levers[0].path: "policy.XX.stockpile.re_oxide.targetMonths" is not a lever of scenario
/// "re-2010-japan"`; problems in the scenario part read `scenario: ...` and in inject events
/// `injects[1].event...`. Besides the structure, it checks that every team's levers at their minimum
/// and at their maximum, and each reference run, give a valid scenario.
Expected<Exercise> LoadExerciseJson(std::string_view text, const ScenarioResolver& resolvePreset);

/// Exercise number paths (for the file's provenance): rounds.count, rounds.monthsPerRound,
/// teams.<team>.levers.<index> (its min, max and step), scoring.<field>,
/// references.<noCooperation|fullCooperation>.<index>.
std::vector<std::string> ExerciseNumbers(const Exercise& exercise);
/// The exercise numbers that no entry of exercise.provenance covers (patterns as in provenance.hpp).
std::vector<std::string> ExerciseNumbersWithoutProvenance(const Exercise& exercise);

// ---------------------------------------------------------------------------------------------
// Play state
// ---------------------------------------------------------------------------------------------

/// A team's decision: one step index per lever of the team (ExerciseLever::ValueAt).
using DecisionSteps = std::vector<int>;

struct PlayRound {
  std::vector<DecisionSteps> decisions;  ///< per team; empty = no decision (keeps its last values)
  bool operator==(const PlayRound&) const = default;
};

/// The rounds played so far. The last round is the open one (decisions are being collected); the
/// rounds before it are closed. A new play has round 1 open.
struct Play {
  std::vector<PlayRound> rounds;
  int CurrentRound() const { return static_cast<int>(rounds.size()); }
  bool operator==(const Play&) const = default;
};

Play StartPlay(const Exercise& exercise);

/// Records `team`'s decision for the open round. Problems: unknown team, a team that does not decide
/// this round, a team that already decided (clear it first), wrong lever count, a step out of range.
std::vector<Problem> RecordDecision(const Exercise& exercise, Play& play, int team, const DecisionSteps& steps);
/// Removes `team`'s decision from the open round (so it can be entered again); false if there was none.
bool ClearDecision(Play& play, int team);
/// Closes the open round and opens the next. Problems: the open round is the exercise's last.
std::vector<Problem> AdvanceRound(const Exercise& exercise, Play& play);
/// Undoes a round: drops the open round (and any decisions in it) and reopens the previous one
/// with its decisions. In round 1, clears its decisions instead. False when there is nothing to undo.
bool UndoRound(Play& play);

/// Each team's steps in effect after `round` (decisions of rounds 1..round in order); a team that
/// never decided has its levers' steps nearest their values in the scenario.
std::vector<DecisionSteps> StepsAfterRound(const Exercise& exercise, const Play& play, int round);

/// The common picture at `round` (1..play.CurrentRound()): the scenario with the injects of rounds
/// 1..round and the decisions taken in rounds 1..round (the open round's so far), applied as the
/// file comment says. Run it with the engine (Simulation / RunScenario) for the charts.
/// `scope` Public leaves out the events of injects private to some teams: the picture a projected
/// screen may show (a private event would show its region's collapse to the whole room).
enum class InjectScope { All, Public };
Expected<Scenario> ScenarioAtRound(const Exercise& exercise, const Play& play, int round, InjectScope scope = InjectScope::All);

/// A team's outcome and score in one run (see ExerciseScoring).
struct TeamOutcome {
  std::string team;
  double loss = 0.0;        ///< USD, the region's economic loss (scored goods)
  double policyCost = 0.0;  ///< USD
  double own = 0.0;         ///< weighted own cost
  double score = 0.0;       ///< ownWeight x own + collectiveWeight x collective
  bool operator==(const TeamOutcome&) const = default;
};

struct ExerciseOutcome {
  std::vector<TeamOutcome> teams;  ///< exercise team order
  double collective = 0.0;         ///< sum of the teams' own
  std::uint64_t resultsHash = 0;   ///< HashResults of the run
  bool operator==(const ExerciseOutcome&) const = default;
};

/// Runs `scenario` and scores it for every team.
Expected<ExerciseOutcome> ScoreScenario(const Exercise& exercise, const Scenario& scenario);

/// What a decision buys its team, one accounting for the team view, scoring and the debrief: its
/// outcome with the decision against without it. The cost is what the decision spends (policy
/// costs); the loss avoided is what it saves; own and score follow the exercise's weights.
struct DecisionValue {
  double cost = 0.0;         ///< USD, policy cost with minus without (what the decision costs)
  double lossAvoided = 0.0;  ///< USD, loss without minus with (what it saves; negative: it adds loss)
  double ownChange = 0.0;    ///< the team's weighted own cost, with minus without (negative = better)
  double scoreChange = 0.0;  ///< the team's score, with minus without (negative = better)
  bool operator==(const DecisionValue&) const = default;
};
DecisionValue ValueOfDecision(const TeamOutcome& without, const TeamOutcome& with);

/// What a team sees before submitting: its outcome given what it knows -- the public injects and its
/// own private ones up to the open round, every decision so far (other teams held at their last
/// values) -- without and with its `draft` for the open round.
struct DecisionPreview {
  TeamOutcome current;    ///< without the draft (the team's last values held)
  TeamOutcome withDraft;
  DecisionValue Value() const { return ValueOfDecision(current, withDraft); }
};
Expected<DecisionPreview> PreviewDecision(const Exercise& exercise, const Play& play, int team, const DecisionSteps& draft);

// ---------------------------------------------------------------------------------------------
// Decision codes: a team's decision for a round as Crockford base32 in groups of four, e.g.
// "7ZQ2-9XHM-4T". Layout (bits, most significant first): format (2; 1 = a decision code, 2 and 3 are
// round and join codes, 0 is kept for a newer version), exercise tag (12, from the
// content hash), round - 1 (4), team (3), the steps as one mixed-radix number (bits for the
// team's step counts), checksum (13, over the exercise's whole content hash and the bits before).
// Reading is forgiving: lower case, O for 0, I and L for 1, hyphens and spaces are all accepted.
// ---------------------------------------------------------------------------------------------

struct DecisionCode {
  int round = 1;  ///< 1-based
  int team = 0;   ///< index into Exercise::teams
  DecisionSteps steps;
  bool operator==(const DecisionCode&) const = default;
};

/// The code of a decision. The caller passes a valid round, team and steps (asserted).
std::string EncodeDecisionCode(const Exercise& exercise, const DecisionCode& decision);
/// Reads a code against the exercise alone. One problem (path "code"), distinct for: characters a
/// code cannot contain, wrong length, an unknown code format, another exercise (or another version
/// of this one), damage (checksum), a round or team the exercise does not have, a step out of range.
Expected<DecisionCode> DecodeDecisionCode(const Exercise& exercise, std::string_view code);
/// Reads a code against the session: as DecodeDecisionCode, then a stale round (already closed), a
/// future round, a team that does not decide this round, the same code entered twice, or another
/// decision by a team that already decided. `expectedTeam` (-1 = any) rejects another team's code.
Expected<DecisionCode> CheckDecisionCode(const Exercise& exercise, const Play& play, std::string_view code,
                                         int expectedTeam = -1);
/// CheckDecisionCode, then records the decision.
Expected<DecisionCode> EnterDecisionCode(const Exercise& exercise, Play& play, std::string_view code);

// ---------------------------------------------------------------------------------------------
// Round codes and join codes: what a room without a server needs besides decision codes, in the
// same alphabet, header and checksum (the first two bits tell the three kinds apart). A team keeps
// one stable link for the whole exercise (StableTeamLink: the session as it starts, and the team);
// after each round closes, the facilitator's screen shows the round code, which the team types on
// its page to catch up; a join code is a team's way in typed by hand instead of the link.
//   round code: kind 2 (2 bits), exercise tag (12), open round - 1 (4), then for each closed round
//               and each team that decides in it: 0 = no decision or 1 + its steps as one
//               mixed-radix number (bits for the team's step counts + 1), checksum (13). It carries
//               every decision of the closed rounds, so a page at any earlier round catches up.
//   join code:  kind 3 (2 bits), exercise tag (12), team (3), checksum (13): six characters.
// Problems have the path "code.<fault>" so the app can word them in the UI's language; faults:
// too-long, characters, empty, length (a character missing or extra), kind-decision, kind-round,
// kind-join (another kind of code), format (not readable by this version), exercise (another
// exercise, or another version of this one), checksum (damaged), range (values the exercise lacks).
// ---------------------------------------------------------------------------------------------

/// The round code of `play` as published: its open round, with every decision of the rounds before.
std::string EncodeRoundCode(const Exercise& exercise, const Play& play);
/// The play a round code describes (its open round has no decisions yet). Untrusted input.
Expected<Play> DecodeRoundCode(const Exercise& exercise, std::string_view code);

/// The join code of team `team` (index into Exercise::teams; asserted).
std::string EncodeJoinCode(const Exercise& exercise, int team);
/// The team a join code names. Untrusted input; "code.exercise" means another exercise's code.
Expected<int> DecodeJoinCode(const Exercise& exercise, std::string_view code);

// ---------------------------------------------------------------------------------------------
// Session links: the whole session (exercise id and content hash, rounds, every decision) as a
// fragment "w" + base64url, versioned and checksummed like share links (kizuna/link.hpp).
// ---------------------------------------------------------------------------------------------

/// The session link format this version writes; it reads every version from 1 up to this one.
inline constexpr int kSessionLinkVersion = 1;
inline constexpr std::size_t kMaxSessionLinkChars = 4096;

struct SessionLink {
  std::string exercise;          ///< exercise id
  std::uint32_t contentHash = 0; ///< Exercise::contentHash
  Play play;
  bool operator==(const SessionLink&) const = default;
};

std::string EncodeSessionLink(const Exercise& exercise, const Play& play);
/// Reads a fragment (with or without '#', or a URL containing one); checks structure and bounds
/// only. Untrusted input: problems (path "link") name what is wrong.
Expected<SessionLink> DecodeSessionLink(std::string_view text);
/// The play a decoded link describes, checked against `exercise`: its id and content hash, round
/// and team counts, lever counts, step ranges and decision rounds.
Expected<Play> PlayFromSessionLink(const Exercise& exercise, const SessionLink& link);
/// A team's link for the whole exercise: the session as it starts (round 1, no decisions) and the
/// team ("w....US"); the same in every round, and the round codes bring it up to date.
std::string StableTeamLink(const Exercise& exercise, int team);

// ---------------------------------------------------------------------------------------------
// Debrief
// ---------------------------------------------------------------------------------------------

struct TimelineEntry {
  enum class Kind { Inject, Decision };
  Kind kind = Kind::Inject;
  int round = 1;
  int month = 0;                 ///< the round's start month (an inject's event: its own start)
  std::string id;                ///< inject id or team id
  LocalizedText text;            ///< the inject's text; for decisions the team's name
  std::vector<LeverSetting> changes;  ///< decisions: the levers the decision changed, new values
  bool operator==(const TimelineEntry&) const = default;
};

/// What one decision changed: the final outcome minus the outcome with that decision alone undone
/// (the team keeps its previous values that round, and in its later decisions, which carry every
/// lever, a lever it only held where this decision put it keeps the previous value until the team
/// chose that lever anew; every other decision held fixed). Negative changes are improvements.
struct DecisionEffect {
  int round = 1;
  std::string team;
  DecisionValue value;            ///< for the team that decided (as played against that decision undone)
  double collectiveChange = 0.0;  ///< the collective cost, USD (negative = better for all teams together)
  /// What the team view showed when the team decided (PreviewDecision from the round's start: its
  /// injects so far, every earlier decision, this round's other decisions not yet known). Beside
  /// `value` (hindsight: every inject, every decision) it is what the team expected.
  DecisionValue seen;
  bool operator==(const DecisionEffect&) const = default;
};

struct Debrief {
  ExerciseOutcome played;           ///< every inject and decision
  ExerciseOutcome noCooperation;    ///< every inject, no decisions, references.noCooperation
  ExerciseOutcome fullCooperation;  ///< every inject, no decisions, references.fullCooperation
  std::vector<TimelineEntry> timeline;
  std::vector<DecisionEffect> effects;  ///< decisions that changed something, in round then team order
  bool operator==(const Debrief&) const = default;
};

/// The debrief of the rounds played so far (run over the scenario's whole horizon).
Expected<Debrief> MakeDebrief(const Exercise& exercise, const Play& play);

/// A discussion prompt the debrief draws from what happened (worded by the app's catalogs, key
/// "workshop.lesson.<kind>", with the team's name and the amounts).
struct DebriefLesson {
  enum class Kind {
    MostGained,      ///< the team whose own cost fell most against no cooperation (`amount`)
    MostPaid,        ///< the team whose policy costs rose most against no cooperation (`amount`), and
                     ///< the loss that spared it (`other`)
    LeftOnTable,     ///< all teams together would have cost `amount` less with full cooperation
    BeatFull,        ///< the play cost all teams `amount` less than the full-cooperation reference
    BestDecision,    ///< round `round`'s decision by `team` lowered the collective cost most (`amount`)
    PaidForOthers,   ///< `team` paid `amount` (own cost up) for a decision that saved the others `other`
  };
  Kind kind = Kind::MostGained;
  std::string team;  ///< team id, or empty
  int round = 0;     ///< BestDecision and PaidForOthers: the decision's round
  double amount = 0.0;
  double other = 0.0;
  bool operator==(const DebriefLesson&) const = default;
};
/// The lesson's kind as the suffix of its catalog key ("most-gained", "paid-for-others", ...).
const char* DebriefLessonKey(DebriefLesson::Kind kind);
/// Three to five prompts in a fixed order (gains, costs, the table's leftovers, decisions), each only
/// where it holds (e.g. no MostPaid when no team's policy costs rose). Deterministic.
std::vector<DebriefLesson> DebriefLessons(const Debrief& debrief);
/// The debrief as CSV (UTF-8, comma-separated, quoted where needed): a section per table
/// (scorecards, timeline, effects, and effect-seen: the effects as the teams saw them when they
/// decided) with a `section` first column. Deterministic.
std::string DebriefCsv(const Exercise& exercise, const Debrief& debrief);

}  // namespace kz
