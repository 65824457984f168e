// Building flow arcs on the CPU (few routes, a few thousand vertices per frame): simpler than a
// geometry-expanding shader, and testable without GL.
#include "flow_geometry.hpp"

#include <algorithm>
#include <cmath>

namespace kz {
namespace {

constexpr int kSegments = 40;
constexpr double kBow = 0.22;          // control point offset, as a share of the chord length
constexpr double kMinWidth = 1.5;      // CSS px, the thinnest visible route
constexpr double kWidthPerVolume = 7;  // CSS px added at the largest volume
constexpr double kCrossHalf = 6.0;     // CSS px, half the size of the restriction cross
constexpr double kHalo = 1.5;          // CSS px of dark band each side of an arc or marker
constexpr std::array<float, 4> kHaloColour{0.02f, 0.03f, 0.05f, 0.55f};

struct P {
  double x, y;
};

P Lerp(P a, P b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

P Bezier(P a, P c, P b, double t) { return Lerp(Lerp(a, c, t), Lerp(c, b, t), t); }

P Normalised(P v) {
  const double length = std::hypot(v.x, v.y);
  return length > 1e-9 ? P{v.x / length, v.y / length} : P{0.0, 0.0};
}

void Quad(std::vector<FlowVertex>& out, const std::array<FlowVertex, 4>& c) {
  for (int i : {0, 1, 2, 2, 1, 3}) out.push_back(c[static_cast<std::size_t>(i)]);
}

FlowVertex Vertex(P p, float u, float v, const std::array<float, 4>& colour, FlowStyle style) {
  return {static_cast<float>(p.x), static_cast<float>(p.y), u, v, colour[0], colour[1], colour[2], colour[3],
          static_cast<float>(style)};
}

// A straight bar from a to b (the cross's strokes).
void Bar(std::vector<FlowVertex>& out, P a, P b, double halfWidth, const std::array<float, 4>& colour,
         FlowStyle style) {
  const P d = Normalised({b.x - a.x, b.y - a.y});
  const P n{-d.y * halfWidth, d.x * halfWidth};
  Quad(out, {Vertex({a.x + n.x, a.y + n.y}, 0, 1, colour, style), Vertex({a.x - n.x, a.y - n.y}, 0, -1, colour, style),
             Vertex({b.x + n.x, b.y + n.y}, 0, 1, colour, style), Vertex({b.x - n.x, b.y - n.y}, 0, -1, colour, style)});
}

void Arc(std::vector<FlowVertex>& out, P from, P to, double halfWidth, const std::array<float, 4>& colour,
         FlowStyle style) {
  // Bow toward the top of the screen (the pole), as great circles do on this projection.
  const P chord{to.x - from.x, to.y - from.y};
  P normal = Normalised({chord.y, -chord.x});
  if (normal.y > 0) normal = {-normal.x, -normal.y};
  const double bow = kBow * std::hypot(chord.x, chord.y);
  const P control{0.5 * (from.x + to.x) + normal.x * bow, 0.5 * (from.y + to.y) + normal.y * bow};
  std::array<P, kSegments + 1> points;
  for (int i = 0; i <= kSegments; ++i) points[static_cast<std::size_t>(i)] = Bezier(from, control, to, double(i) / kSegments);
  double along = 0.0;
  for (int i = 0; i < kSegments; ++i) {
    const P a = points[static_cast<std::size_t>(i)], b = points[static_cast<std::size_t>(i + 1)];
    const P d = Normalised({b.x - a.x, b.y - a.y});
    const P n{-d.y * halfWidth, d.x * halfWidth};
    const double next = along + std::hypot(b.x - a.x, b.y - a.y);
    const float u0 = static_cast<float>(along), u1 = static_cast<float>(next);
    Quad(out, {Vertex({a.x + n.x, a.y + n.y}, u0, 1, colour, style), Vertex({a.x - n.x, a.y - n.y}, u0, -1, colour, style),
               Vertex({b.x + n.x, b.y + n.y}, u1, 1, colour, style), Vertex({b.x - n.x, b.y - n.y}, u1, -1, colour, style)});
    along = next;
  }
}

}  // namespace

std::array<float, 4> FlowColour(float disruption01) {
  const float t = std::clamp(disruption01, 0.0f, 1.0f);
  // Kept below the luminance of UI text even at a pulse's peak (flow.frag brightens by up to 10%).
  const std::array<float, 3> calm{0.30f, 0.58f, 0.70f}, amber{0.90f, 0.60f, 0.20f}, red{0.92f, 0.25f, 0.22f};
  const std::array<float, 3>& a = t < 0.5f ? calm : amber;
  const std::array<float, 3>& b = t < 0.5f ? amber : red;
  const float s = t < 0.5f ? t * 2.0f : t * 2.0f - 1.0f;
  return {a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s, 0.9f};
}

void BuildFlowGeometry(const MapView& view, const MapViewport& viewport, double pixelRatio,
                       const MapScene& scene, std::vector<FlowVertex>& out) {
  const int anchors = static_cast<int>(scene.regionAnchors.size());
  auto toPixels = [&](LonLat point) {
    const ScreenPoint s = LonLatToScreen(view, viewport, point);
    return P{s.x * pixelRatio, s.y * pixelRatio};
  };
  for (const MapFlow& flow : scene.flows) {
    if (flow.fromRegion < 0 || flow.toRegion < 0 || flow.fromRegion >= anchors || flow.toRegion >= anchors ||
        flow.fromRegion == flow.toRegion) {
      continue;
    }
    const P from = toPixels(scene.regionAnchors[static_cast<std::size_t>(flow.fromRegion)]);
    const P to = toPixels(scene.regionAnchors[static_cast<std::size_t>(flow.toRegion)]);
    const double halfWidth = 0.5 * pixelRatio * (kMinWidth + kWidthPerVolume * std::clamp(flow.volume01, 0.0f, 1.0f));
    const auto colour = flow.restricted ? FlowColour(1.0f) : FlowColour(flow.disruption01);
    Arc(out, from, to, halfWidth + kHalo * pixelRatio, kHaloColour, FlowStyle::Halo);
    Arc(out, from, to, halfWidth, colour, flow.restricted ? FlowStyle::Restricted : FlowStyle::Moving);
    if (!flow.restricted) continue;
    // The cross sits on the arc's midpoint (the Bézier at t = 0.5 is a quarter of the way to the control).
    const P chord{to.x - from.x, to.y - from.y};
    P normal = Normalised({chord.y, -chord.x});
    if (normal.y > 0) normal = {-normal.x, -normal.y};
    const double bow = 0.5 * kBow * std::hypot(chord.x, chord.y);
    const P mid{0.5 * (from.x + to.x) + normal.x * bow, 0.5 * (from.y + to.y) + normal.y * bow};
    const double h = kCrossHalf * pixelRatio, w = 1.6 * pixelRatio;
    const std::array<float, 4> red{0.95f, 0.20f, 0.18f, 1.0f};
    const double halo = w + kHalo * pixelRatio;
    Bar(out, {mid.x - h, mid.y - h}, {mid.x + h, mid.y + h}, halo, kHaloColour, FlowStyle::Halo);
    Bar(out, {mid.x - h, mid.y + h}, {mid.x + h, mid.y - h}, halo, kHaloColour, FlowStyle::Halo);
    Bar(out, {mid.x - h, mid.y - h}, {mid.x + h, mid.y + h}, w, red, FlowStyle::Solid);
    Bar(out, {mid.x - h, mid.y + h}, {mid.x + h, mid.y - h}, w, red, FlowStyle::Solid);
  }
}

}  // namespace kz
