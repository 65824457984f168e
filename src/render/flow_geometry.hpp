// Trade-flow arcs as triangles in framebuffer pixels: a quadratic Bézier between two regions' anchors,
// bowed toward the pole like a great circle, as wide as its volume, coloured by its disruption;
// restricted routes get a dashed style and a cross at the midpoint; a dark halo under each keeps them
// legible on land of any colour. No GL: world_map.cpp uploads it.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "map_scene.hpp"
#include "map_view.hpp"

namespace kz {

/// Per-vertex styles the flow shader (shaders/flow.frag) understands.
enum class FlowStyle : int {
  Moving = 0,      ///< pulses travel from seller to buyer
  Restricted = 1,  ///< dashed: an export restriction binds
  Solid = 2,       ///< markers (the restriction cross)
  Halo = 3,        ///< a dark band under every arc and marker, so red reads on red land
};

/// One vertex: position (framebuffer pixels, y down), u = pixels along the arc, v = -1..1 across,
/// RGBA, style. Laid out as 9 floats for the vertex buffer.
struct FlowVertex {
  float x, y, u, v;
  float r, g, b, a;
  float style;
};

/// The arc colour for a disruption level: calm teal at 0 through amber to red at 1.
std::array<float, 4> FlowColour(float disruption01);

/// Appends the triangles of every flow (skipping flows whose regions have no anchor) to `out`.
/// `viewport` is in CSS pixels; `pixelRatio` converts to framebuffer pixels.
void BuildFlowGeometry(const MapView& view, const MapViewport& viewport, double pixelRatio,
                       const MapScene& scene, std::vector<FlowVertex>& out);

}  // namespace kz
