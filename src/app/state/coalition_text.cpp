// A coalition analysis in words (see coalition_text.hpp). Money is named without its sign: the
// sentence says which way it goes (gains / loses, pays / receives), so no reader has to know a
// sign convention.
#include "state/coalition_text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kz {
namespace {

// Amounts this small against the analysis' largest read as "no noticeable difference": rounding
// in the welfare sums must not turn into a payment or a ranking.
constexpr double kNegligibleShare = 1e-3;

std::string RegionName(const Scenario& s, const std::string& id, const UiText& words) {
  for (const Region& r : s.regions) {
    if (r.id == id) return words.LocalName(r.name, r.id);
  }
  return id;
}

std::string Amount(double usd, const UiText& words) { return words.MoneyLabel(std::fabs(usd)); }

// "A", "A and B", "A, B and C" (Japanese: "A、B、C").
std::string JoinNames(const std::vector<std::string>& names, const UiText& words) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += words.Tr(i + 1 == names.size() ? "analysis.coalition.text.list-and" : "analysis.coalition.text.list-comma");
    out += names[i];
  }
  return out;
}

double Scale(const CoalitionView& v) {
  double scale = std::fabs(v.GrandValue().value_or(0.0));
  for (const std::vector<double>* list : {&v.shapley, &v.gainInside, &v.gainOutside, &v.nonMemberEffectByRegion}) {
    for (const double x : *list) scale = std::max(scale, std::fabs(x));
  }
  return scale;
}

// Sentences follow each other after a space in English, directly after "。" in Japanese.
void Append(std::string& text, const std::string& more, const UiText& words) {
  if (more.empty()) return;
  if (!text.empty() && words.language() != Language::Japanese) text += ' ';
  text += more;
}

// The figures of candidate i from the view: own gain, fair share, payment, staying out, cost to the others.
CoalitionMemberText MemberFigures(const CoalitionView& v, const Scenario& s, std::size_t i, const UiText& words) {
  CoalitionMemberText m;
  m.regionId = v.candidates[i];
  m.name = RegionName(s, m.regionId, words);
  m.ownGain = v.gainInside[i];
  m.fairShare = v.shapley[i];
  m.transfer = m.fairShare - m.ownGain;
  m.stayOutGain = v.incentiveToJoin[i];
  const std::size_t all = v.subsetValue.size() - 1;
  const double othersWith = v.subsetValue[all] - m.ownGain;
  const double othersWithout = v.subsetValue[all & ~(std::size_t{1} << i)];
  m.costToOthers = othersWithout - othersWith;
  return m;
}

CoalitionSentence MemberSentence(const CoalitionView& v, const CoalitionMemberText& m, std::size_t i, double tiny, const UiText& words) {
  const bool alone = v.candidates.size() == 1;
  const auto say = [&](const char* key, double usd) {
    return words.TrFormat(key, {{"name", m.name}, {"amount", Amount(usd, words)}});
  };
  std::string text;
  if (m.ownGain > tiny) text = say("analysis.coalition.text.member-gains", m.ownGain);
  else if (m.ownGain < -tiny) text = say("analysis.coalition.text.member-loses", m.ownGain);
  else text = say("analysis.coalition.text.member-even", 0.0);
  if (!alone && m.transfer < -tiny) Append(text, say("analysis.coalition.text.pays", m.transfer), words);
  if (!alone && m.transfer > tiny) Append(text, say("analysis.coalition.text.receives", m.transfer), words);
  if (!alone && m.stayOutGain < -tiny) Append(text, say("analysis.coalition.text.stay-out-better", m.stayOutGain), words);
  if (!alone && m.stayOutGain > tiny) Append(text, say("analysis.coalition.text.stay-out-worse", m.stayOutGain), words);
  if (!alone && m.costToOthers > tiny) Append(text, say("analysis.coalition.text.costs-others", m.costToOthers), words);
  if (!alone && m.costToOthers < -tiny) Append(text, say("analysis.coalition.text.adds-to-others", m.costToOthers), words);
  const std::optional<double> standAlone = v.StandAlone(static_cast<int>(i));
  const std::string detail = words.TrFormat(
      "analysis.coalition.text.member-detail",
      {{"id", m.regionId}, {"shapley", words.MoneyLabel(m.fairShare)}, {"alone", standAlone ? words.MoneyLabel(*standAlone) : "-"},
       {"inside", words.MoneyLabel(m.ownGain)}, {"outside", words.MoneyLabel(v.gainOutside[i])},
       {"incentive", words.MoneyLabel(m.stayOutGain)}, {"marginal", words.MoneyLabel(m.ownGain - m.costToOthers)}});
  return {text, detail};
}

