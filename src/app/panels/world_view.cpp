// The world view: keep the map scene in step with the session's results and selection.
#include "panels/world_view.hpp"

#include "state/catalog.hpp"

namespace kz {

const WorldMesh* WorldView::Mesh() {
  if (!mesh && status.empty()) {
    Expected<WorldMesh> parsed = WorldMesh::Parse(EmbeddedWorldMesh());
    if (parsed) mesh = std::move(parsed.value());
    else status = TrFormat("map.broken", {{"problem", parsed.problems().front().ToString()}});
  }
  return mesh ? &*mesh : nullptr;
}

void WorldView::Rebuild(const Session& session) {
  shownVersion = session.resultsVersion();
  shown = session.selection();
  regionIds = session.results().regionIds;
  goodNames.clear();
  for (const Good& good : session.scenario().goods) goodNames.push_back(LocalName(good.name, good.id));  // re-read on a language change (resultsVersion)
  figures = RegionFigures(session.scenario(), session.results(), shown.good, shown.month, CurrentText());
  scene = BuildMapScene(session.scenario(), session.results(), shown.good, shown.month);
}

void WorldView::Frame(Session& session, float uiScale, MapViewport area) {
  const Selection& selection = session.selection();
  if (session.loaded() && (session.resultsVersion() != shownVersion || selection.good != shown.good ||
                           selection.month != shown.month)) {
    Rebuild(session);
  }
  int good = selection.good;
  int month = selection.month;
  MapPanelInput input;
  input.mesh = Mesh();
  input.regionIds = regionIds;
  input.figures = figures;
  input.goodNames = goodNames;
  if (session.loaded()) {
    input.good = &good;
    input.month = &month;
    input.months = session.results().months;
  }
  input.status = status.empty() ? nullptr : status.c_str();
  input.area = area;
  if (panel.Frame(input, uiScale)) session.Select(Selection{selection.region, good, month});
}

}  // namespace kz
