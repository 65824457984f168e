// Key findings: exact sentences on the hand-computed ore -> magnet chain, the bundled presets, a
// comparison run, determinism, and the locale-free number formatting behind the text.
#include "kizuna/findings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "findings_text.hpp"  // private: names inside sentences
#include "kizuna/levers.hpp"
#include "kizuna/output_account.hpp"

namespace kz {
namespace {

using test::MakeEvent;
using test::OreMagnetChain;
using test::RunOrFail;

const std::string kMinus = "\xE2\x88\x92";  // U+2212
// The lead names the one shock begun by the trough's month.
const std::string kAfterFlood = "After \u201Cmine-flood\u201D in month 2, supply";

// The chain of engine_test.cpp's CapacityLossStarvesTheDownstreamStage: A's mine floods (half its
// capacity, months 2-3), so B makes 25 of 30 magnets: 83% met, full again in month 4; users' loss 2
// months x 5 magnets x 100 USD x 3 = 3,000 USD. Value added lost: the 10 magnets never made, 1,000
// USD, of which B's 10 x (100 - 2 ore x 10) = 800 and A's 20 t of ore x 10 = 200. Price sensitivity 6 keeps the peak off a rounding half:
// scarcity 1/6 -> target 2; the index goes 1.5 in month 2, 1.75 in month 3 (ore and magnets alike,
// ore first in scenario order).
Scenario FloodedChain(double fraction = 0.5, int duration = 2) {
  Scenario s = OreMagnetChain();
  for (Good& good : s.goods) good.priceSensitivity = 6.0;
  s.events.push_back(MakeEvent("mine-flood", EventKind::CapacityLoss, {"A"}, {"ore"}, fraction, 2, duration));
  return s;
}

TEST(Findings, ExactSentencesOnTheFloodedChain) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  const Findings f = Summarize(s, r);
  EXPECT_EQ(f.paragraph,
            kAfterFlood + " of magnet in B falls to 83% of demand in month 2 and recovers by month 4. "
            "The price of ore in B rises by up to 75%, peaking in month 3. "
            "$1,000 of value added is lost, the most in B ($800). "
            "A and C see no shortage and no price rise.");
  ASSERT_EQ(f.items.size(), 4u);
  const Finding& trough = f.items[0];
  EXPECT_EQ(trough.kind, FindingKind::Trough);
  EXPECT_EQ(trough.region, "B");
  EXPECT_EQ(trough.good, "magnet");
  EXPECT_EQ(trough.months, (std::vector<int>{2, 4}));
  ASSERT_EQ(trough.values.size(), 2u);
  EXPECT_NEAR(trough.values[0], 25.0 / 30.0, 1e-12);
  EXPECT_NEAR(trough.values[1], 3000.0, 1e-9);
  EXPECT_EQ(f.items[1].kind, FindingKind::PeakPrice);
  EXPECT_EQ(f.items[1].months, std::vector<int>{3});
  EXPECT_EQ(f.items[2].kind, FindingKind::TotalLoss);
  EXPECT_EQ(f.items[2].region, "B");
  ASSERT_EQ(f.items[2].values.size(), 1u);
  EXPECT_NEAR(f.items[2].values[0], 1000.0, 1e-9);
  EXPECT_EQ(f.items[3].kind, FindingKind::Unaffected);
  EXPECT_EQ(f.items[3].regions, (std::vector<std::string>{"A", "C"}));
}

// A and C buy 10 magnets a month each from B too (B's line raised to 60): the flood leaves 50 t of
// ore, 25 magnets for 50 ordered, 50% each. B loses three times what A loses, so both troughs are
// told (A before C: scenario order), the second in other words; no region is unaffected.
TEST(Findings, SecondWorstHitIsToldInOtherWords) {
  Scenario s = FloodedChain();
  s.facilities[2].capacity = 60.0;
  for (const char* buyer : {"A", "C"}) {
    s.goods[1].finalDemand.push_back({buyer, 10.0, 0.0});
    s.trade.push_back({buyer, "magnet", "B", 1.0});
  }
  const Findings f = Summarize(s, RunOrFail(s));
  ASSERT_EQ(f.items.size(), 4u) << f.paragraph;
  EXPECT_EQ(f.items[0].text, kAfterFlood + " of magnet in B falls to 50% of demand in month 2 and recovers by month 4.");
  EXPECT_EQ(f.items[1].kind, FindingKind::Trough);
  EXPECT_EQ(f.items[1].text, "In A, supply of magnet bottoms at 50% in month 2 and recovers by month 4.");
  EXPECT_EQ(f.items[2].kind, FindingKind::PeakPrice);
  // 2 months x 25 magnets never made x 100 USD; B's share net of the ore it did not use: x (100 - 20).
  EXPECT_EQ(f.items[3].text, "$5,000 of value added is lost, the most in B ($4,000).");
}

TEST(Findings, ShortageLastingPastTheHorizonDoesNotRecover) {
  const Scenario s = FloodedChain(0.5, 20);  // horizon 12
  const kz::Results r = RunOrFail(s);
  const Findings f = Summarize(s, r);
  ASSERT_FALSE(f.items.empty());
  EXPECT_EQ(f.items[0].months, (std::vector<int>{2, -1}));
  // Where it stands at the end, as the chart shows it (not "never recovers" at 97%).
  const auto at = [](const std::vector<std::string>& ids, const char* id) { return static_cast<int>(std::find(ids.begin(), ids.end(), id) - ids.begin()); };
  const std::size_t end = r.Index(11, at(r.regionIds, "B"), at(r.goodIds, "magnet"));
  const std::string share = kz::FormatPercent(1.0 - r.shortfall[end] / r.finalDemand[end]);
  EXPECT_EQ(f.items[0].text, kAfterFlood + " of magnet in B falls to 83% of demand in month 2 and is still short at the end (" + share + " in month 11).");
}

// Nearly all of it avoided reads as words, not "-99.9%": $1,000 lost against $4 (the mine has 40%
// to spare, so a 40.04% flood leaves 0.02 magnets a month unmade for two months, $100 of value each).
TEST(Findings, AComparisonThatAvoidsNearlyAllOfTheLossSaysSo) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  const Findings f = Summarize(s, r, &r, "the same");
  EXPECT_NE(f.paragraph.find("with the same it is unchanged"), std::string::npos) << f.paragraph;
  const Results slight = RunOrFail(FloodedChain(0.4004));
  const Findings almost = Summarize(s, r, &slight, "a trickle");
  EXPECT_NE(almost.paragraph.find("with a trickle almost all of it is avoided (only $"), std::string::npos) << almost.paragraph;
}

