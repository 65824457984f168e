// SaveCoalitionAnalysisJson (see coalition_analysis.hpp): the analysis as JSON for `kizuna coalition
// --json` and the app's Web Worker, written with RapidJSON like the other analyses' summaries
// (numbers as shortest round-trip doubles; null where not finite).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

#include "kizuna/coalition_analysis.hpp"
#include "kizuna/json_write.hpp"

namespace kz {

std::string SaveCoalitionAnalysisJson(const CoalitionAnalysis& a) {
  std::vector<std::string> blocking;  // the coalition objecting most (blocking only when not inCore)
  for (std::size_t i = 0; i < a.candidates.size(); ++i) {
    if ((a.core.blockingCoalition >> i) & 1U) blocking.push_back(a.candidates[i]);
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  json::KeyString(w, "framework", a.frameworkId);
  json::KeyString(w, "unit", "USD of welfare, change against the scenario without the framework");
  json::KeyStrings(w, "candidates", a.candidates);
  json::KeyNumbers(w, "shapley", a.shapley);
  json::KeyNumbers(w, "gainInside", a.gainInside);
  json::KeyNumbers(w, "gainOutside", a.gainOutside);
  json::KeyNumbers(w, "incentiveToJoin", a.incentiveToJoin);
  w.Key("core");
  w.StartObject();
  w.Key("inCore");
  w.Bool(a.core.inCore);
  json::KeyStrings(w, "largestExcessCoalition", blocking);
  json::KeyNumber(w, "excess", a.core.excess);
  w.EndObject();
  json::KeyNumber(w, "nonMemberEffect", a.nonMemberEffect);
  json::KeyStrings(w, "regions", a.regionIds);
  json::KeyNumbers(w, "baselineWelfare", a.baselineWelfare);
  json::KeyNumbers(w, "nonMemberEffectByRegion", a.nonMemberEffectByRegion);
  json::KeyNumbers(w, "subsetValue", a.subsetValue);
  // One row per subset (index = membership mask), one column per region.
  const std::size_t regions = a.regionIds.size();
  w.Key("regionGain");
  w.StartArray();
  for (std::size_t s = 0; s < a.subsetValue.size(); ++s) {
    w.StartArray();
    for (std::size_t r = 0; r < regions; ++r) json::WriteNumber(w, a.regionGain[s * regions + r]);
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace kz
