// A small exercise on the bundled `two-sector` scenario (fast to run: 5 regions x 5 goods x 24
// months), and helpers to load it or a variant of it, and the bundled exercises.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "bundled_scenarios.hpp"
#include "kizuna/exercise.hpp"

namespace kz::test {

/// Three teams (JP, US, AU), 3 rounds of 4 months, a pool JP and US may join, an AU joint plant.
inline std::string SmallExerciseJson() {
  return R"({
  "format": 1, "id": "small", "title": {"en": "Small", "ja": "小"}, "briefing": {"en": "b", "ja": "説明"},
  "base": "two-sector",
  "scenario": {
    "policies": [{"region": "US", "stockpiles": [{"good": "re_oxide", "targetMonths": 0, "initialFill": 0}],
                  "investments": [{"good": "re_oxide", "capacity": 0, "start": 0, "leadMonths": 6, "rampMonths": 1, "capexPerUnit": 1000}]}],
    "frameworks": [{"id": "pool", "name": {"en": "Pool"}, "members": ["AU"],
                    "stockpilePool": {"enabled": true, "goods": ["re_oxide"]},
                    "jointInvestment": {"enabled": true, "host": "AU", "good": "re_oxide", "capacity": 0, "start": 0,
                                        "leadMonths": 4, "rampMonths": 1, "capexPerUnit": 1000, "reservedShare": 1}}]
  },
  "rounds": {"count": 3, "monthsPerRound": 4},
  "teams": [
    {"id": "JP", "name": {"en": "Japan"}, "region": "JP",
     "levers": [{"path": "join.pool.JP", "min": 0, "max": 1, "step": 1},
                {"path": "policy.JP.stockpile.re_oxide.targetMonths", "min": 0, "max": 6, "step": 0.5}],
     "objectives": {"en": "o"}, "briefing": {"en": "b"}},
    {"id": "US", "name": {"en": "United States"}, "region": "US",
     "levers": [{"path": "join.pool.US", "min": 0, "max": 1, "step": 1},
                {"path": "policy.US.investment.re_oxide.capacity", "min": 0, "max": 400, "step": 100}],
     "objectives": {"en": "o"}, "briefing": {"en": "b"}, "decisionRounds": [1, 2]},
    {"id": "AU", "name": {"en": "Australia"}, "region": "AU",
     "levers": [{"path": "framework.pool.jointInvestment.capacity", "min": 0, "max": 300, "step": 100}],
     "objectives": {"en": "o"}, "briefing": {"en": "b"}}
  ],
  "injects": [
    {"id": "warning", "round": 1, "text": {"en": "w"}},
    {"id": "halt", "round": 2, "text": {"en": "Halt"}, "teams": ["JP"],
     "event": {"id": "cn-halt-2", "kind": "exportRestriction", "name": {"en": "halt"}, "regions": ["CN"], "targets": ["JP", "US"],
               "goods": ["re_oxide"], "fraction": 1.0, "start": 5, "duration": 3}}
  ],
  "scoring": {"lossWeight": 1, "policyCostWeight": 1, "ownWeight": 0.5, "collectiveWeight": 0.5},
  "references": {"noCooperation": {}, "fullCooperation": {"join.pool.JP": 1, "join.pool.US": 1, "framework.pool.jointInvestment.capacity": 200}},
  "provenance": [{"numbers": ["rounds.*", "teams.*.levers.*", "scoring.*", "references.*.*"], "assumption": "test"}]
})";
}

inline Expected<std::string> ReadExerciseText(std::string_view id) {
  const std::string path = std::string(KIZUNA_TEST_ASSETS_DIR) + "/exercises/" + std::string(id) + ".json";
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::vector<Problem>{Problem{"", "cannot read " + path}};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

inline Expected<Exercise> LoadExerciseText(std::string_view text) {
  return LoadExerciseJson(text, [](std::string_view id) { return ReadBundledText(id); });
}

inline std::string AllProblems(const std::vector<Problem>& problems) {
  std::string all;
  for (const Problem& p : problems) all += p.ToString() + "\n";
  return all;
}

/// Loads an exercise text, failing the test (and returning an empty exercise) if it does not load.
inline Exercise MustLoad(std::string_view text) {
  Expected<Exercise> exercise = LoadExerciseText(text);
  if (!exercise) {
    ADD_FAILURE() << AllProblems(exercise.problems());
    return Exercise{};
  }
  return exercise.value();
}

/// `text` with the first occurrence of `from` replaced by `to` (a test failure if absent).
inline std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "fixture has no '" << from << "'";
    return text;
  }
  return text.replace(at, from.size(), to);
}

}  // namespace kz::test
