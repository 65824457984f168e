// Fuzzes the scenario JSON loader: any text must load or give problems with messages, never crash;
// what loads must save and load back to the same scenario, and a small one must run.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "kizuna/engine.hpp"
#include "kizuna/results.hpp"
#include "kizuna/scenario_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kz::Expected<kz::Scenario> scenario = kz::LoadScenarioJson(text);
  if (!scenario) {
    for (const kz::Problem& p : scenario.problems()) {
      if (p.message.empty()) std::abort();
    }
    return 0;
  }
  const kz::Scenario& s = scenario.value();
  kz::Expected<kz::Scenario> again = kz::LoadScenarioJson(kz::SaveScenarioJson(s));
  if (!again || !(again.value() == s)) std::abort();  // saving loses nothing
  const std::size_t cells = static_cast<std::size_t>(s.horizonMonths) * s.regions.size() * s.goods.size();
  if (cells <= 20000) {  // keep each input fast; the engine's own tests cover large scenarios
    kz::Expected<kz::Simulation> simulation = kz::Simulation::Create(s);
    if (!simulation) std::abort();  // loading validated it: the engine must accept it
    kz::Results results;
    simulation.value().Run(results);
  }
  return 0;
}
