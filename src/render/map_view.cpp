// Equirectangular view arithmetic (see map_view.hpp).
#include "map_view.hpp"

#include <algorithm>
#include <cmath>

namespace kz {

double PixelsPerDegree(const MapView& view, const MapViewport& viewport) {
  return view.zoom * std::min(viewport.width / 360.0, viewport.height / 180.0);
}

ScreenPoint LonLatToScreen(const MapView& view, const MapViewport& viewport, LonLat point) {
  const double scale = PixelsPerDegree(view, viewport);
  return {viewport.x + 0.5 * viewport.width + (point.lon - view.center.lon) * scale,
          viewport.y + 0.5 * viewport.height - (point.lat - view.center.lat) * scale};
}

LonLat ScreenToLonLat(const MapView& view, const MapViewport& viewport, ScreenPoint point) {
  const double scale = PixelsPerDegree(view, viewport);
  return {view.center.lon + (point.x - viewport.x - 0.5 * viewport.width) / scale,
          view.center.lat - (point.y - viewport.y - 0.5 * viewport.height) / scale};
}

void PanBy(MapView& view, const MapViewport& viewport, ScreenPoint delta) {
  const double scale = PixelsPerDegree(view, viewport);
  view.center.lon -= delta.x / scale;
  view.center.lat += delta.y / scale;
  ClampView(view);
}

void ZoomAbout(MapView& view, const MapViewport& viewport, ScreenPoint anchor, double factor) {
  const LonLat before = ScreenToLonLat(view, viewport, anchor);
  view.zoom = std::clamp(view.zoom * factor, MapView::kMinZoom, MapView::kMaxZoom);
  const LonLat after = ScreenToLonLat(view, viewport, anchor);
  view.center.lon += before.lon - after.lon;
  view.center.lat += before.lat - after.lat;
  ClampView(view);
}

double WrapLongitude(double lon) {
  const double wrapped = std::fmod(lon + 180.0, 360.0);
  return (wrapped < 0.0 ? wrapped + 360.0 : wrapped) - 180.0;
}

void ClampView(MapView& view) {
  view.zoom = std::clamp(view.zoom, MapView::kMinZoom, MapView::kMaxZoom);
  view.center.lon = WrapLongitude(view.center.lon);
  view.center.lat = std::clamp(view.center.lat, -90.0, 90.0);
}

ClipTransform ClipTransformOf(const MapView& view, const MapViewport& viewport) {
  return ClipTransformOf(view, MapViewport{0.0, 0.0, viewport.width, viewport.height}, viewport.width, viewport.height);
}

ClipTransform ClipTransformOf(const MapView& view, const MapViewport& viewport, double surfaceWidth, double surfaceHeight) {
  // LonLatToScreen, then screen -> clip over the whole surface (x right, y up).
  const double scale = PixelsPerDegree(view, viewport);
  const double sx = 2.0 * scale / surfaceWidth, sy = 2.0 * scale / surfaceHeight;
  const double centreX = viewport.x + 0.5 * viewport.width, centreY = viewport.y + 0.5 * viewport.height;
  return {static_cast<float>(sx), static_cast<float>(sy),
          static_cast<float>(2.0 * centreX / surfaceWidth - 1.0 - view.center.lon * sx),
          static_cast<float>(1.0 - 2.0 * centreY / surfaceHeight - view.center.lat * sy)};
}

}  // namespace kz
