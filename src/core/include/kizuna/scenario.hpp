// The scenario: everything a run needs, as plain data. Ids (strings) link the parts; the engine
// resolves them to indices when it prepares a run. Scenario files are versioned JSON
// (kizuna/scenario_json.hpp); every field here has the same name there (camelCase).
// Units: quantities in the good's own unit (tonnes, wafers, chips...) per month; money in USD;
// times in whole months from the scenario start (month 0); fractions in [0, 1] unless stated.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kz {

/// The schema version this build writes and reads; older versions are migrated on load.
inline constexpr int kScenarioSchemaVersion = 1;
/// The longest horizon a scenario may have.
inline constexpr int kMaxHorizonMonths = 240;

/// A name in the two languages Kizuna speaks. `ja` may be empty (the UI falls back to `en`).
struct LocalizedText {
  std::string en;
  std::string ja;
  bool operator==(const LocalizedText&) const = default;
};

struct Region {
  std::string id;           ///< short stable id, e.g. "JP"; [A-Za-z0-9_-], unique among regions
  LocalizedText name;
  double lat = 0.0;         ///< map position, degrees north, -90..90
  double lon = 0.0;         ///< map position, degrees east, -180..180
  double weight = 1.0;      ///< economic weight (e.g. GDP, USD trillion) for cost sharing; > 0
  bool operator==(const Region&) const = default;
};

/// One input of a recipe: `unitsPerOutput` units of `good` are consumed per unit produced.
struct RecipeInput {
  std::string good;
  double unitsPerOutput = 0.0;  ///< > 0; per unit of all the good's output
  double shareOfOutput = 1.0;   ///< share of the good's output that needs this input at all (the rest is made
                                ///< without it: electronics without leading-edge chips); (0, 1]
  bool operator==(const RecipeInput&) const = default;
};

/// Final (end-use) demand of one region for a good.
struct FinalDemand {
  std::string region;
  double monthly = 0.0;        ///< units per month at month 0; >= 0
  double growthPerYear = 0.0;  ///< compound annual growth, e.g. 0.03; -0.5..1
  bool operator==(const FinalDemand&) const = default;
};

struct Good {
  std::string id;                        ///< unique among goods, e.g. "re_oxide"
  LocalizedText name;
  std::string unit;                      ///< e.g. "t", "wafers", "chips"
  double basePrice = 1.0;                ///< USD per unit before any disruption; > 0
  std::vector<RecipeInput> recipe;       ///< inputs consumed per unit; empty for raw materials; no cycles
  std::vector<FinalDemand> finalDemand;  ///< end-use demand by region
  double valueMultiplier = 1.0;          ///< USD of downstream output lost per USD of this good short; >= 1
  int qualificationMonths = 9;           ///< months to qualify a new supplier fully (re-sourcing ramp); 0..60
  double interchangeable = 1.0;          ///< share of a buyer's unmet orders that its usual suppliers (open routes with a
                                         ///< baseline share) take at once, without qualification: 1 for a commodity
                                         ///< (an ore, a gas), 0 for parts designed around one maker's process; 0..1
  double demandElasticity = 0.0;         ///< fall in final demand per unit rise of the price index (linear); 0..1
  double priceSensitivity = 10.0;        ///< price-index target = 1 + sensitivity x scarcity; 0..100
  double priceMaxMultiple = 10.0;        ///< upper bound of the price index; 1..100
  double priceAdjustment = 0.5;          ///< share of the gap to the target closed each month; 0..1
  /// The market's adaptation, in every region (docs/MODEL.md, "The market's adaptation"):
  double userStockMonths = 0.0;          ///< users' own stocks of this good as an input, months of normal use; 0..12
  double adaptationMax = 0.0;            ///< share of the good's use that users avoid (thrifting, substitution) once
                                         ///< fully adapted to a lasting shortage; 0..1
  int adaptationMonths = 12;             ///< months of a shortage for that adaptation to reach full effect; 1..120
  bool operator==(const Good&) const = default;
};

/// Production capacity of one region for one good.
struct Facility {
  std::string region;
  std::string good;
  double capacity = 0.0;         ///< units per month; >= 0
  double initialStock = 0.0;     ///< producer inventory at month 0 (also its normal level); >= 0
  double maxRampPerMonth = 0.1;  ///< capacity recovering from damage (and new build) comes back by at most this
                                 ///< fraction of full capacity a month; idle capacity is usable at once; 0..1
  bool operator==(const Facility&) const = default;
};

