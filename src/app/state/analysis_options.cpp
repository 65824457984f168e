// The analyses' options and defaults (see analysis_options.hpp).
#include "state/analysis_options.hpp"

#include <cstdio>
#include <string_view>

namespace kz {
namespace {

// JSON string literal for ids and lever paths ([A-Za-z0-9_.-]); other characters are escaped.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

std::string JsonStrings(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + Quote(values[i]);
  return out + "]";
}

}  // namespace

const std::string& SelectedRegionId(const Session& session) {
  return session.scenario().regions[static_cast<std::size_t>(session.selection().region)].id;
}

const std::string& SelectedGoodId(const Session& session) {
  return session.scenario().goods[static_cast<std::size_t>(session.selection().good)].id;
}

std::string MonteCarloOptionsJson(int runs, std::uint64_t seed) {
  // The seed as a string: JSON numbers above 2^53 lose digits in JavaScript.
  return "{\"runs\":" + std::to_string(runs) + ",\"seed\":\"" + std::to_string(seed) + "\"}";
}

std::string CoalitionOptionsJson(const std::string& framework, const std::vector<std::string>& candidates) {
  return "{\"framework\":" + Quote(framework) + ",\"candidates\":" + JsonStrings(candidates) + "}";
}

std::string SensitivityOptionsJson(const std::string& metric, double spread, const std::vector<std::string>& levers) {
  char number[32];
  std::snprintf(number, sizeof number, "%.17g", spread);
  return "{\"metric\":" + Quote(metric) + ",\"spread\":" + number + ",\"levers\":" + JsonStrings(levers) + "}";
}

std::string SensitivityMetricPath(SensitivityMetric metric, const Session& session) {
  const std::string& region = SelectedRegionId(session);
  const std::string& good = SelectedGoodId(session);
  switch (metric) {
    case SensitivityMetric::TotalLoss: return "loss";
    case SensitivityMetric::RegionLoss: return "loss." + region;
    case SensitivityMetric::RegionWelfare: return "welfare." + region;
    case SensitivityMetric::Shortfall: return "shortfall." + region + "." + good;
    case SensitivityMetric::PeakPrice: return "price." + region + "." + good;
  }
  return "loss";
}

std::vector<std::size_t> DefaultSensitivityLevers(const Session& session, std::size_t limit) {
  std::vector<std::size_t> out;
  if (!session.loaded()) return out;
  const std::string region = SelectedRegionId(session);
  const std::vector<LeverInfo>& levers = session.levers();
  for (std::size_t i = 0; i < levers.size() && out.size() < limit; ++i) {
    const LeverGroup group = levers[i].group;
    // Not the risk register: sensitivity varies single runs, which never draw hazards.
    const bool relevant = group == LeverGroup::Shocks || group == LeverGroup::Frameworks ||
                          (group == LeverGroup::Policies && levers[i].owner == region);
    if (relevant && levers[i].value != 0.0) out.push_back(i);
  }
  return out;
}

}  // namespace kz
