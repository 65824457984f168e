// Result fingerprints (see results.hpp).
#include "kizuna/results.hpp"

#include "kizuna/hash.hpp"

namespace kz {

std::uint64_t HashResults(const Results& results) {
  Hasher hasher;
  hasher.AddU64(static_cast<std::uint64_t>(results.months));
  hasher.AddU64(static_cast<std::uint64_t>(results.regions));
  hasher.AddU64(static_cast<std::uint64_t>(results.goods));
  for (const std::vector<double>* series :
       {&results.production, &results.deliveries, &results.finalDemand, &results.finalDelivered, &results.fulfilment,
        &results.shortfall, &results.inventory, &results.stockpile, &results.price, &results.loss,
        &results.policyCost, &results.inputUse, &results.tradeIncome,
        &results.stockValueChange}) {
    // Single precision keeps ~7 significant digits: far beyond what the model means, and immune
    // to last-bit differences between maths libraries.
    for (const double value : *series) hasher.AddDouble(static_cast<double>(static_cast<float>(value)));
  }
  for (const Constraint& c : results.binding) {
    hasher.AddU64(static_cast<std::uint64_t>(c.kind) | (static_cast<std::uint64_t>(static_cast<std::uint16_t>(c.region)) << 8) |
                  (static_cast<std::uint64_t>(static_cast<std::uint16_t>(c.input)) << 24) |
                  (static_cast<std::uint64_t>(static_cast<std::uint16_t>(c.event)) << 40));
  }
  return hasher.Digest();
}

}  // namespace kz
