// Where the world map is looked at from: an equirectangular (plate carrée) projection, x = longitude
// and y = latitude in degrees, scaled uniformly to screen pixels, panned and zoomed; the world repeats
// every 360 degrees of longitude so panning east or west never runs off its edge. Equirectangular
// because it is affine in (lon, lat): the mesh triangulated in degrees stays exact, the inverse
// (ScreenToLonLat, for hovering) is exact, and the shader needs one scale and one offset. No GL here.
#pragma once

#include "world_mesh.hpp"

namespace kz {

/// A point on screen, in the units of the caller's viewport (ImGui's: CSS pixels, y down).
struct ScreenPoint {
  double x = 0.0;
  double y = 0.0;
};

/// The screen rectangle the map fills, in the same units as ScreenPoint.
struct MapViewport {
  double x = 0.0, y = 0.0;
  double width = 1.0, height = 1.0;

  bool operator==(const MapViewport&) const = default;
};

/// Pan and zoom. Zoom 1 fits the whole world (360 x 180 degrees) into the viewport.
struct MapView {
  LonLat center{15.0, 15.0};  ///< the point at the viewport's centre, degrees
  double zoom = 1.0;          ///< 1..kMaxZoom

  bool operator==(const MapView&) const = default;

  static constexpr double kMinZoom = 1.0;
  static constexpr double kMaxZoom = 12.0;
};

/// Screen units per degree at this view (the same along both axes).
double PixelsPerDegree(const MapView& view, const MapViewport& viewport);
ScreenPoint LonLatToScreen(const MapView& view, const MapViewport& viewport, LonLat point);
LonLat ScreenToLonLat(const MapView& view, const MapViewport& viewport, ScreenPoint point);

/// Moves the map by a drag of `delta` screen units (the map follows the pointer).
void PanBy(MapView& view, const MapViewport& viewport, ScreenPoint delta);
/// Multiplies the zoom by `factor` keeping the point under `anchor` fixed (wheel zoom about the cursor).
void ZoomAbout(MapView& view, const MapViewport& viewport, ScreenPoint anchor, double factor);
/// Keeps the zoom in range and the centre latitude inside the world, so the map cannot be lost off
/// screen; wraps the centre longitude (the map repeats east and west, see WorldMap::Draw).
void ClampView(MapView& view);
/// The same longitude in -180..180.
double WrapLongitude(double lon);

/// Clip-space transform for a shader: clip = lonLat * scale + offset ({scaleX, scaleY, offsetX, offsetY}).
struct ClipTransform {
  float scaleX = 1, scaleY = 1, offsetX = 0, offsetY = 0;
};
/// For a viewport that covers the whole framebuffer (its x and y are taken as 0).
ClipTransform ClipTransformOf(const MapView& view, const MapViewport& viewport);
/// For a viewport anywhere on a surface `surfaceWidth` x `surfaceHeight` (in the viewport's units)
/// that the framebuffer covers: the map drawn where LonLatToScreen puts it, e.g. an area beside the
/// panels rather than the whole canvas.
ClipTransform ClipTransformOf(const MapView& view, const MapViewport& viewport, double surfaceWidth, double surfaceHeight);

}  // namespace kz
