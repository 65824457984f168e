// SaveCoalitionAnalysisJson (see coalition_analysis.hpp): the analysis as JSON for `kizuna coalition
// --json` and the app's Web Worker. Written by hand (no RapidJSON needed): ids are [A-Za-z0-9_-] once
// a scenario is valid, and numbers use %.17g so they round-trip.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "kizuna/coalition_analysis.hpp"

namespace kz {
namespace {

// Numbers round-trip (%.17g); JSON has no NaN or infinity, so those become null.
std::string JsonNumber(double x) {
  if (!std::isfinite(x)) return "null";
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", x);
  return text;
}

// Ids are [A-Za-z0-9_-] once a scenario is valid: no escaping needed.
std::string JsonString(const std::string& s) { return "\"" + s + "\""; }

std::string JsonNumbers(const double* values, std::size_t count) {
  std::string out = "[";
  for (std::size_t i = 0; i < count; ++i) out += (i ? ", " : "") + JsonNumber(values[i]);
  return out + "]";
}
std::string JsonNumbers(const std::vector<double>& values) { return JsonNumbers(values.data(), values.size()); }

std::string JsonStrings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + JsonString(values[i]);
  return out + "]";
}

}  // namespace

std::string SaveCoalitionAnalysisJson(const CoalitionAnalysis& a) {
  std::vector<std::string> blocking;  // the coalition objecting most (blocking only when not inCore)
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    if ((a.core.blockingCoalition >> i) & 1U) blocking.push_back(a.candidates[i]);
  }
  const std::size_t regions = a.regionIds.size();
  std::string regionGain = "[";
  for (std::size_t s = 0; s < a.subsetValue.size(); ++s) {
    regionGain += (s ? ",\n    " : "\n    ") + JsonNumbers(a.regionGain.data() + s * regions, regions);
  }
  regionGain += "\n  ]";
  std::string json = "{\n";
  json += "  \"framework\": " + JsonString(a.frameworkId) + ",\n";
  json += "  \"unit\": \"USD of welfare, change against the scenario without the framework\",\n";
  json += "  \"candidates\": " + JsonStrings(a.candidates) + ",\n";
  json += "  \"shapley\": " + JsonNumbers(a.shapley) + ",\n";
  json += "  \"gainInside\": " + JsonNumbers(a.gainInside) + ",\n";
  json += "  \"gainOutside\": " + JsonNumbers(a.gainOutside) + ",\n";
  json += "  \"incentiveToJoin\": " + JsonNumbers(a.incentiveToJoin) + ",\n";
  json += "  \"core\": {\"inCore\": " + std::string(a.core.inCore ? "true" : "false") +
          ", \"largestExcessCoalition\": " + JsonStrings(blocking) + ", \"excess\": " + JsonNumber(a.core.excess) + "},\n";
  json += "  \"nonMemberEffect\": " + JsonNumber(a.nonMemberEffect) + ",\n";
  json += "  \"regions\": " + JsonStrings(a.regionIds) + ",\n";
  json += "  \"baselineWelfare\": " + JsonNumbers(a.baselineWelfare) + ",\n";
  json += "  \"nonMemberEffectByRegion\": " + JsonNumbers(a.nonMemberEffectByRegion) + ",\n";
  json += "  \"subsetValue\": " + JsonNumbers(a.subsetValue) + ",\n";
  json += "  \"regionGain\": " + regionGain + "\n";
  return json + "}\n";
}


}  // namespace kz
