// Analysis window (see panel_analysis.hpp). Sections: options JSON; shared run controls; Monte Carlo
// tab; coalition tab; sensitivity tab; the window.
#include "panels/panel_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "state/catalog.hpp"
#include "state/coalition_text.hpp"
#include "state/lever_text.hpp"
#include "imgui.h"
#include "imgui_internal.h"  // the log buffer (the window's text for tests)
#include "panels/ui_landmarks.hpp"
#include "panels/plot.hpp"
#include "panels/ui_text.hpp"

namespace kz {
namespace {

const ImU32 kBandOuter = IM_COL32(66, 133, 244, 60);
const ImU32 kBandInner = IM_COL32(66, 133, 244, 120);
const ImU32 kMedian = IM_COL32(140, 190, 255, 255);
const ImU32 kPositive = IM_COL32(60, 170, 90, 230);
const ImU32 kNegative = IM_COL32(214, 80, 60, 230);
const ImU32 kLowSetting = IM_COL32(90, 150, 230, 230);
const ImU32 kHighSetting = IM_COL32(240, 160, 60, 230);
const ImVec4 kWarning(1.0f, 0.6f, 0.3f, 1.0f);

std::string RegionName(const Scenario& s, const std::string& id) {
  for (const Region& r : s.regions) {
    if (r.id == id) return LocalName(r.name, r.id);
  }
  return id;
}

std::string GoodName(const Scenario& s, const std::string& id) {
  for (const Good& g : s.goods) {
    if (g.id == id) return LocalName(g.name, g.id);
  }
  return id;
}

// The plot height that leaves room for what follows (at least a readable minimum).
float PlotHeight(float reserveBelow) {
  return std::max(ImGui::GetContentRegionAvail().y - reserveBelow, ImGui::GetFontSize() * 9.0f);
}

// -- Shared run controls ------------------------------------------------------------------------------

// Run / Cancel, the progress bar and the status of the last run of `kind`. Returns true when Run
// was pressed (and is allowed).
bool RunControls(AnalysisState& analysis, AnalysisKind kind, bool canRun, const char* runLabel /* catalog key */) {
  const bool mine = analysis.kind() == kind;
  if (analysis.Busy() && mine) {
    if (analysis.cancelRequested()) {
      ImGui::BeginDisabled();
      ImGui::Button(TrId("analysis.cancelling", "cancel").c_str());
      ImGui::EndDisabled();
    } else if (ImGui::Button(TrId("analysis.cancel", "cancel").c_str())) {
      analysis.RequestCancel();
    }
    MarkLastItem("analysis-cancel");
    ImGui::SameLine();
    char overlay[48];
    std::snprintf(overlay, sizeof overlay, "%.0f%%", analysis.fraction() * 100.0);
    ImGui::ProgressBar(static_cast<float>(analysis.fraction()), ImVec2(-1.0f, 0.0f),
                       analysis.status() == AnalysisStatus::Starting ? Tr("analysis.starting") : overlay);
    return false;
  }
  bool pressed = false;
  ImGui::BeginDisabled(analysis.Busy() || !canRun);
  pressed = ImGui::Button(TrId(runLabel, "run").c_str());
  ImGui::EndDisabled();
  MarkLastItem("analysis-run");
  if (analysis.Busy()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", TrFormat("analysis.other-running", {{"kind", AnalysisKindId(analysis.kind())}}).c_str());
  } else if (mine) {
    ImGui::SameLine();
    switch (analysis.status()) {
      case AnalysisStatus::Done: ImGui::TextDisabled("%s", Tr("analysis.done")); break;
      case AnalysisStatus::Cancelled: ImGui::TextDisabled("%s", Tr("analysis.cancelled")); break;
      case AnalysisStatus::Failed:
        ImGui::TextColored(kWarning, "%s", TrFormat("analysis.failed", {{"message", analysis.message()}}).c_str());
        break;
      default: break;
    }
  }
  return pressed && canRun && !analysis.Busy();
}

// -- Monte Carlo --------------------------------------------------------------------------------------

// The result cell to show: the user's pick, else the session's selection, else the first.
int McCell(const MonteCarloView& mc, const Session& session, AnalysisPanelState& state) {
  if (mc.cells.empty()) return -1;
  if (state.cell >= 0 && state.cell < static_cast<int>(mc.cells.size())) return state.cell;
  for (std::size_t i = 0; i < mc.cells.size(); ++i) {
    if (mc.cells[i].region == SelectedRegionId(session) && mc.cells[i].good == SelectedGoodId(session)) return static_cast<int>(i);
  }
  return 0;
}

void DrawBands(const MonteCarloCell& cell, int months) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  const plot::Area area = plot::Reserve("##bands", ImVec2(ImGui::GetContentRegionAvail().x, PlotHeight(font * 2.0f)),
                                        font * 3.5f, font * 2.4f, 0.0, std::max(1, months - 1), 0.0, 1.0);
  plot::YAxis(draw, area, plot::Ticks{0.0, 1.0, 0.25}, "share");  // a unit id (plot::FormatUnit), not a label
  plot::MonthAxis(draw, area, months);
  plot::Band(draw, area, cell.fulfilment[0], cell.fulfilment[4], kBandOuter);
  plot::Band(draw, area, cell.fulfilment[1], cell.fulfilment[3], kBandInner);
  plot::Line(draw, area, cell.fulfilment[2], kMedian, 2.0f);
  draw->AddText(ImVec2(area.min.x + 4.0f, area.min.y + 2.0f), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                Tr("analysis.mc.plot-title"));
  if (area.hovered && months > 0) {
    const int t = std::clamp(static_cast<int>(std::lround(area.DataX(ImGui::GetIO().MousePos.x))), 0, months - 1);
    draw->AddLine(ImVec2(area.X(t), area.min.y), ImVec2(area.X(t), area.max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
    const auto at = [&](int p) { return plot::FormatShare(cell.fulfilment[static_cast<std::size_t>(p)][static_cast<std::size_t>(t)], 1); };
    ImGui::SetTooltip("%s", TrFormat("analysis.mc.band-tip", {{"month", std::to_string(t)}, {"p95", at(4)}, {"p75", at(3)},
                                                               {"p50", at(2)}, {"p25", at(1)}, {"p5", at(0)}})
                                .c_str());
  }
}

void MonteCarloTab(const Session& session, AnalysisState& analysis, AnalysisPanelState& state) {
  const Scenario& scenario = session.scenario();
  const float field = ImGui::GetFontSize() * 8.0f;
  if (ImGui::InputInt(LabelInline(TrId("analysis.mc.runs", "runs"), field).c_str(), &state.runs, 50, 500)) state.runs = std::clamp(state.runs, 1, 100000);
  const std::string seedLabel = TrId("analysis.mc.seed", "seed");
  SameLineIfFits(LabelInlineWidth(seedLabel, field));
  ImGui::InputScalar(LabelInline(seedLabel, field).c_str(), ImGuiDataType_U64, &state.seed);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TrFormat("analysis.mc.hazards", {{"count", FormatCount(static_cast<long long>(scenario.risks.size()))}}).c_str());
  if (scenario.risks.empty()) {
    ImGui::TextColored(kWarning, "%s", Tr("analysis.mc.no-risks"));
  }
  if (RunControls(analysis, AnalysisKind::MonteCarlo, session.loaded(), "analysis.mc.run")) {
    analysis.Request(AnalysisKind::MonteCarlo, MonteCarloOptionsJson(state.runs, state.seed));
  }
  const MonteCarloView* mc = analysis.monteCarlo();
  if (mc == nullptr || mc->runs == 0) {
    if (analysis.Busy() && analysis.kind() == AnalysisKind::MonteCarlo) ImGui::TextDisabled("%s", Tr("analysis.mc.waiting"));
    return;
  }
  ImGui::Separator();
  const int c = McCell(*mc, session, state);
  if (c < 0) {
    ImGui::TextDisabled("%s", Tr("analysis.mc.nothing"));
    return;
  }
  const MonteCarloCell& cell = mc->cells[static_cast<std::size_t>(c)];
  const std::string label = RegionName(scenario, cell.region) + " - " + GoodName(scenario, cell.good);
  if (BeginComboFitted(LabelInline(TrId("analysis.mc.cell", "cell"), ImGui::GetFontSize() * 18.0f).c_str(), label)) {
    for (std::size_t i = 0; i < mc->cells.size(); ++i) {
      const std::string item = RegionName(scenario, mc->cells[i].region) + " - " + GoodName(scenario, mc->cells[i].good);
      if (ImGui::Selectable(item.c_str(), static_cast<int>(i) == c)) state.cell = static_cast<int>(i);
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(TrFormat(mc->done ? "analysis.mc.runs-done" : "analysis.mc.runs-so-far",
                                  {{"runs", FormatCount(mc->runs)}, {"requested", FormatCount(mc->runsRequested)}, {"seed", mc->seed}})
                             .c_str());
  double regionLoss = 0.0;
  for (std::size_t r = 0; r < mc->regions.size(); ++r) {
    if (mc->regions[r] == cell.region) regionLoss = mc->expectedLoss[r];
  }
  ImGui::TextUnformatted(TrFormat("analysis.mc.expected-loss", {{"total", plot::FormatUsd(mc->expectedTotalLoss)},
                                                                {"loss", plot::FormatUsd(regionLoss)},
                                                                {"region", RegionName(scenario, cell.region)},
                                                                {"cvar", plot::FormatUsd(mc->cvar95)}})
                             .c_str());
  ImGui::TextUnformatted(TrFormat("analysis.mc.shortfall-odds", {{"threshold", plot::FormatShare(mc->shortfallThreshold)},
                                                                 {"probability", plot::FormatShare(cell.shortfallProbability, 1)}})
                             .c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%s", TrFormat("analysis.mc.explain", {{"region", RegionName(scenario, cell.region)}, {"good", GoodName(scenario, cell.good)}}).c_str());
  }
  DrawBands(cell, mc->months);
  ImGui::TextDisabled("%s", Tr("analysis.mc.bands"));
}

// -- Coalitions ---------------------------------------------------------------------------------------

void SetCandidatesFromFramework(const Scenario& s, AnalysisPanelState& state) {
  state.candidate.assign(s.regions.size(), 0);
  if (s.frameworks.empty()) return;
  state.framework = std::clamp(state.framework, 0, static_cast<int>(s.frameworks.size()) - 1);
  for (const std::string& member : s.frameworks[static_cast<std::size_t>(state.framework)].members) {
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      if (s.regions[r].id == member) state.candidate[r] = 1;
    }
  }
}

// A picker's width after its label column (LabelBefore's, 7 body-text widths): at most 22 widths.
float ComboWidth() {
  const float font = ImGui::GetFontSize();
  return std::max(font * 4.0f, std::min(font * 22.0f, ImGui::GetContentRegionAvail().x - font * 7.0f));
}

// A sentence wrapped to the window, with the game theory behind it in a tooltip.
void Sentence(const CoalitionSentence& sentence, bool warn = false) {
  if (sentence.text.empty()) return;
  if (warn) ImGui::PushStyleColor(ImGuiCol_Text, kWarning);
  WrappedLabel(sentence.text.c_str());
  if (warn) ImGui::PopStyleColor();
  if (!sentence.detail.empty() && ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    WrappedText(sentence.detail);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

// Each member's fair share (complete) or stand-alone value (so far) as bars, named in words.
void ShapleyBars(const CoalitionView& v, const Scenario& scenario) {
  const int n = static_cast<int>(v.candidates.size());
  double low = 0.0;
  double high = 0.0;
  float labelWidth = 0.0f;
  for (int i = 0; i < n; ++i) {
    const double x = v.done ? v.shapley[static_cast<std::size_t>(i)] : v.StandAlone(i).value_or(0.0);
    low = std::min(low, x);
    high = std::max(high, x);
    labelWidth = std::max(labelWidth, ImGui::CalcTextSize(RegionName(scenario, v.candidates[static_cast<std::size_t>(i)]).c_str()).x);
  }
  const plot::Ticks ticks = plot::NiceTicks(low, high, 4);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  const float left = std::min(labelWidth + 10.0f, width * 0.35f);
  const float rowHeight = font * 1.6f;
  const plot::Area area = plot::Reserve("##shapley", ImVec2(width, rowHeight * n + font * 2.2f), left, font * 1.6f, ticks.low,
                                        ticks.high, 0.0, 1.0);
  plot::XAxis(draw, area, ticks, "USD");
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int i = 0; i < n; ++i) {
    const std::optional<double> standAlone = v.StandAlone(i);
    const double value = v.done ? v.shapley[static_cast<std::size_t>(i)] : standAlone.value_or(0.0);
    const plot::Rect row = plot::HBar(draw, area, i, n, 0.0, value, value >= 0.0 ? kPositive : kNegative);
    const std::string& id = v.candidates[static_cast<std::size_t>(i)];
    const std::string name = RegionName(scenario, id);
    const std::string label = EllipsizedText(name, left - 10.0f);
    draw->AddText(ImVec2(area.min.x - ImGui::CalcTextSize(label.c_str()).x - 6.0f, (row.min.y + row.max.y - font) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    if (area.hovered && row.Contains(mouse)) {
      if (v.done) {
        ImGui::SetTooltip("%s", TrFormat("analysis.coalition.bar-tip", {{"id", name}, {"shapley", plot::FormatUsd(value)},
                                                                         {"alone", standAlone ? plot::FormatUsd(*standAlone) : "-"},
                                                                         {"incentive", plot::FormatUsd(v.incentiveToJoin[static_cast<std::size_t>(i)])}})
                                    .c_str());
      } else {
        ImGui::SetTooltip("%s", TrFormat("analysis.coalition.bar-tip-partial",
                                         {{"id", name}, {"alone", standAlone ? plot::FormatUsd(*standAlone) : Tr("analysis.coalition.not-yet")}})
                                    .c_str());
      }
    }
  }
}

// The candidates as checkboxes named in words, flowing onto as many lines as the window needs.
void CandidateBoxes(const Scenario& scenario, AnalysisPanelState& state, std::vector<std::string>& candidates) {
  WrappedLabel(Tr("analysis.coalition.candidates"));
  const float box = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
  for (std::size_t r = 0; r < scenario.regions.size() && r < state.candidate.size(); ++r) {
    const std::string name = RegionName(scenario, scenario.regions[r].id);
    if (r > 0) SameLineIfFits(box + ImGui::CalcTextSize(name.c_str()).x);
    bool on = state.candidate[r] != 0;
    ImGui::PushID(static_cast<int>(r));
    if (ImGui::Checkbox(name.c_str(), &on)) state.candidate[r] = on ? 1 : 0;
    ImGui::PopID();
    MarkLastItem(("coalition-candidate:" + scenario.regions[r].id).c_str());
    if (state.candidate[r]) candidates.push_back(scenario.regions[r].id);
  }
}

// The complete analysis in words: worth and who gains most, stability, each member, outsiders.
void CoalitionInWords(const CoalitionView& v, const Scenario& scenario) {
  const CoalitionText text = DescribeCoalition(v, scenario, CurrentText());
  if (!text.ready) return;
  Sentence(text.overview);
  MarkLastItem("coalition-overview");
  Sentence(text.stability, !v.inCore);
  ImGui::SeparatorText(Tr("analysis.coalition.members-title"));
  for (const CoalitionMemberText& member : text.members) {
    ImGui::Bullet();
    ImGui::SameLine();
    Sentence(member.sentence);
  }
  if (!text.outsiders.text.empty()) {
    ImGui::SeparatorText(Tr("analysis.coalition.outsiders-title"));
    Sentence(text.outsiders);
  }
  ImGui::SeparatorText(Tr("analysis.coalition.shapley-title"));
  ShapleyBars(v, scenario);
  WrappedLabel(Tr("analysis.coalition.hover-hint"));
}

void CoalitionTab(const Session& session, AnalysisState& analysis, AnalysisPanelState& state) {
  const Scenario& scenario = session.scenario();
  if (scenario.frameworks.empty()) {
    ImGui::TextColored(kWarning, "%s", Tr("analysis.coalition.no-framework"));
    WrappedLabel(Tr("analysis.coalition.open-preset"));
  } else {
    const Framework& current = scenario.frameworks[static_cast<std::size_t>(state.framework)];
    const std::string name = LocalName(current.name, current.id);
    const std::string id = LabelBefore(TrId("analysis.coalition.framework", "framework"), ImGui::GetFontSize() * 7.0f,
                                       ComboWidth());
    if (BeginComboFitted(id.c_str(), name)) {
      for (std::size_t f = 0; f < scenario.frameworks.size(); ++f) {
        const Framework& fw = scenario.frameworks[f];
        if (ImGui::Selectable(LocalName(fw.name, fw.id).c_str(), static_cast<int>(f) == state.framework)) {
          state.framework = static_cast<int>(f);
          SetCandidatesFromFramework(scenario, state);
        }
      }
      ImGui::EndCombo();
    }
    std::vector<std::string> candidates;
    CandidateBoxes(scenario, state, candidates);
    const int n = static_cast<int>(candidates.size());
    const bool ok = n >= 1 && n <= 12;
    if (ok) ImGui::TextDisabled("%s", TrFormat("analysis.coalition.subsets", {{"n", std::to_string(n)}, {"subsets", FormatCount(1 << n)}}).c_str());
    else ImGui::TextColored(kWarning, "%s", Tr("analysis.coalition.choose"));
    if (RunControls(analysis, AnalysisKind::Coalition, ok && session.loaded(), "analysis.coalition.run")) {
      analysis.Request(AnalysisKind::Coalition, CoalitionOptionsJson(current.id, candidates));
    }
  }
  const CoalitionView* v = analysis.coalition();
  if (v == nullptr) return;
  ImGui::Separator();
  if (!v->done) {
    WrappedLabel(TrFormat("analysis.coalition.progress", {{"framework", FrameworkDisplayName(scenario, v->framework, CurrentText())},
                                                          {"done", FormatCount(v->subsetsDone)},
                                                          {"subsets", FormatCount(v->subsets)}})
                     .c_str());
    WrappedLabel(Tr("analysis.coalition.so-far"));
    ShapleyBars(*v, scenario);
    return;
  }
  WrappedLabel(TrFormat("analysis.coalition.result-title", {{"framework", FrameworkDisplayName(scenario, v->framework, CurrentText())}}).c_str());
  CoalitionInWords(*v, scenario);
}

// -- Sensitivity --------------------------------------------------------------------------------------

std::string MetricLabel(SensitivityMetric metric, const Session& session) {
  return SensitivityMetricLabel(SensitivityMetricPath(metric, session), session.scenario(), CurrentText());
}

// The lever of `path` among the session's, or null (a lever gone since the run).
const LeverInfo* FindLever(const Session& session, const std::string& path) {
  for (const LeverInfo& lever : session.levers()) {
    if (lever.path == path) return &lever;
  }
  return nullptr;
}

// A tornado row's lever in plain words (the core's English label when the lever is gone).
std::string RowLabel(const Session& session, const SensitivityRowView& row) {
  const LeverInfo* lever = FindLever(session, row.path);
  return lever != nullptr ? LeverLabel(session.scenario(), *lever, CurrentText(), true) : row.label;
}

std::string RowValue(const Session& session, const SensitivityRowView& row, double value) {
  const LeverInfo* lever = FindLever(session, row.path);
  if (lever == nullptr) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
  }
  return LeverValueText(*lever, value, CurrentText());
}

void Tornado(const Session& session, const SensitivityView& v) {
  const int n = static_cast<int>(v.rows.size());
  if (n == 0) return;
  double low = v.baseline;
  double high = v.baseline;
  std::vector<std::string> labels;
  float labelWidth = 0.0f;
  for (const SensitivityRowView& row : v.rows) {
    low = std::min({low, row.metricLow, row.metricHigh});
    high = std::max({high, row.metricLow, row.metricHigh});
    labels.push_back(RowLabel(session, row));
    labelWidth = std::max(labelWidth, ImGui::CalcTextSize(labels.back().c_str()).x);
  }
  const plot::Ticks ticks = plot::NiceTicks(low, high, 4);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float font = ImGui::GetFontSize();
  const float width = ImGui::GetContentRegionAvail().x;
  const float left = std::min(labelWidth + 10.0f, width * 0.4f);
  const float rowHeight = font * 1.5f;
  const plot::Area area = plot::Reserve("##tornado", ImVec2(width, rowHeight * n + font * 3.6f), left, font * 3.0f,
                                        ticks.low, ticks.high, 0.0, 1.0);
  plot::XAxis(draw, area, ticks, v.unit);
  // The value axis says what its numbers are: the metric and its unit, under the tick labels.
  const std::string title = EllipsizedText(SensitivityAxisTitle(v.metric, v.unit, session.scenario(), CurrentText()), area.max.x - area.min.x);
  draw->AddText(ImVec2((area.min.x + area.max.x - ImGui::CalcTextSize(title.c_str()).x) * 0.5f, area.max.y + font * 1.5f),
                ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  for (int i = 0; i < n; ++i) {
    const SensitivityRowView& row = v.rows[static_cast<std::size_t>(i)];
    plot::HBar(draw, area, i, n, v.baseline, row.metricLow, kLowSetting);
    const plot::Rect band = plot::HBar(draw, area, i, n, v.baseline, row.metricHigh, kHighSetting, 0.4f);
    const std::string& full = labels[static_cast<std::size_t>(i)];
    const std::string label = EllipsizedText(full, left - 10.0f);
    draw->AddText(ImVec2(area.min.x - ImGui::CalcTextSize(label.c_str()).x - 6.0f, (band.min.y + band.max.y - font) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
    const bool overLabel = mouse.x < area.min.x && mouse.x >= area.min.x - left && mouse.y >= band.min.y && mouse.y < band.max.y;
    if ((area.hovered && band.Contains(mouse)) || (overLabel && ImGui::IsWindowHovered())) {
      ImGui::SetTooltip("%s", TrFormat("analysis.sensitivity.row-tip",
                                       {{"label", full}, {"path", row.path}, {"value", RowValue(session, row, row.value)},
                                        {"low", RowValue(session, row, row.low)}, {"metricLow", plot::FormatUnit(row.metricLow, v.unit)},
                                        {"high", RowValue(session, row, row.high)}, {"metricHigh", plot::FormatUnit(row.metricHigh, v.unit)},
                                        {"swing", plot::FormatUnit(row.swing, v.unit)}})
                                  .c_str());
    }
  }
  const float x = area.X(v.baseline);
  draw->AddLine(ImVec2(x, area.min.y), ImVec2(x, area.max.y), ImGui::GetColorU32(ImGuiCol_Text), 1.5f);
}

// The levers to vary, named in words, with the key levers and the framework's rules chosen first.
void LeverChoice(const Session& session, AnalysisPanelState& state, std::size_t chosenCount) {
  const std::vector<LeverInfo>& levers = session.levers();
  if (!ImGui::TreeNode("levers", "%s", TrFormat("analysis.sensitivity.levers", {{"count", FormatCount(static_cast<long long>(chosenCount))}}).c_str())) {
    return;
  }
  if (ImGui::SmallButton(TrId("analysis.sensitivity.defaults", "defaults").c_str())) {
    state.leverOn.assign(levers.size(), 0);
    for (const std::size_t i : DefaultSensitivityLevers(session)) state.leverOn[i] = 1;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("analysis.sensitivity.defaults-tip"));
  ImGui::SameLine();
  if (ImGui::SmallButton(TrId("analysis.sensitivity.none", "none").c_str())) state.leverOn.assign(levers.size(), 0);
  SameLineIfFits(ImGui::GetFontSize() * 12.0f);
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 12.0f, ImGui::GetContentRegionAvail().x));
  ImGui::InputTextWithHint("##filter", Tr("analysis.sensitivity.filter"), state.leverFilter, sizeof state.leverFilter);
  if (ImGui::BeginChild("##leverlist", ImVec2(0.0f, ImGui::GetFontSize() * 8.0f), ImGuiChildFlags_Border)) {
    const std::string_view filter(state.leverFilter);
    const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() - ImGui::GetStyle().ItemInnerSpacing.x;
    int shown = 0;
    for (std::size_t i = 0; i < levers.size() && i < state.leverOn.size() && shown < 300; ++i) {
      const std::string label = LeverLabel(session.scenario(), levers[i], CurrentText(), true);
      if (!filter.empty() && levers[i].path.find(filter) == std::string::npos && label.find(filter) == std::string::npos) continue;
      ++shown;
      bool on = state.leverOn[i] != 0;
      const std::string fitted = EllipsizedText(label, room);
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Checkbox(fitted.c_str(), &on)) state.leverOn[i] = on ? 1 : 0;
      ImGui::PopID();
      if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", TrFormat("analysis.sensitivity.lever-tip", {{"label", label}, {"value", LeverValueText(levers[i], levers[i].value, CurrentText())},
                                                                            {"path", levers[i].path}})
                                    .c_str());
      }
    }
  }
  ImGui::EndChild();
  ImGui::TreePop();
}

void SensitivityTab(const Session& session, AnalysisState& analysis, AnalysisPanelState& state) {
  const std::vector<LeverInfo>& levers = session.levers();
  const std::string metricLabel = MetricLabel(state.metric, session);
  const std::string id = LabelBefore(TrId("analysis.sensitivity.metric", "metric"), ImGui::GetFontSize() * 7.0f,
                                     ComboWidth());
  if (BeginComboFitted(id.c_str(), metricLabel)) {
    for (const SensitivityMetric m : {SensitivityMetric::TotalLoss, SensitivityMetric::RegionLoss, SensitivityMetric::RegionWelfare,
                                      SensitivityMetric::Shortfall, SensitivityMetric::PeakPrice}) {
      if (ImGui::Selectable(MetricLabel(m, session).c_str(), m == state.metric)) state.metric = m;
    }
    ImGui::EndCombo();
  }
  const std::string metric = session.loaded() ? SensitivityMetricPath(state.metric, session) : std::string();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", TrFormat("analysis.sensitivity.metric-tip", {{"label", metricLabel}, {"path", metric}}).c_str());
  const std::string rangeId = LabelBefore(TrId("analysis.sensitivity.range", "range"), ImGui::GetFontSize() * 7.0f, ImGui::GetFontSize() * 8.0f);
  ImGui::SliderInt(rangeId.c_str(), &state.spreadPercent, 5, 95, "%d%%", ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", Tr("analysis.sensitivity.range-tip"));

  std::vector<std::string> chosen;
  std::vector<std::string> switches;
  for (std::size_t i = 0; i < levers.size() && i < state.leverOn.size(); ++i) {
    if (!state.leverOn[i]) continue;
    chosen.push_back(levers[i].path);
    if (IsSwitchLever(levers[i])) switches.push_back(levers[i].path);
  }
  LeverChoice(session, state, chosen.size());
  const bool ok = !chosen.empty() && session.loaded();
  if (chosen.empty()) ImGui::TextColored(kWarning, "%s", Tr("analysis.sensitivity.choose"));
  if (RunControls(analysis, AnalysisKind::Sensitivity, ok, "analysis.sensitivity.run")) {
    analysis.Request(AnalysisKind::Sensitivity, SensitivityOptionsJson(metric, state.spreadPercent / 100.0, chosen, switches));
  }
  const SensitivityView* v = analysis.sensitivity();
  if (v == nullptr) return;
  ImGui::Separator();
  WrappedLabel(TrFormat("analysis.sensitivity.progress", {{"metric", SensitivityMetricLabel(v->metric, session.scenario(), CurrentText())},
                                                          {"baseline", plot::FormatUnit(v->baseline, v->unit)},
                                                          {"done", FormatCount(v->leversDone)},
                                                          {"levers", FormatCount(v->levers)}})
                   .c_str());
  Tornado(session, *v);
}

}  // namespace

// -- The window ---------------------------------------------------------------------------------------

void DrawAnalysisWindow(const Session& session, AnalysisState& analysis, AnalysisPanelState& state, bool* open) {
  if (!*open) return;
  if (state.optionsVersion != session.leversVersion()) {  // a new scenario: fresh defaults
    state.optionsVersion = session.leversVersion();
    state.seed = session.scenario().seed;
    state.framework = 0;
    state.cell = -1;
    SetCandidatesFromFramework(session.scenario(), state);
    state.leverOn.assign(session.levers().size(), 0);
    for (const std::size_t i : DefaultSensitivityLevers(session)) state.leverOn[i] = 1;
  }
  const ImVec2 area = ImGui::GetMainViewport()->WorkSize;
  CenterNextWindow(ImVec2(std::min(area.x * 0.9f, ImGui::GetFontSize() * 60.0f), std::min(area.y * 0.9f, ImGui::GetFontSize() * 42.0f)),
                   ImGuiCond_FirstUseEver);
  state.shownText.clear();
  if (ImGui::Begin(TrId("menu.analysis", "analysis-window").c_str(), open)) {
    ImGui::LogToBuffer();  // what the window says, for tests (kizuna.analysisText)
    if (!session.loaded()) {
      ImGui::TextDisabled("%s", Tr("analysis.open-first"));
    } else if (ImGui::BeginTabBar("##analysis")) {
      const struct {
        AnalysisKind kind;
        const char* label;
        void (*draw)(const Session&, AnalysisState&, AnalysisPanelState&);
      } tabs[] = {{AnalysisKind::MonteCarlo, "menu.analysis.montecarlo", MonteCarloTab},
                  {AnalysisKind::Coalition, "menu.analysis.coalition", CoalitionTab},
                  {AnalysisKind::Sensitivity, "menu.analysis.sensitivity", SensitivityTab}};
      for (const auto& tab : tabs) {
        const ImGuiTabItemFlags flags = state.selectTab && state.tab == tab.kind ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(TrId(tab.label, tab.label).c_str(), nullptr, flags)) {
          if (!state.selectTab) state.tab = tab.kind;
          tab.draw(session, analysis, state);
          ImGui::EndTabItem();
        }
      }
      state.selectTab = false;
      ImGui::EndTabBar();
    }
    state.shownText = ImGui::GetCurrentContext()->LogBuffer.c_str();
    ImGui::LogFinish();
  }
  ImGui::End();
}

}  // namespace kz