// The framework's worth to its members and who gains most and least (by their own gain).
CoalitionSentence Overview(const CoalitionText& out, const CoalitionView& v, double tiny, const UiText& words) {
  const double grand = v.GrandValue().value_or(0.0);
  const std::size_t n = v.candidates.size();
  const std::string with = n == 1   ? words.TrFormat("analysis.coalition.text.with-one", {{"name", out.members[0].name}})
                           : n == 2 ? std::string(words.Tr("analysis.coalition.text.with-both"))
                                    : words.TrFormat("analysis.coalition.text.with-all", {{"count", FormatCount(static_cast<long long>(n))}});
  const char* key = grand > tiny ? "analysis.coalition.text.worth" : grand < -tiny ? "analysis.coalition.text.costs" : "analysis.coalition.text.worth-nothing";
  std::string text = words.TrFormat(key, {{"with", with}, {"framework", out.frameworkName}, {"amount", Amount(grand, words)}});
  if (out.most >= 0 && out.members[static_cast<std::size_t>(out.most)].ownGain > tiny) {
    const CoalitionMemberText& m = out.members[static_cast<std::size_t>(out.most)];
    Append(text, words.TrFormat("analysis.coalition.text.most", {{"name", m.name}, {"amount", Amount(m.ownGain, words)}}), words);
  }
  if (out.least >= 0 && out.least != out.most) {
    const CoalitionMemberText& m = out.members[static_cast<std::size_t>(out.least)];
    const char* leastKey = m.ownGain < -tiny  ? "analysis.coalition.text.least-loses"
                           : m.ownGain > tiny ? "analysis.coalition.text.least-gains"
                                              : "analysis.coalition.text.least-even";
    Append(text, words.TrFormat(leastKey, {{"name", m.name}, {"amount", Amount(m.ownGain, words)}}), words);
  }
  const double sum = std::accumulate(v.shapley.begin(), v.shapley.end(), 0.0);
  return {text, words.TrFormat("analysis.coalition.text.overview-detail", {{"value", words.MoneyLabel(grand)}, {"sum", words.MoneyLabel(sum)}})};
}

CoalitionSentence Stability(const CoalitionView& v, const Scenario& s, const UiText& words) {
  std::vector<std::string> group;
  for (const std::string& id : v.largestExcessCoalition) group.push_back(RegionName(s, id, words));
  const std::string detail = words.TrFormat("analysis.coalition.text.stability-detail",
                                            {{"excess", words.MoneyLabel(v.excess)}, {"group", JoinNames(v.largestExcessCoalition, words)}});
  if (v.inCore) return {words.Tr("analysis.coalition.text.stable"), detail};
  return {words.TrFormat("analysis.coalition.text.unstable", {{"group", JoinNames(group, words)}, {"amount", Amount(v.excess, words)}}), detail};
}