/// Baseline sourcing: `buyer` orders `share` of its demand for `good` from `seller` (buyer == seller
/// is domestic supply). A buyer's shares of one good sum to 1.
struct TradeShare {
  std::string buyer;
  std::string good;
  std::string seller;
  double share = 0.0;  ///< 0..1
  bool operator==(const TradeShare&) const = default;
};

enum class EventKind {
  CapacityLoss,       ///< `regions` lose `fraction` of their capacity for `goods`
  ExportRestriction,  ///< sellers `regions` cut exports of `goods` to `targets` (empty = everyone else) by `fraction`
  DemandShock,        ///< final demand of `regions` for `goods` changes by `fraction` (+0.2 = 20% more; >= -1)
  Chokepoint,         ///< shipments from `regions` to `targets` (empty = all) of `goods` (empty = all) fall by `fraction`
};

enum class RecoveryShape {
  Step,    ///< back to full at start + duration
  Linear,  ///< full loss until start + duration, then linear recovery over `recoveryMonths`
};

struct Event {
  std::string id;                    ///< unique among events, e.g. "cn-halt-2010"
  EventKind kind = EventKind::CapacityLoss;
  LocalizedText name;
  std::vector<std::string> regions;  ///< affected regions (sellers for restrictions and chokepoints)
  std::vector<std::string> targets;  ///< buyer regions for restrictions and chokepoints; empty = all
  std::vector<std::string> goods;    ///< affected goods; empty = all (chokepoints only)
  double fraction = 0.0;             ///< strength, 0..1 (demand shocks: -1..10)
  int start = 0;                     ///< first month affected, 0..horizon-1
  int duration = 1;                  ///< months at full strength; >= 1
  RecoveryShape recovery = RecoveryShape::Step;
  int recoveryMonths = 0;            ///< linear recovery length; 0..240
  /// Restrictions and chokepoints: share of the shipments they would stop that get through anyway
  /// (licences granted, transshipment, smuggling); 0..1
  double leakage = 0.0;
  bool operator==(const Event&) const = default;
};

/// Strategic stockpile of one good, held by the region's government (or, with `releaseWithoutLag`,
/// firms' safety stock of an input).
struct StockpilePolicy {
  std::string good;
  double targetMonths = 0.0;        ///< target stock in months of the region's baseline use; 0..24
  double initialFill = 1.0;         ///< share of the target held at month 0; 0..1
  double releaseTrigger = 0.98;     ///< release when fulfilment of the good falls below this; 0..1
  double releasePerMonth = 0.25;    ///< most released per month, as a share of the target; 0..1
  double refillPerMonth = 0.05;     ///< most bought per month to refill, as a share of the target; 0..1
  double holdingCostPerYear = 0.05; ///< cost of holding, share of the base price per unit per year; 0..1
  /// Firms' safety stock rather than a government reserve: drawn as soon as supply falls short,
  /// without waiting for the region's response lag (a decision to release).
  bool releaseWithoutLag = false;
  bool operator==(const StockpilePolicy&) const = default;
};

/// New capacity built by the region.
struct InvestmentPolicy {
  std::string good;
  double capacity = 0.0;    ///< units per month added at full ramp; >= 0
  int start = 0;            ///< month construction starts
  int leadMonths = 36;      ///< construction time; 0..240
  int rampMonths = 6;       ///< linear ramp to full output after construction; 0..120
  double capexPerUnit = 0;  ///< USD per unit/month of capacity, spread over construction; >= 0
  bool operator==(const InvestmentPolicy&) const = default;
};

/// Caps the share any single supplier outside `partners` may have of the region's sourcing.
struct DiversificationPolicy {
  std::string good;
  double maxShare = 1.0;              ///< 0..1
  std::vector<std::string> partners;  ///< suppliers exempt from the cap (the region itself always is)
  bool operator==(const DiversificationPolicy&) const = default;
};

/// Demand reduction (substitution, thrifting) once the region responds to a shortage of the good.
struct SubstitutionPolicy {
  std::string good;
  double maxReduction = 0.0;  ///< share of final demand avoided at full effect; 0..1
  int monthsToFull = 12;      ///< linear ramp from the response start; 1..120
  double costPerUnit = 0.0;   ///< USD per unit of demand avoided; >= 0
  bool operator==(const SubstitutionPolicy&) const = default;
};

/// Secondary supply recovered from the region's past final consumption of the good.
struct RecyclingPolicy {
  std::string good;
  double rate = 0.0;  ///< share of consumption recovered; 0..1
  int lagMonths = 12; ///< months from consumption to recovered supply; 0..120
  bool operator==(const RecyclingPolicy&) const = default;
};

