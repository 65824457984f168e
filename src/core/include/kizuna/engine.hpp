// The simulation engine: monthly steps over a supply network (docs/MODEL.md, section 2, step by
// step).
//   events -> lagged responses and the market's adaptation -> planning (orders flow upstream) ->
//   production within capacity and inputs -> market clearing per good (sourcing shares, export
//   restrictions, rationing, offtake, re-sourcing at spot prices) -> users' and public stocks ->
//   uses served by value -> prices, shortage signal -> record (with trade income and stock values).
#pragma once

#include <memory>

#include "kizuna/expected.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

struct Network;  // the scenario compiled to indices (private)

/// How a seller shares out its supply when buyers order more than it has. Without a rule the engine
/// rations in proportion to orders, with frameworks' trusted-partner priority and joint-investment
/// reservations on top; a rule passed to Simulation::Run replaces all of that (an extension point).
class AllocationRule {
 public:
  virtual ~AllocationRule() = default;
  /// Fills `ships[r]` (r = buyer) given `orders[r]` (already net of export restrictions) and the
  /// seller's `supply`. Must ship at most orders[r] to each buyer and at most `supply` in total.
  virtual void Allocate(int good, int seller, const double* orders, int regionCount, double supply,
                        double* ships) const = 0;
};

/// Proportional rationing: every buyer gets the same share of its order.
class ProportionalAllocation final : public AllocationRule {
 public:
  void Allocate(int good, int seller, const double* orders, int regionCount, double supply,
                double* ships) const override;
};

/// A scenario prepared for running, possibly many times (Monte Carlo draws, sensitivity and
/// coalition batches): ids are resolved and the network compiled once; each Run allocates only the
/// results. (A lever drag changes the scenario, so the app compiles each edit afresh.)
class Simulation {
 public:
  /// Whether Create validates first. Skip only for a scenario derived from one that passed
  /// validation by changes that keep it valid (Monte Carlo draws, coalition memberships, levers set
  /// through SetLever): validation costs more than compiling.
  enum class Validation { Full, Skip };

  /// Compiles a scenario. Fails with the problems if the scenario is invalid.
  static Expected<Simulation> Create(const Scenario& scenario, Validation validation = Validation::Full);

  /// Runs the whole horizon into `results` (resized as needed; reusing one Results avoids allocation).
  /// `rule` decides allocation under shortage (nullptr = proportional, with frameworks' partner
  /// priority). `extraEvents` are added for this run only, without recompiling (Monte Carlo draws);
  /// they must satisfy the scenario's validation rules, and their Constraint::event indices follow
  /// the scenario's own events, export controls and frameworks, in order.
  void Run(Results& results, const AllocationRule* rule = nullptr, const std::vector<Event>& extraEvents = {}) const;

  /// Whether Run also fills Results::flows (route by route shipments: the map's trade arcs and
  /// imports by origin). Off by default: batches (Monte Carlo, coalitions) do not need it.
  void RecordTradeFlows(bool record) { recordFlows = record; }

  /// Whether Run also fills Results' production, deliveries, inventory and inputUse series and the
  /// binding constraints. On by default; Monte Carlo turns it off: it reads losses, money, prices,
  /// fulfilment, stockpiles and demand only, and writing the rest was a twentieth of its time. Off,
  /// those series are left empty, so a reader that needs them fails loudly rather than reads stale data.
  void RecordDetail(bool record) { recordDetail = record; }

  /// Wraps a compiled network (network.hpp, private to the core), for the core's batches that compile
  /// the unchanging part of a scenario once (coalition analysis).
  explicit Simulation(std::unique_ptr<Network> compiled);

  Simulation(Simulation&&) noexcept;
  Simulation& operator=(Simulation&&) noexcept;
  ~Simulation();

 private:
  std::unique_ptr<Network> network;
  bool recordFlows = false;
  bool recordDetail = true;
};

/// Validates, compiles and runs a scenario once, recording trade flows.
Expected<Results> RunScenario(const Scenario& scenario);

}  // namespace kz
