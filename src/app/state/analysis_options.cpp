// The analyses' options and defaults (see analysis_options.hpp).
#include "state/analysis_options.hpp"

#include <algorithm>
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

std::string SensitivityOptionsJson(const std::string& metric, double spread, const std::vector<std::string>& levers,
                                   const std::vector<std::string>& switches) {
  char number[32];
  std::snprintf(number, sizeof number, "%.17g", spread);
  std::string list = "[";
  for (std::size_t i = 0; i < levers.size(); ++i) {
    const bool isSwitch = std::find(switches.begin(), switches.end(), levers[i]) != switches.end();
    list += (i ? "," : "") + (isSwitch ? "{\"path\":" + Quote(levers[i]) + ",\"low\":0,\"high\":1}" : Quote(levers[i]));
  }
  return "{\"metric\":" + Quote(metric) + ",\"spread\":" + number + ",\"levers\":" + list + "]}";
}

std::string SensitivityMetricLabel(const std::string& metric, const Scenario& scenario, const UiText& words) {
  std::vector<std::string> parts(1);
  for (const char c : metric) {
    if (c == '.') parts.emplace_back();
    else parts.back() += c;
  }
  const auto regionName = [&](const std::string& id) {
    for (const Region& r : scenario.regions) {
      if (r.id == id) return words.LocalName(r.name, r.id);
    }
    return id;
  };
  const auto goodName = [&](const std::string& id) {
    for (const Good& g : scenario.goods) {
      if (g.id == id) return words.LocalName(g.name, g.id);
    }
    return id;
  };
  if (parts.size() == 1 && parts[0] == "loss") return words.Tr("analysis.sensitivity.total-loss");
  if (parts.size() == 2 && parts[0] == "loss") return words.TrFormat("analysis.sensitivity.region-loss", {{"region", regionName(parts[1])}});
  if (parts.size() == 2 && parts[0] == "welfare") {
    return words.TrFormat("analysis.sensitivity.region-welfare", {{"region", regionName(parts[1])}});
  }
  if (parts.size() == 3 && (parts[0] == "shortfall" || parts[0] == "price")) {
    return words.TrFormat(parts[0] == "shortfall" ? "analysis.sensitivity.shortfall" : "analysis.sensitivity.peak-price",
                          {{"region", regionName(parts[1])}, {"good", goodName(parts[2])}});
  }
  return metric;
}

std::string SensitivityAxisTitle(const std::string& metric, const std::string& unit, const Scenario& scenario, const UiText& words) {
  const char* unitKey = unit == "USD" ? "analysis.sensitivity.unit-usd" : unit == "share" ? "analysis.sensitivity.unit-share"
                                                                                        : "analysis.sensitivity.unit-index";
  return words.TrFormat("analysis.sensitivity.axis", {{"metric", SensitivityMetricLabel(metric, scenario, words)}, {"unit", words.Tr(unitKey)}});
}

bool IsSwitchLever(const LeverInfo& lever) { return lever.unit == "on/off"; }

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

namespace {

// Whether the lever moves when varied: a switch always (off to on), anything else unless it is 0.
bool Moves(const LeverInfo& lever) { return IsSwitchLever(lever) || lever.value != 0.0; }

// "framework.<id>.<rule>.<setting>" -> "framework.<id>.<rule>." (the rule's prefix), else "".
std::string RulePrefix(const std::string& path) {
  if (path.rfind("framework.", 0) != 0) return {};
  const std::size_t setting = path.rfind('.');
  return setting == std::string::npos ? std::string() : path.substr(0, setting + 1);
}

// The frameworks' rules: every rule's switch, and the settings of the rules that are on.
void AddFrameworkRules(const std::vector<LeverInfo>& levers, std::vector<std::size_t>& out, std::size_t limit) {
  std::vector<std::string> rulesOn;
  for (const LeverInfo& lever : levers) {
    if (lever.group == LeverGroup::Frameworks && IsSwitchLever(lever) && lever.value != 0.0) rulesOn.push_back(RulePrefix(lever.path));
  }
  for (std::size_t i = 0; i < levers.size() && out.size() < limit; ++i) {
    const LeverInfo& lever = levers[i];
    if (lever.group != LeverGroup::Frameworks || !Moves(lever)) continue;
    const bool ruleOn = std::find(rulesOn.begin(), rulesOn.end(), RulePrefix(lever.path)) != rulesOn.end();
    if ((IsSwitchLever(lever) || ruleOn) && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
  }
}

}  // namespace

std::vector<std::size_t> DefaultSensitivityLevers(const Session& session, std::size_t limit) {
  std::vector<std::size_t> out;
  if (!session.loaded()) return out;
  const std::vector<std::string>& dials = session.scenario().presentation.dials;
  if (!dials.empty()) {  // the story's key levers, then what the frameworks do
    for (const std::string& dial : dials) {
      for (std::size_t i = 0; i < session.levers().size() && out.size() < limit; ++i) {
        if (session.levers()[i].path == dial && Moves(session.levers()[i])) out.push_back(i);
      }
    }
    AddFrameworkRules(session.levers(), out, limit);
    return out;
  }
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