TEST(Findings, ComparisonSaysHowTheTroughAndLossChange) {
  const Scenario s = FloodedChain();
  const Results r = RunOrFail(s);
  // No flood: met in full, no loss.
  const Results calm = RunOrFail(FloodedChain(0.0));
  const Findings better = Summarize(s, r, &calm, "no flood");
  EXPECT_EQ(better.items[0].text,
            kAfterFlood + " of magnet in B falls to 83% of demand in month 2 and recovers by month 4; with no flood demand is met "
            "in full.");
  EXPECT_NE(better.paragraph.find("$1,000 of value added is lost, the most in B ($800); with no flood none of it is lost."),
            std::string::npos)
      << better.paragraph;
  // A worse flood (60%): A mines 40 t, B makes 20 of 30 magnets (67%): 10 magnets x 100 = 1,000 of
  // value added a month, twice the 500 of the smaller flood.
  const Results worse = RunOrFail(FloodedChain(0.6));
  const Findings f = Summarize(s, r, &worse, "a bigger flood");
  EXPECT_NE(f.items[0].text.find("; with a bigger flood it bottoms at 67%."), std::string::npos) << f.items[0].text;
  EXPECT_NE(f.paragraph.find("; with a bigger flood the loss rises by $1,000 (+100%)."), std::string::npos) << f.paragraph;
  ASSERT_EQ(f.items[0].values.size(), 3u);
  EXPECT_NEAR(f.items[0].values[2], 20.0 / 30.0, 1e-12);
  // The same run as its own comparison: unchanged.
  const Findings same = Summarize(s, r, &r, "the same");
  EXPECT_NE(same.paragraph.find("; with the same it is unchanged."), std::string::npos) << same.paragraph;
}

