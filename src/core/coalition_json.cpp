// SaveCoalitionAnalysisJson (see coalition_analysis.hpp): the analysis as JSON for `kizuna coalition
// --json` and the app's Web Worker, written with json_out.hpp like the other analyses' summaries
// (numbers as shortest round-trip doubles; null where not finite), and LoadCoalitionViewJson, the
// app's reader of it inside an analysis job's JSON (partial results too).
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "json_out.hpp"
#include "json_read.hpp"
#include "kizuna/coalition_analysis.hpp"

namespace kz {

std::string SaveCoalitionAnalysisJson(const CoalitionAnalysis& a) {
  std::vector<std::string> blocking;  // the coalition objecting most (blocking only when not inCore)
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    if ((a.core.blockingCoalition >> i) & 1U) blocking.push_back(a.candidates[i]);
  }
  const std::string json = CompactJsonObject([&](CompactJsonOut& o) {
    o.Str("framework", a.frameworkId);
    o.Str("unit", "USD of welfare, change against the scenario without the framework");
    o.Strings("candidates", a.candidates);
    o.Numbers("shapley", a.shapley);
    o.Numbers("gainInside", a.gainInside);
    o.Numbers("gainOutside", a.gainOutside);
    o.Numbers("incentiveToJoin", a.incentiveToJoin);
    o.Object("core", [&] {
      o.Bool("inCore", a.core.inCore);
      o.Strings("largestExcessCoalition", blocking);
      o.Num("excess", a.core.excess);
    });
    o.Num("nonMemberEffect", a.nonMemberEffect);
    o.Strings("regions", a.regionIds);
    o.Numbers("baselineWelfare", a.baselineWelfare);
    o.Numbers("nonMemberEffectByRegion", a.nonMemberEffectByRegion);
    o.Numbers("subsetValue", a.subsetValue);
    // One row per subset (index = membership mask), one column per region.
    const std::size_t regions = a.regionIds.size();
    o.Array("regionGain", [&] {
      for (std::size_t s = 0; s < a.subsetValue.size(); ++s) {
        o.w.StartArray();
        for (std::size_t r = 0; r < regions; ++r) o.Number(a.regionGain[s * regions + r]);
        o.w.EndArray();
      }
    });
  });
  return json + "\n";
}

std::optional<double> CoalitionView::StandAlone(int i) const {
  if (i < 0 || i >= 63) return std::nullopt;
  const std::size_t mask = std::size_t{1} << i;
  if (mask >= subsetValue.size() || !known[mask]) return std::nullopt;
  return subsetValue[mask];
}

std::optional<double> CoalitionView::GrandValue() const {
  if (subsetValue.empty() || !known.back()) return std::nullopt;
  return subsetValue.back();
}

Expected<CoalitionView> LoadCoalitionViewJson(std::string_view json) {
  using json_read::Json;
  return json_read::ReadAnalysisJson<CoalitionView>(json, "coalition", [](json_read::Reader& r, const Json& root, CoalitionView& v) {
    r.Object(root, "", {"kind", "done", "fraction", "subsets", "subsetsDone", "framework", "unit", "candidates", "shapley",
                        "gainInside", "gainOutside", "incentiveToJoin", "core", "nonMemberEffect", "regions",
                        "baselineWelfare", "nonMemberEffectByRegion", "subsetValue", "regionGain"});
    r.Bool(root, "", "done", v.done, true);
    r.Count(root, "", "subsets", v.subsets);
    r.Count(root, "", "subsetsDone", v.subsetsDone);
    r.String(root, "", "framework", v.framework, true);
    r.StringList(root, "", "candidates", v.candidates, true, kMaxCoalitionCandidates);
    r.StringList(root, "", "regions", v.regions, true);
    r.NumberList(root, "", "subsetValue", v.subsetValue, true, &v.known);
    if (!r.problems.empty()) return;
    const std::size_t n = v.candidates.size();
    if (v.subsetValue.size() != (std::size_t{1} << n)) {
      return r.Add("subsetValue", "must have 2^n values for n = " + std::to_string(n) + " candidates");
    }
    if (!v.done) return;  // partial: subset values so far
    for (const auto& [name, values] : {std::pair{"shapley", &v.shapley}, std::pair{"gainInside", &v.gainInside},
                                       std::pair{"gainOutside", &v.gainOutside}, std::pair{"incentiveToJoin", &v.incentiveToJoin}}) {
      const std::size_t problemsBefore = r.problems.size();
      r.NumberList(root, "", name, *values, true);
      if (r.problems.size() == problemsBefore && values->size() != n) r.Add(name, "must have one value per candidate");
    }
    if (const Json* core = r.Member(root, "", "core", true);
        core != nullptr && r.Object(*core, "core", {"inCore", "largestExcessCoalition", "excess"})) {
      r.Bool(*core, "core", "inCore", v.inCore, true);
      r.StringList(*core, "core", "largestExcessCoalition", v.largestExcessCoalition, true);
      r.Number(*core, "core", "excess", v.excess, true);
    }
    r.Number(root, "", "nonMemberEffect", v.nonMemberEffect, true);
    r.NumberList(root, "", "nonMemberEffectByRegion", v.nonMemberEffectByRegion, true);
    if (v.nonMemberEffectByRegion.size() != v.regions.size()) r.Add("nonMemberEffectByRegion", "must have one value per region");
  });
}

}  // namespace kz
