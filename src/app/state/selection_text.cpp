// The selection in words, and why (see selection_text.hpp).
#include "state/selection_text.hpp"

#include <algorithm>
#include <cstdio>

#include "kizuna/explain.hpp"
#include "kizuna/results_io.hpp"
#include "state/lever_text.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

std::string Percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100.0);
  return text;
}


const char* ConstraintKey(ConstraintKind kind) {
  switch (kind) {
    case ConstraintKind::None: return "constraint.none";
    case ConstraintKind::Capacity: return "constraint.capacity";
    case ConstraintKind::CapacityLoss: return "constraint.capacity-loss";
    case ConstraintKind::RampUp: return "constraint.ramp-up";
    case ConstraintKind::InputShortage: return "constraint.input-shortage";
    case ConstraintKind::ExportRestriction: return "constraint.export-restriction";
    case ConstraintKind::Chokepoint: return "constraint.chokepoint";
  }
  return "constraint.none";
}

std::string Cause(const Scenario& s, const Constraint& c, const UiText& words) {
  std::string text = words.Tr(ConstraintKey(c.kind));
  if (c.kind == ConstraintKind::InputShortage && c.input >= 0) {
    const Good& input = s.goods[static_cast<std::size_t>(c.input)];
    text = words.TrFormat("readout.cause-of", {{"cause", text}, {"input", words.LocalName(input.name, input.id)}});
  }
  if (c.event >= 0) text = words.TrFormat("readout.cause-event", {{"cause", text}, {"event", EffectName(s, c.event)}});
  if (c.region >= 0) {
    const Region& at = s.regions[static_cast<std::size_t>(c.region)];
    text = words.TrFormat("readout.cause-at", {{"cause", text}, {"region", words.LocalName(at.name, at.id)}});
  }
  return text;
}

}  // namespace

std::string SelectionReadout(const Session& session, const UiText& words) {
  if (!session.loaded()) return "";
  const Scenario& s = session.scenario();
  const Results& r = session.results();
  const Selection& sel = session.selection();
  const Region& region = s.regions[static_cast<std::size_t>(sel.region)];
  const Good& good = s.goods[static_cast<std::size_t>(sel.good)];
  const std::size_t i = r.Index(sel.month, sel.region, sel.good);
  std::string text = words.TrFormat("readout.met", {{"region", words.LocalName(region.name, region.id)},
                                             {"good", words.LocalName(good.name, good.id)},
                                             {"month", words.MonthLabel(sel.month)},
                                             {"share", Percent(r.fulfilment[i])}});
  if (const Results* other = session.comparisonResults()) text += words.TrFormat("readout.comparison", {{"share", Percent(other->fulfilment[i])}});
  if (r.binding[i].kind != ConstraintKind::None) text += words.TrFormat("readout.short-because", {{"cause", Cause(s, r.binding[i], words)}});
  return text + words.Tr("finding.sentence-end");
}

namespace {

bool SameSelection(const Selection& a, const Selection& b) {
  return a.region == b.region && a.good == b.good && a.month == b.month;
}

}  // namespace

void RefreshExplanation(const Session& session, const UiText& words, SelectionExplanation& explanation) {
  if (explanation.version == session.resultsVersion() && SameSelection(explanation.selection, session.selection())) return;  // a language change bumps the version
  explanation.version = session.resultsVersion();
  explanation.selection = session.selection();
  explanation.text.clear();
  explanation.levers.clear();
  if (!session.loaded()) return;
  const Results& r = session.results();
  const Selection& sel = session.selection();
  Expected<Explanation> why = Explain(session.scenario(), r, r.regionIds[static_cast<std::size_t>(sel.region)],
                                      r.goodIds[static_cast<std::size_t>(sel.good)], sel.month, &words.Words());
  if (!why || why.value().chain.empty()) return;
  explanation.text = why.value().text;
  // Each bullet names its lever in words (the levers panel's name, with its owner), never by path.
  for (const LeverSuggestion& suggestion : why.value().levers) {
    const auto lever = std::find_if(session.levers().begin(), session.levers().end(),
                                    [&suggestion](const LeverInfo& l) { return l.path == suggestion.path; });
    const std::string name = lever != session.levers().end() ? LeverLabel(session.scenario(), *lever, words, true) : suggestion.path;
    explanation.levers.push_back(words.TrFormat("explain.lever-bullet", {{"lever", name}, {"reason", suggestion.reason}}));
  }
}

}  // namespace kz
