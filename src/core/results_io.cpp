// CSV and JSON writers for results (see results_io.hpp). JSON goes through json_out.hpp (RapidJSON's
// writer, whose number formatting, Grisu, is exact and platform-independent).
#include "kizuna/results_io.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "json_out.hpp"
#include "kizuna/version.hpp"

namespace kz {
namespace {

// Shortest text that reads back as the same double (printf %.17g is exact but noisy; try shorter first).
// For data (CSV), not messages: those use FormatNumber (ranges.hpp), 12 significant digits.
std::string ShortestNumberText(double value) {
  char text[32];
  for (int precision = 6; precision <= 17; ++precision) {
    std::snprintf(text, sizeof text, "%.*g", precision, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

// A 64-bit hash as 16 hex digits.
std::string HashText(std::uint64_t hash) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

// Comment lines end at a newline: one inside a title or a link would start a data row.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string ExplainText(const Scenario& scenario, const Results& results, const Constraint& c) {
  if (c.kind == ConstraintKind::None) return "";
  std::string text = ConstraintKindName(c.kind);
  if (c.input >= 0 && c.input < results.goods) text += " of " + results.goodIds[c.input];
  if (c.region >= 0 && c.region < results.regions) text += " at " + results.regionIds[c.region];
  if (c.event >= 0) text += " (" + EffectName(scenario, c.event) + ")";
  return text;
}

// Comment lines a reader (or a later session) needs to know what the numbers are and to reproduce
// them: scenario, version, result hash, the link that opens it, and the units.
std::string CsvPreamble(const Scenario& scenario, const Results& results, std::string_view link) {
  std::string text = "# Kizuna " + std::string(Version()) + " results for scenario " + scenario.id + "\n";
  text += "# Title: " + OneLine(scenario.title.en) + "\n";
  text += "# Result hash: " + HashText(HashResults(results)) + "\n";
  if (!link.empty()) text += "# Link: " + OneLine(std::string(link)) + "\n";
  text += "# Units: quantities in each row's unit (per month for flows); fulfilment as a share of final demand (0-1); "
          "price index 1 = before the shocks; loss and policy cost in US dollars per month\n";
  return text;
}

}  // namespace

std::string EffectName(const Scenario& scenario, int index) {
  if (index < 0) return "";
  if (index < static_cast<int>(scenario.events.size())) return scenario.events[index].id;
  int next = static_cast<int>(scenario.events.size());
  for (const RegionPolicy& policy : scenario.policies) {
    for (const ExportControlPolicy& control : policy.exportControls) {
      if (next++ == index) return "export control of " + policy.region + " on " + control.good;
    }
  }
  const int framework = index - next;
  if (framework < static_cast<int>(scenario.frameworks.size())) return "framework " + scenario.frameworks[framework].id;
  return "drawn event";
}

const char* ConstraintKindName(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::None: return "none";
    case ConstraintKind::Capacity: return "capacity";
    case ConstraintKind::CapacityLoss: return "capacity loss";
    case ConstraintKind::RampUp: return "ramp-up";
    case ConstraintKind::InputShortage: return "input shortage";
    case ConstraintKind::ExportRestriction: return "export restriction";
    case ConstraintKind::Chokepoint: return "chokepoint";
  }
  return "unknown";
}

std::string ResultsToCsv(const Scenario& scenario, const Results& results, std::string_view link) {
  std::string csv = CsvPreamble(scenario, results, link);
  csv += "month,region,good,unit,production (unit/month),deliveries (unit/month),final_demand (unit/month),"
         "final_delivered (unit/month),fulfilment (share),shortfall (unit/month),inventory (unit),"
         "stockpile (unit),price_index (1 = base),loss (USD),policy_cost (USD),trade_income (USD),"
         "stock_value_change (USD),input_use (unit/month),binding_constraint\n";
  for (int t = 0; t < results.months; ++t) {
    for (int r = 0; r < results.regions; ++r) {
      for (int g = 0; g < results.goods; ++g) {
        const std::size_t i = results.Index(t, r, g);
        csv += std::to_string(t) + "," + CsvField(results.regionIds[r]) + "," + CsvField(results.goodIds[g]) + "," +
               CsvField(scenario.goods[g].unit);
        for (const std::vector<double>* series : {&results.production, &results.deliveries, &results.finalDemand,
                                                  &results.finalDelivered, &results.fulfilment, &results.shortfall,
                                                  &results.inventory, &results.stockpile, &results.price,
                                                  &results.loss, &results.policyCost, &results.tradeIncome,
                                                  &results.stockValueChange, &results.inputUse}) {
          csv += "," + ShortestNumberText((*series)[i]);
        }
        csv += "," + CsvField(ExplainText(scenario, results, results.binding[i])) + "\n";
      }
    }
  }
  return csv;
}

std::string ResultsToJson(const Scenario& scenario, const Results& results) {
  return CompactJsonObject([&](CompactJsonOut& o) {
    o.Str("scenario", scenario.id);
    o.Str("version", Version());
    o.Int("months", results.months);
    o.Strings("regions", results.regionIds);
    o.Strings("goods", results.goodIds);
    o.Str("hash", HashText(HashResults(results)));
    o.Array("metrics", [&] {
      for (int r = 0; r < results.regions; ++r) {
        for (int g = 0; g < results.goods; ++g) {
          const Metrics& m = results.MetricsOf(r, g);
          o.w.StartObject();
          o.Str("region", results.regionIds[r]);
          o.Str("good", results.goodIds[g]);
          o.Num("peakShortfall", m.peakShortfall);
          o.Num("cumulativeLoss", m.cumulativeLoss);
          o.Num("policyCost", m.policyCost);
          o.Num("peakPrice", m.peakPrice);
          o.Int("timeToSurvive", m.timeToSurvive);
          o.Int("timeToRecover", m.timeToRecover);
          o.w.EndObject();
        }
      }
    });
    o.Object("series", [&] {
      const std::pair<const char*, const std::vector<double>*> series[] = {
          {"production", &results.production}, {"deliveries", &results.deliveries},
          {"finalDemand", &results.finalDemand}, {"finalDelivered", &results.finalDelivered},
          {"fulfilment", &results.fulfilment}, {"shortfall", &results.shortfall},
          {"inventory", &results.inventory}, {"stockpile", &results.stockpile},
          {"price", &results.price}, {"loss", &results.loss}, {"policyCost", &results.policyCost},
          {"tradeIncome", &results.tradeIncome}, {"stockValueChange", &results.stockValueChange},
          {"inputUse", &results.inputUse}};
      for (const auto& [name, values] : series) o.Numbers(name, *values);
    });
  });
}

}  // namespace kz
