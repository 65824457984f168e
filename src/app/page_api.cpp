// JSON for window.kizuna, written with RapidJSON.
#include "page_api.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "kizuna/json_write.hpp"
#include "state/chart_data.hpp"
#include "state/lever_text.hpp"
#include "state/headline.hpp"
#include "state/selection_text.hpp"

namespace kz {
namespace {

using json::KeyNumber;
using json::KeyString;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

int IndexOf(const std::vector<std::string>& ids, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

double TotalLoss(const Results& r) {
  double total = 0.0;
  for (const Metrics& m : r.metrics) total += m.cumulativeLoss;
  return total;
}

// The headline as the findings panel shows it (state/headline.hpp): numbers and the drawn words.
void HeadlineJson(Writer& w, const Session& session) {
  const Headline h = HeadlineOf(session, session.Words());
  w.Key("headline");
  w.StartObject();
  KeyString(w, "region", h.regionId);
  KeyString(w, "good", h.goodId);
  KeyNumber(w, "worstShare", h.worstShare);
  w.Key("worstMonth");
  w.Int(h.worstMonth);
  w.Key("recoveryMonth");
  w.Int(h.recoveryMonth);
  KeyNumber(w, "endShare", h.endShare);
  if (std::isfinite(h.valueLostUsd)) KeyNumber(w, "valueLostUsd", h.valueLostUsd);
  if (h.hasComparison) KeyNumber(w, "comparisonValueLostUsd", h.comparisonValueLostUsd);
  KeyString(w, "a", h.aName);
  KeyString(w, "b", h.bName);
  KeyString(w, "warning", h.warning);
  w.Key("figures");
  w.StartArray();
  for (const HeadlineFigure& f : h.figures) {
    w.StartObject();
    KeyString(w, "id", f.id);
    KeyString(w, "value", f.value);
    KeyString(w, "caption", f.caption);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string ProblemsJson(const std::vector<Problem>& problems) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const Problem& p : problems) {
    w.StartObject();
    KeyString(w, "path", p.path);
    KeyString(w, "message", p.message);
    w.EndObject();
  }
  w.EndArray();
  return buffer.GetString();
}

std::string LeversJson(const Session& session, bool changedOnly) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartArray();
  for (const LeverInfo& lever : session.levers()) {
    if (changedOnly && session.PresetValue(lever.path) == lever.value) continue;
    w.StartObject();
    KeyString(w, "path", lever.path);
    KeyString(w, "label", lever.label);
    KeyString(w, "name", LeverLabel(session.scenario(), lever, session.Words(), true));  // in words, the UI's language
    KeyString(w, "unit", lever.unit);
    KeyNumber(w, "min", lever.min);
    KeyNumber(w, "max", lever.max);
    KeyNumber(w, "value", lever.value);
    KeyNumber(w, "preset", session.PresetValue(lever.path).value_or(NAN));
    w.Key("integer");
    w.Bool(lever.integer);
    KeyString(w, "group", LeverGroupName(lever.group));
    KeyString(w, "source", session.ProvenanceOf(lever.path));
    KeyString(w, "valueText", LeverValueText(lever, lever.value, session.Words()));  // "25%", "6 months", "on"
    if (const std::optional<double> preset = session.PresetValue(lever.path)) KeyString(w, "presetText", LeverValueText(lever, *preset, session.Words()));
    w.EndObject();
  }
  w.EndArray();
  return buffer.GetString();
}

std::string SummaryJson(const Session& session) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  if (session.loaded()) {
    const Scenario& s = session.scenario();
    const Results& r = session.results();
    const Selection& sel = session.selection();
    KeyString(w, "scenario", s.id);
    KeyString(w, "title", s.title.en);
    w.Key("selection");
    w.StartObject();
    KeyString(w, "region", r.regionIds[static_cast<std::size_t>(sel.region)]);
    KeyString(w, "good", r.goodIds[static_cast<std::size_t>(sel.good)]);
    w.Key("month");
    w.Int(sel.month);
    w.EndObject();
    KeyString(w, "readout", SelectionReadout(session, session.Words()));
    KeyString(w, "findings", session.findings().paragraph);
    w.Key("months");
    w.Int(r.months);
    w.Key("regions");
    w.Int(r.regions);
    w.Key("goods");
    w.Int(r.goods);
    KeyString(w, "comparison", ComparisonKey(session.comparison()));
    if (session.comparison() == Comparison::Scenario) KeyString(w, "comparisonScenario", session.comparisonId());
    w.Key("metrics");
    w.StartObject();
    KeyNumber(w, "lossUsd", TotalLoss(r));
    if (const Results* other = session.comparisonResults()) KeyNumber(w, "comparisonLossUsd", TotalLoss(*other));
    KeyNumber(w, "worstFulfilment", std::min(1.0, LowestShareMet(r, sel.region, sel.good).share));
    w.EndObject();
    HeadlineJson(w, session);
  }
  w.EndObject();
  return buffer.GetString();
}

std::string ChartJson(const Session& session, const ChartPanelState& chart) {
  const ChartData data = ChartDataOf(session, chart, session.Words());
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  if (session.loaded()) {
    KeyString(w, "title", data.title);
    KeyString(w, "metric", data.metric);
    KeyString(w, "unit", data.unit);
    KeyString(w, "good", data.good);
    KeyString(w, "region", data.region);
    w.Key("delta");
    w.Bool(data.delta);
    w.Key("months");
    w.Int(data.months);
    w.Key("series");
    w.StartArray();
    for (const ChartSeries& series : data.series) {
      w.StartObject();
      KeyString(w, "id", series.id);
      KeyString(w, "name", series.name);
      w.Key("values");
      w.StartArray();
      for (double value : series.values) std::isfinite(value) ? w.Double(value) : w.Null();
      w.EndArray();
      w.Key("text");
      w.StartArray();
      for (const std::string& text : series.text) w.String(text.c_str(), static_cast<rapidjson::SizeType>(text.size()));
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  return buffer.GetString();
}

const char* ComparisonKey(Comparison comparison) {
  switch (comparison) {
    case Comparison::None: return "none";
    case Comparison::NoEvents: return "noEvents";
    case Comparison::Preset: return "preset";
    case Comparison::Scenario: return "scenario";
    case Comparison::WithoutFrameworks: return "withoutFrameworks";
  }
  return "none";
}

std::vector<PresetInfo> ParsePresetList(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  std::vector<PresetInfo> presets;
  if (doc.HasParseError() || !doc.IsArray()) return presets;
  for (const auto& item : doc.GetArray()) {
    if (!item.IsObject() || !item.HasMember("id") || !item["id"].IsString()) continue;
    PresetInfo preset;
    preset.id = item["id"].GetString();
    // Each text in English ("title") and Japanese ("titleJa"), as the manifest carries them.
    const auto text = [&item](const char* name, std::string& out) {
      if (item.HasMember(name) && item[name].IsString()) out = item[name].GetString();
    };
    text("title", preset.title.en);
    text("titleJa", preset.title.ja);
    text("narrative", preset.narrative.en);
    text("narrativeJa", preset.narrative.ja);
    if (preset.title.en.empty()) preset.title.en = preset.id;
    presets.push_back(std::move(preset));
  }
  return presets;
}

std::vector<Problem> SelectByIds(Session& session, std::string_view region, std::string_view good, int month) {
  if (!session.loaded()) return {{"", "no scenario is loaded"}};
  const Results& r = session.results();
  Selection selection = session.selection();
  std::vector<Problem> problems;
  if (!region.empty() && (selection.region = IndexOf(r.regionIds, region)) < 0) {
    problems.push_back({"region", "unknown region '" + std::string(region) + "'"});
  }
  if (!good.empty() && (selection.good = IndexOf(r.goodIds, good)) < 0) {
    problems.push_back({"good", "unknown good '" + std::string(good) + "'"});
  }
  if (month >= 0) {
    if (month >= r.months) problems.push_back({"month", "must be in 0.." + std::to_string(r.months - 1)});
    selection.month = month;
  }
  if (problems.empty()) session.Select(selection);
  return problems;
}

}  // namespace kz