TEST(Findings, NoDisruptionSaysSo) {
  const Scenario s = OreMagnetChain();
  const Findings f = Summarize(s, RunOrFail(s));
  EXPECT_EQ(f.paragraph, "No end use falls more than 1% short of demand in any month. No value added is lost.");
}

TEST(Findings, Re2010JapanNamesJapanAndOxide) {
  const Scenario s = test::LoadBundled("re-2010-japan");
  const Findings f = Summarize(s, RunOrFail(s));
  EXPECT_NE(f.paragraph.find("Japan"), std::string::npos) << f.paragraph;
  EXPECT_NE(f.paragraph.find("oxide"), std::string::npos) << f.paragraph;
  EXPECT_GE(f.items.size(), 2u);
  EXPECT_LE(f.items.size(), 4u);
}

// Japan's oxide is held at its reserve's trigger (98%) from month 3; a later month that rounding puts
// a bit lower does not move the trough there.
TEST(Findings, ATroughHeldAtItsLevelIsToldFromTheMonthItIsFirstReached) {
  const Scenario s = test::LoadBundled("re-2010-japan");
  Results r = RunOrFail(s);
  const int jp = test::RegionIndex(r, "JP");
  const int oxide = test::GoodIndex(r, "re_oxide");
  ASSERT_NEAR(r.fulfilment[r.Index(3, jp, oxide)], 0.98, 1e-12);
  ASSERT_NEAR(r.fulfilment[r.Index(9, jp, oxide)], 0.98, 1e-12);
  r.fulfilment[r.Index(9, jp, oxide)] = std::nextafter(r.fulfilment[r.Index(3, jp, oxide)], 0.0);
  const Findings f = Summarize(s, r);
  EXPECT_NE(f.paragraph.find("falls to 98% of demand in month 3 "), std::string::npos) << f.paragraph;
}

TEST(Findings, RenesasFireNamesVehiclesAndTheirRecovery) {
  Scenario s = test::LoadBundled("renesas-fire-2021");
  const Results r = RunOrFail(s);
  const Findings f = Summarize(s, r);
  EXPECT_NE(f.paragraph.find("vehicles"), std::string::npos) << f.paragraph;
  EXPECT_NE(f.paragraph.find("recovers by month"), std::string::npos) << f.paragraph;
  // Against the same world without the fire: no trough there, and none of the loss (the
  // world without it loses nothing: firms' chip stocks cover any shortfall).
  ASSERT_TRUE(SetLever(s, "event.naka-fire-2021.fraction", 0.0).empty());
  const Results noFire = RunOrFail(s);
  const Findings compared = Summarize(s, r, &noFire, "no fire");
  EXPECT_NE(compared.paragraph.find("with no fire demand is met in full"), std::string::npos) << compared.paragraph;
  // All of it, in words: a percentage would read "-100%" here and "-99.9%" a hair away from it.
  EXPECT_NE(compared.paragraph.find("with no fire none of it is lost."), std::string::npos) << compared.paragraph;
}

