// The page's JavaScript API (window.kizuna) as JSON in and out: the browser layer only passes
// strings, so everything here is testable natively. See web/js/api.js for the JS side.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "kizuna/expected.hpp"

namespace kz {

/// [] or [{ "path": ..., "message": ... }, ...].
std::string ProblemsJson(const std::vector<Problem>& problems);

/// [{ path, label, unit, min, max, value, preset, integer, group, source }]; infinite bounds are null.
/// `changedOnly`: only the levers whose value differs from the loaded preset's (or that it lacks).
std::string LeversJson(const Session& session, bool changedOnly = false);

/// The chart as data (panel_chart.hpp ChartData): { title, metric, unit, good, region, delta,
/// months, series: [{ id, name, values, text }] }, or {} when no scenario is loaded.
std::string ChartJson(const Session& session, const ChartPanelState& chart);

/// { scenario, title, selection: { region, good, month }, readout, months, regions, goods,
///   comparison, comparisonScenario (its id, when comparing with another scenario), metrics: { lossUsd, comparisonLossUsd, worstFulfilment } }: what the page shows
/// in words and the figures a test compares.
std::string SummaryJson(const Session& session);

/// The comparison as the page API names it: "none", "noEvents", "preset" or "scenario".
const char* ComparisonKey(Comparison comparison);

/// The site's scenario manifest ([{ "id": ..., "title": ... }]) as picker entries; malformed input
/// gives an empty list.
std::vector<PresetInfo> ParsePresetList(std::string_view json);

/// Selects by ids; unknown ids or a month outside the horizon are problems (nothing changes).
std::vector<Problem> SelectByIds(Session& session, std::string_view region, std::string_view good, int month);

}  // namespace kz