// Countries outside: the total, who gains most and who loses most.
CoalitionSentence Outsiders(const CoalitionView& v, const Scenario& s, double tiny, const UiText& words) {
  int best = -1;
  int worst = -1;
  bool any = false;
  for (std::size_t r = 0; r < v.regions.size() && r < v.nonMemberEffectByRegion.size(); ++r) {
    if (std::find(v.candidates.begin(), v.candidates.end(), v.regions[r]) != v.candidates.end()) continue;
    any = true;
    const double x = v.nonMemberEffectByRegion[r];
    if (x > tiny && (best < 0 || x > v.nonMemberEffectByRegion[static_cast<std::size_t>(best)])) best = static_cast<int>(r);
    if (x < -tiny && (worst < 0 || x < v.nonMemberEffectByRegion[static_cast<std::size_t>(worst)])) worst = static_cast<int>(r);
  }
  if (!any) return {};
  const double total = v.nonMemberEffect;
  const char* key = total > tiny ? "analysis.coalition.text.outside-gain" : total < -tiny ? "analysis.coalition.text.outside-lose" : "analysis.coalition.text.outside-even";
  std::string text = words.TrFormat(key, {{"amount", Amount(total, words)}});
  if (best >= 0) {
    const std::size_t r = static_cast<std::size_t>(best);
    Append(text, words.TrFormat("analysis.coalition.text.outside-best",
                                {{"name", RegionName(s, v.regions[r], words)}, {"amount", Amount(v.nonMemberEffectByRegion[r], words)}}),
           words);
  }
  if (worst >= 0) {
    const std::size_t r = static_cast<std::size_t>(worst);
    Append(text, words.TrFormat("analysis.coalition.text.outside-worst",
                                {{"name", RegionName(s, v.regions[r], words)}, {"amount", Amount(v.nonMemberEffectByRegion[r], words)}}),
           words);
  }
  return {text, words.Tr("analysis.coalition.text.outside-detail")};
}

bool Complete(const CoalitionView& v) {
  const std::size_t n = v.candidates.size();
  return v.done && n > 0 && n < 31 && v.subsetValue.size() == (std::size_t{1} << n) && v.shapley.size() == n &&
         v.gainInside.size() == n && v.gainOutside.size() == n && v.incentiveToJoin.size() == n;
}

}  // namespace

std::string FrameworkDisplayName(const Scenario& scenario, const std::string& frameworkId, const UiText& words) {
  for (const Framework& f : scenario.frameworks) {
    if (f.id == frameworkId) return words.LocalName(f.name, f.id);
  }
  return frameworkId;
}

CoalitionText DescribeCoalition(const CoalitionView& view, const Scenario& scenario, const UiText& words) {
  CoalitionText out;
  out.frameworkName = FrameworkDisplayName(scenario, view.framework, words);
  if (!Complete(view)) return out;
  out.ready = true;
  const double tiny = std::max(1.0, kNegligibleShare * Scale(view));
  out.negligibleUsd = tiny;
  for (std::size_t i = 0; i < view.candidates.size(); ++i) out.members.push_back(MemberFigures(view, scenario, i, words));
  for (std::size_t i = 0; i < out.members.size(); ++i) out.members[i].sentence = MemberSentence(view, out.members[i], i, tiny, words);
  if (out.members.size() > 1) {  // the first of equals leads
    const auto byGain = [](const CoalitionMemberText& a, const CoalitionMemberText& b) { return a.ownGain < b.ownGain; };
    out.most = static_cast<int>(std::max_element(out.members.begin(), out.members.end(), byGain) - out.members.begin());
    out.least = static_cast<int>(std::min_element(out.members.begin(), out.members.end(), byGain) - out.members.begin());
    if (out.members[static_cast<std::size_t>(out.most)].ownGain - out.members[static_cast<std::size_t>(out.least)].ownGain <= tiny) {
      out.most = out.least = -1;  // all alike: nobody gains "most"
    }
  }
  out.overview = Overview(out, view, tiny, words);
  out.stability = Stability(view, scenario, words);
  out.outsiders = Outsiders(view, scenario, tiny, words);
  return out;
}

}  // namespace kz
