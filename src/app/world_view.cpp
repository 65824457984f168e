// The world view: run the default world once, select what to show, keep the map scene current.
#include "world_view.hpp"

#include "kizuna/engine.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz {

const WorldMesh* WorldView::Mesh() {
  if (!mesh && status.empty()) {
    Expected<WorldMesh> parsed = WorldMesh::Parse(EmbeddedWorldMesh());
    if (parsed) mesh = std::move(parsed.value());
    else status = "World map: " + parsed.problems().front().ToString();
  }
  return mesh ? &*mesh : nullptr;
}

void WorldView::Load() {
  loaded = true;
  Mesh();
  Expected<Scenario> loadedScenario = LoadScenarioJson(DefaultWorldScenarioJson());
  if (!loadedScenario) {
    status = "Default world: " + loadedScenario.problems().front().ToString();
    return;
  }
  scenario = std::move(loadedScenario.value());
  for (const Region& region : scenario->regions) regionIds.push_back(region.id);
  Expected<Results> run = RunScenario(*scenario);
  if (!run) {
    status = "Default world: " + run.problems().front().ToString();
    return;
  }
  results = std::move(run.value());
  goodIds = results->goodIds;
  SelectWorstGoodAndMonth();
  Rebuild();
}

// Opens on the most strained (good, month) so the first view shows what the model is about.
void WorldView::SelectWorstGoodAndMonth() {
  double worst = 2.0;
  for (int t = 0; t < results->months; ++t) {
    for (int r = 0; r < results->regions; ++r) {
      for (int g = 0; g < results->goods; ++g) {
        const double f = results->fulfilment[results->Index(t, r, g)];
        if (f < worst) {
          worst = f;
          good = g;
          month = t;
        }
      }
    }
  }
}

void WorldView::Rebuild() {
  if (!results) return;
  figures = RegionFigures(*scenario, *results, good, month);
  scene = BuildMapScene(*scenario, *results, good, month);
}

void WorldView::Frame(float uiScale) {
  // The first frame goes on screen before the run (a few hundred ms in wasm), so the page shows
  // the app at once and the map joins it on the next frame.
  if (!loaded && framesDrawn++ > 0) Load();
  MapPanelInput input;
  input.mesh = Mesh();
  input.regionIds = regionIds;
  input.figures = figures;
  input.goodIds = goodIds;
  if (results) {
    input.good = &good;
    input.month = &month;
    input.months = results->months;
  }
  input.status = status.empty() ? nullptr : status.c_str();
  if (panel.Frame(input, uiScale)) Rebuild();
}

}  // namespace kz
