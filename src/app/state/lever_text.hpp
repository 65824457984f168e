// Levers in plain words: a human name and unit for every lever, in the UI's language, built from the
// core's lever grammar (LeverInfo::group, owner, labelParts) and the catalogs, never from the path.
// "policy.JP.stockpile.re_oxide.targetMonths" reads "Separated oxide reserve, months of normal use"
// under Japan's node; the path stays for technical tooltips. Also how a lever's value is shown:
// 0-1 shares as percentages, months as whole numbers, on/off levers as switches.
#pragma once

#include <string>

#include "kizuna/levers.hpp"
#include "kizuna/scenario.hpp"
#include "state/catalog.hpp"

namespace kz {

/// The catalog key of the lever's name ("lever.name.policy.stockpile.targetMonths"), or null for a
/// lever shape the table does not know (a test keeps every bundled lever known).
const char* LeverNameKey(const Scenario& scenario, const LeverInfo& lever);

/// The lever's name in `words`' language. `withOwner` prefixes the owner's name (the region, shock,
/// framework or hazard) where the UI does not show it around the lever; world-data names always
/// name their region or good. Unknown shapes fall back to the core's English label.
std::string LeverLabel(const Scenario& scenario, const LeverInfo& lever, const UiText& words, bool withOwner = false);

/// The catalog key of a unit the app knows ("lever.unit.months"), or null for a unit made of a
/// good's own unit ("t/month", "USD/t"), which LeverUnit composes from catalog words.
const char* LeverUnitKey(const std::string& unit);

/// The lever's unit as shown beside its value: "%", "% per month", "months", "t per month";
/// "" for a switch.
std::string LeverUnit(const LeverInfo& lever, const UiText& words);

/// How a lever's value is shown and edited.
enum class LeverDisplay {
  Number,       ///< as stored, four significant digits
  Percent,      ///< a share (0-1 stored) shown 0-100 %
  WholeMonths,  ///< months, whole numbers
  Switch,       ///< on/off
};
LeverDisplay LeverDisplayOf(const LeverInfo& lever);

/// `value` (stored) as the UI shows it: 0.3 -> 30 for a percent lever.
double ToDisplayValue(LeverDisplay display, double value);
/// A shown value back to what is stored: 30 -> 0.3 (rounded to 1e-6 so typed values stay short).
double FromDisplayValue(LeverDisplay display, double shown);
/// The value in words with its unit: "30%", "6 months", "on".
std::string LeverValueText(const LeverInfo& lever, double value, const UiText& words);

}  // namespace kz