// The world's loss is net of what some regions gain by making more for others. Where a gain is worth
// saying (a twentieth of the worst loss), or leaves the total below the worst region's loss, the
// sentence names the gainer rather than call a region's larger loss "the most" of a smaller total:
// after a Taiwanese quake, Korea's fabs make more (chip4).
TEST(Findings, AWorldLossNetOfGainsNamesWhoGains) {
  for (const std::string& id : test::BundledScenarioIds()) {
    SCOPED_TRACE(id);
    const Scenario s = test::LoadBundled(id);
    const Results r = RunOrFail(s);
    const Findings f = Summarize(s, r);
    const auto loss = std::find_if(f.items.begin(), f.items.end(), [](const Finding& x) { return x.kind == FindingKind::TotalLoss; });
    if (loss == f.items.end() || loss->region.empty()) continue;
    const Expected<Results> reference = RunWithoutDisruptions(s);
    ASSERT_TRUE(reference);
    const OutputAccount account = AccountOutput(s, r, reference.value());
    const double worst = *std::max_element(account.valueAddedLost.begin(), account.valueAddedLost.end());
    const double gain = -*std::min_element(account.valueAddedLost.begin(), account.valueAddedLost.end());
    if (worst > account.WorldValueAddedLost() * 1.001) {
      EXPECT_EQ(loss->text.find("the most in"), std::string::npos) << "a region's loss above the total: " << loss->text;
    }
    const bool worstAboveTotal = worst > account.WorldValueAddedLost() * 1.001;
    EXPECT_EQ(loss->text.find("by making more for others") != std::string::npos, gain >= 0.05 * worst || (gain > 0.0 && worstAboveTotal))
        << loss->text;
  }
  const Scenario chip4 = test::LoadBundled("chip4");
  EXPECT_NE(Summarize(chip4, RunOrFail(chip4)).paragraph.find("Taiwan loses $3.3 billion and South Korea gains"), std::string::npos);
}

// A region short of an input serves its uses by value per unit, so a dearer end use can take it all.
// The lead then says why its end use fell furthest: in the Taiwan blockade the United States' few
// leading-edge chips go to defence first (valued 3x), so its electronics get none. When the other
// use is not valued higher per chip, the sentence does not claim it (and the engine serves
// electronics first).
TEST(Findings, TheLeadSaysWhenADearerEndUseTookItsScarceInputFirst) {
  Scenario s = test::LoadBundled("taiwan-disruption");
  // All electronics need leading-edge chips here (the world says 40%): the US's few go to defence
  // first and leave electronics with none, while defence is served in full.
  for (Good& good : s.goods) {
    for (RecipeInput& input : good.recipe) {
      if (good.id == "electronics" && input.good == "chips_leading") input.shareOfOutput = 1.0;
    }
  }
  const Findings f = Summarize(s, RunOrFail(s));
  ASSERT_FALSE(f.items.empty());
  EXPECT_EQ(f.items[0].region, "US");
  EXPECT_EQ(f.items[0].good, "electronics");
  EXPECT_NE(f.items[0].text.find(", as the scarce supply of leading-edge chips (packaged) goes first to defence equipment "
                                 "(valued higher per unit), and recovers by"),
            std::string::npos)
      << f.items[0].text;
  // Said of the lead only: the second trough (China's electronics) does not repeat it.
  for (std::size_t i = 1; i < f.items.size(); ++i) EXPECT_EQ(f.items[i].text.find("goes first to"), std::string::npos) << f.items[i].text;

  // Electronics valued 10x: 10 / 2.138 chips per $ billion beats defence's 3 / 0.675.
  ASSERT_TRUE(SetLever(s, "good.electronics.valueMultiplier", 10.0).empty());
  const Findings cheaper = Summarize(s, RunOrFail(s));
  EXPECT_EQ(cheaper.paragraph.find("goes first to"), std::string::npos) << cheaper.paragraph;
}

TEST(Findings, SameInputsGiveTheSameText) {
  for (const char* id : {"re-2010-japan", "renesas-fire-2021", "two-sector"}) {
    const Scenario s = test::LoadBundled(id);
    const Results r = RunOrFail(s);
    const Findings a = Summarize(s, r);
    const Findings b = Summarize(s, RunOrFail(s));
    EXPECT_EQ(a.paragraph, b.paragraph) << id;
    ASSERT_EQ(a.items.size(), b.items.size()) << id;
    std::string joined;
    for (const Finding& item : a.items) joined += (joined.empty() ? "" : " ") + item.text;
    EXPECT_EQ(joined, a.paragraph) << id;
  }
}

// ---------------------------------------------------------------------------------------------
// Number formatting
// ---------------------------------------------------------------------------------------------

TEST(FindingsFormat, RoundsHalvesAwayFromZero) {
  EXPECT_EQ(RoundHalfAwayFromZero(2.5), 3.0);
  EXPECT_EQ(RoundHalfAwayFromZero(-2.5), -3.0);
  EXPECT_EQ(RoundHalfAwayFromZero(1.5), 2.0);
  EXPECT_EQ(RoundHalfAwayFromZero(0.49999999999999994), 0.0);  // floor(x + 0.5) would give 1
  EXPECT_EQ(RoundHalfAwayFromZero(-0.4), 0.0);
  EXPECT_EQ(RoundHalfAwayFromZero(7.0), 7.0);
}