/// The region's own export controls (it is the seller).
struct ExportControlPolicy {
  std::string good;
  std::vector<std::string> targets;  ///< empty = all other regions
  double fraction = 0.0;             ///< 0..1
  int start = 0;
  int duration = 1;                  ///< >= 1
  bool operator==(const ExportControlPolicy&) const = default;
};

struct RegionPolicy {
  std::string region;
  int responseLagMonths = 3;  ///< months from a shortage starting to the region's responses starting; 0..24
  std::vector<StockpilePolicy> stockpiles;
  std::vector<InvestmentPolicy> investments;
  std::vector<DiversificationPolicy> diversification;
  std::vector<SubstitutionPolicy> substitution;
  std::vector<RecyclingPolicy> recycling;
  std::vector<ExportControlPolicy> exportControls;
  bool operator==(const RegionPolicy&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Coordination frameworks: groups of regions that agree to rules. How overlapping frameworks
// combine (a region may belong to several) is documented in framework.hpp.
// ---------------------------------------------------------------------------------------------

/// How pooled stock is shared among members in shortage.
enum class PoolAllocation {
  ByNeed,          ///< in proportion to each member's unmet need
  ByContribution,  ///< in proportion to each member's own stockpile target
  Equal,           ///< equal shares (capped at need; the excess goes to the others)
};

/// How a framework's costs are split among its members.
enum class CostShare {
  Gdp,          ///< in proportion to Region::weight
  Consumption,  ///< in proportion to baseline use of the goods concerned
  Equal,        ///< equal shares
};

/// Members' response lag falls to `lagMonths` (early warning, crisis-response networks).
struct InformationSharingRule {
  bool enabled = false;
  int lagMonths = 1;  ///< 0..24
  bool operator==(const InformationSharingRule&) const = default;
};

/// Members' strategic stocks of `goods` are released to members in shortage.
struct StockpilePoolRule {
  bool enabled = false;
  std::vector<std::string> goods;  ///< pooled goods (at least one)
  PoolAllocation allocation = PoolAllocation::ByNeed;
  CostShare costShare = CostShare::Gdp;  ///< how the pooled goods' holding costs are split
  bool operator==(const StockpilePoolRule&) const = default;
};

/// In a shortage, member sellers serve member buyers first.
struct PartnerPriorityRule {
  bool enabled = false;
  std::vector<std::string> goods;  ///< empty = all goods
  double priority = 1.0;           ///< share of a member seller's supply offered to members first; 0..1
  bool operator==(const PartnerPriorityRule&) const = default;
};

/// Members co-finance new capacity in a member region; part of its output is reserved for members.
struct JointInvestmentRule {
  bool enabled = false;
  std::string host;            ///< member region where the capacity is built
  std::string good;
  double capacity = 0.0;       ///< units per month at full ramp; >= 0
  int start = 0;               ///< month construction starts; 0..240
  int leadMonths = 36;         ///< 0..240
  int rampMonths = 6;          ///< 0..120
  double capexPerUnit = 0.0;   ///< USD per unit/month of capacity; >= 0
  CostShare costShare = CostShare::Gdp;
  double reservedShare = 0.5;  ///< share of the new output offered to members first; 0..1
  bool operator==(const JointInvestmentRule&) const = default;
};

/// Members restrict exports of `goods` to `targets` together; their lost sales are their cost.
struct CoordinatedExportControlRule {
  bool enabled = false;
  std::vector<std::string> goods;    ///< at least one
  std::vector<std::string> targets;  ///< at least one; members are never targets of their own rule
  double fraction = 1.0;             ///< 0..1
  int start = 0;                     ///< 0..240
  int duration = 12;                 ///< 1..240
  bool operator==(const CoordinatedExportControlRule&) const = default;
};

struct Framework {
  std::string id;                    ///< unique among frameworks, e.g. "us-jp-steering"
  LocalizedText name;
  std::vector<std::string> members;  ///< region ids (at least one)
  InformationSharingRule informationSharing;
  StockpilePoolRule stockpilePool;
  PartnerPriorityRule partnerPriority;
  JointInvestmentRule jointInvestment;
  CoordinatedExportControlRule exportControls;
  bool operator==(const Framework&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Risk register for Monte Carlo: hazards that may strike, with uncertain severity and duration.
// ---------------------------------------------------------------------------------------------

enum class DistributionKind {
  Fixed,       ///< always `mode`
  Uniform,     ///< uniform on [low, high]
  Triangular,  ///< triangular on [low, high] peaking at `mode`
};

struct Distribution {
  DistributionKind kind = DistributionKind::Fixed;
  double low = 0.0;
  double mode = 0.0;
  double high = 0.0;  ///< low <= mode <= high
  bool operator==(const Distribution&) const = default;
};

/// A hazard becomes an Event of its `kind` in a Monte Carlo run when it strikes.
struct Hazard {
  std::string id;                    ///< unique among hazards
  LocalizedText name;
  EventKind kind = EventKind::CapacityLoss;
  std::vector<std::string> regions;  ///< as Event::regions
  std::vector<std::string> targets;  ///< as Event::targets
  std::vector<std::string> goods;    ///< as Event::goods
  double annualProbability = 0.0;    ///< chance of striking at least once in a year; 0..1
  Distribution severity;             ///< Event::fraction when it strikes (0..1; demand shocks -1..10)
  Distribution durationMonths;       ///< rounded to whole months, at least 1
  RecoveryShape recovery = RecoveryShape::Step;
  int recoveryMonths = 0;            ///< 0..240
  bool operator==(const Hazard&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Provenance: where each number comes from. Numbers are named by their number paths (lever paths,
// plus `region.<id>.lat|lon`; see ListNumbers in kizuna/levers.hpp); kizuna/provenance.hpp says
// which entry covers each number.
// ---------------------------------------------------------------------------------------------

/// A published source the scenario's numbers come from (a row of the data sheet, or a newer one).
struct Source {
  std::string id;        ///< unique among sources, [A-Za-z0-9_.-], e.g. "usgs-mcs-2022"
  std::string citation;  ///< non-empty: author, title, year, table or page
  std::string tag;       ///< free confidence tag, e.g. "F H", "F? M", "E L"; may be empty
  std::string url;       ///< may be empty
  bool operator==(const Source&) const = default;
};

/// Where the numbers matching `numbers` come from: exactly one of `source` (the id of a Source)
/// or `assumption` (the rationale of an estimate) is non-empty.
struct Provenance {
  std::vector<std::string> numbers;  ///< number paths; a segment `*` matches any one segment
  std::string source;                ///< id in Scenario::sources, or empty
  std::string assumption;            ///< rationale of an assumed number, or empty
  std::string note;                  ///< optional: how the number follows from the source
  bool operator==(const Provenance&) const = default;
};

/// What a preset's story is about and which levers tell it: for people, not for runs. Runs, links'
/// edits and the scenario hash (ScenarioHash) ignore it, so curating a preset changes no result.
struct Presentation {
  std::string subjectRegion;       ///< the region the story is about ("" = none: the worst-hit end use leads)
  std::string subjectGood;         ///< the final good the story is about (set with subjectRegion)
  std::vector<std::string> dials;  ///< the key lever paths (5-10), shown first, in this order
  LocalizedText tryThis;           ///< a short "try this" prompt for newcomers (JSON "tryThis"; may be empty)
  bool operator==(const Presentation&) const = default;
};

struct Scenario {
  int schemaVersion = kScenarioSchemaVersion;
  std::string id;
  LocalizedText title;
  LocalizedText narrative;  ///< a preset's story, for people (what happened, what it shows); may be empty
  std::string description;  ///< how the scenario is built (modelling notes, English)
  Presentation presentation;  ///< the story's subject and key levers (JSON "subject", "dials", "tryThis"); optional
  int horizonMonths = 60;  ///< 1..kMaxHorizonMonths
  std::uint64_t seed = 0;  ///< for stochastic analyses (Monte Carlo); a single run is deterministic
  /// Per year, 0..0.3: discounts welfare sums (welfare.hpp) and sets plants' capital charge (their
  /// capital cost as a level monthly charge over their life from entering service).
  double discountRate = 0.0;
  std::vector<Region> regions;
  std::vector<Good> goods;
  std::vector<Facility> facilities;
  std::vector<TradeShare> trade;
  std::vector<Event> events;
  std::vector<RegionPolicy> policies;
  std::vector<Framework> frameworks;
  std::vector<Hazard> risks;  ///< the risk register (Monte Carlo only; single runs ignore it)
  std::vector<Source> sources;        ///< cited sources (not used by runs)
  std::vector<Provenance> provenance; ///< where each number comes from (not used by runs)
  bool operator==(const Scenario&) const = default;
};

}  // namespace kz
