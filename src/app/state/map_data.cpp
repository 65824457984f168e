// Results -> map scene (see map_data.hpp).
#include "state/map_data.hpp"

#include <algorithm>

#include "state/catalog.hpp"

namespace kz {
namespace {

std::array<float, 4> Mix(const std::array<float, 4>& a, const std::array<float, 4>& b, double t) {
  const float s = static_cast<float>(std::clamp(t, 0.0, 1.0));
  return {a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s, 1.0f};
}

std::string LocalRegionName(const Region& region, const UiText& words) {
  return words.LocalName(region.name, region.id);
}

struct Route {
  int seller, buyer;
  double now, before;
};

}  // namespace

std::array<float, 4> FulfilmentColour(double fulfilment) {
  // Dark enough that white text stays readable over it; luminance stays below the UI's text.
  const std::array<float, 4> calm{0.29f, 0.42f, 0.55f, 1.0f};
  const std::array<float, 4> amber{0.80f, 0.56f, 0.16f, 1.0f};
  const std::array<float, 4> red{0.72f, 0.16f, 0.14f, 1.0f};
  const double f = std::clamp(fulfilment, 0.0, 1.0);
  if (f >= 0.75) return Mix(amber, calm, (f - 0.75) / 0.25);
  return Mix(red, amber, (f - 0.5) / 0.25);
}

std::vector<MapRegionFigures> RegionFigures(const Scenario& scenario, const Results& results, int good, int month,
                                            const UiText& words) {
  std::vector<MapRegionFigures> out;
  for (int r = 0; r < results.regions; ++r) {
    const std::size_t i = results.Index(month, r, good);
    out.push_back({LocalRegionName(scenario.regions[static_cast<std::size_t>(r)], words), results.fulfilment[i],
                   results.price[i], results.shortfall[i]});
  }
  return out;
}

MapScene BuildMapScene(const Scenario& scenario, const Results& results, int good, int month, int maxFlows) {
  MapScene scene;
  for (int r = 0; r < results.regions; ++r) {
    scene.regionColours.push_back(FulfilmentColour(results.fulfilment[results.Index(month, r, good)]));
    const Region& region = scenario.regions[static_cast<std::size_t>(r)];
    scene.regionAnchors.push_back({region.lon, region.lat});
  }
  if (results.flows.empty()) return scene;  // the run did not record routes
  std::vector<Route> routes;
  for (int buyer = 0; buyer < results.regions; ++buyer) {
    for (int seller = 0; seller < results.regions; ++seller) {
      if (buyer == seller) continue;  // domestic supply is not trade
      const double now = results.flows[results.FlowIndex(month, good, buyer, seller)];
      const double before = results.flows[results.FlowIndex(0, good, buyer, seller)];
      if (now > 0.0 || before > 0.0) routes.push_back({seller, buyer, now, before});
    }
  }
  // Largest first by the larger of now and before, so a route cut to zero still shows.
  std::sort(routes.begin(), routes.end(), [](const Route& a, const Route& b) {
    return std::max(a.now, a.before) > std::max(b.now, b.before);
  });
  if (routes.size() > static_cast<std::size_t>(maxFlows)) routes.resize(static_cast<std::size_t>(maxFlows));
  double largest = 0.0;
  for (const Route& route : routes) largest = std::max(largest, std::max(route.now, route.before));
  for (const Route& route : routes) {
    const Constraint& binding = results.binding[results.Index(month, route.buyer, good)];
    MapFlow flow;
    flow.fromRegion = route.seller;
    flow.toRegion = route.buyer;
    flow.volume01 = static_cast<float>(largest > 0.0 ? std::max(route.now, 0.05 * largest) / largest : 0.0);
    flow.disruption01 = static_cast<float>(route.before > 0.0 ? std::clamp(1.0 - route.now / route.before, 0.0, 1.0) : 0.0);
    flow.restricted = binding.kind == ConstraintKind::ExportRestriction && binding.region == route.seller;
    scene.flows.push_back(flow);
  }
  return scene;
}

}  // namespace kz