TEST(FindingsFormat, Percentages) {
  EXPECT_EQ(FormatPercent(0.624), "62%");
  EXPECT_EQ(FormatPercent(0.625), "63%");
  EXPECT_EQ(FormatPercent(0.005), "0.5%");
  EXPECT_EQ(FormatPercent(0.0), "0%");
  EXPECT_EQ(FormatPercent(1.0), "100%");
  EXPECT_EQ(FormatPercent(0.996), "99.6%");
  EXPECT_EQ(FormatPercent(0.9999), "99.9%");   // a shortfall never reads 100%
  EXPECT_EQ(FormatPercent(0.00001), "0.1%");   // a non-zero share never reads 0%
  EXPECT_EQ(FormatPercent(0.0096), "1%");
  EXPECT_EQ(FormatPercent(12.5), "1,250%");
  EXPECT_EQ(FormatPercent(-0.35), kMinus + "35%");
}

TEST(FindingsFormat, Money) {
  EXPECT_EQ(FormatMoney(1234567890.0), "$1.2 billion");
  EXPECT_EQ(FormatMoney(3.2e9), "$3.2 billion");
  EXPECT_EQ(FormatMoney(1.25e9), "$1.3 billion");
  EXPECT_EQ(FormatMoney(123.4e9), "$123 billion");
  EXPECT_EQ(FormatMoney(2e6), "$2 million");
  EXPECT_EQ(FormatMoney(999.96e6), "$1 billion");
  EXPECT_EQ(FormatMoney(999999.4), "$999,999");
  EXPECT_EQ(FormatMoney(999999.5), "$1 million");
  EXPECT_EQ(FormatMoney(3000.0), "$3,000");
  EXPECT_EQ(FormatMoney(950.0), "$950");
  EXPECT_EQ(FormatMoney(0.0), "$0");
  EXPECT_EQ(FormatMoney(1.6e12), "$1.6 trillion");
  EXPECT_EQ(FormatMoney(2.5e15), "$2,500 trillion");
  EXPECT_EQ(FormatMoney(-1.2e9), kMinus + "$1.2 billion");
  EXPECT_EQ(FormatMoney(-3000.0), kMinus + "$3,000");
}

TEST(FindingsFormat, Multiples) {
  EXPECT_EQ(FormatMultiple(2.25), "2.3");
  EXPECT_EQ(FormatMultiple(2.0), "2");
  EXPECT_EQ(FormatMultiple(9.96), "10");
  EXPECT_EQ(FormatMultiple(12.4), "12");
  EXPECT_EQ(FormatMultiple(-1.5), kMinus + "1.5");
}

TEST(FindingsText, NamesReadNaturallyInsideSentences) {
  Region region;
  region.id = "US";
  region.name.en = "United States";
  EXPECT_EQ(text::RegionPhrase(region), "the United States");
  region.name.en = "Rest of world";
  EXPECT_EQ(text::RegionPhrase(region), "the rest of world");
  region.name.en = "Japan";
  EXPECT_EQ(text::RegionPhrase(region), "Japan");
  Good good;
  good.id = "g";
  for (const auto& [name, phrase] : std::vector<std::pair<std::string, std::string>>{
           {"Vehicles", "vehicles"}, {"NdFeB magnets", "NdFeB magnets"}, {"MCU", "MCU"},
           {"Separated rare-earth oxide", "separated rare-earth oxide"}, {"wafers", "wafers"}}) {
    good.name.en = name;
    EXPECT_EQ(text::GoodPhrase(good), phrase);
  }
  EXPECT_EQ(text::JoinList({"A", "B", "C"}), "A, B and C");
  EXPECT_EQ(text::Fill("{a} and {unknown}", {{"a", "x"}}), "x and {unknown}");
}

}  // namespace
}  // namespace kz
