// The world map in WebGL2: ocean with graticule, countries filled with their region's colour, country
// outlines, and trade-flow arcs on top (shaders/map.*, shaders/flow.*). Geometry comes from a parsed
// WorldMesh (world_mesh.hpp); what to show comes from the app as a MapScene (map_scene.hpp).
// Under software WebGL the geometry (three world copies of 10k triangles and 10k border lines) cost
// more than the rest of the frame, so it is drawn into a cached layer only when the view or the
// canvas changes; each frame colours that layer by region in one pass and draws the flows over it.
#pragma once

#include <GLES3/gl3.h>

#include <span>
#include <string>
#include <vector>

#include "backdrop.hpp"
#include "flow_geometry.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "world_mesh.hpp"

namespace kz {

/// How the map looks where the scene says nothing.
struct MapStyle {
  std::array<float, 4> neutral{0.24f, 0.29f, 0.35f, 1.0f};  ///< land of regions without a colour
  std::array<float, 4> outline{0.05f, 0.08f, 0.12f, 0.85f};  ///< country borders
};

class WorldMap {
 public:
  /// Maximum number of scenario regions with their own colour (the shader's uniform array).
  static constexpr int kMaxRegions = 32;

  /// Uploads the mesh; countries are coloured by their region's index in `scenarioRegionIds`.
  /// Returns false with `error` set if the GL driver rejects the shaders.
  bool Init(const WorldMesh& mesh, std::span<const std::string> scenarioRegionIds, std::string& error);
  /// Draws over the whole framebuffer, on `ground` (drawn first, where the world does not reach).
  /// `viewport` is the canvas in CSS pixels (the units of `view`'s screen points); `timeSeconds`
  /// animates the flows. Leaves blending disabled.
  void Draw(const MapView& view, const MapViewport& viewport, int framebufferWidth, int framebufferHeight,
            float pixelRatio, const MapScene& scene, double timeSeconds, const Backdrop& ground);
  /// Releases GL objects. Safe to call twice.
  void Shutdown();

  MapStyle style;

 private:
  // What the cached layer was drawn for: when any of it changes, the layer is redrawn.
  struct LayerKey {
    MapView view;
    MapViewport viewport;
    int framebufferWidth = 0, framebufferHeight = 0;
    float pixelRatio = 0.0f;
    std::array<float, 4> outline{};
    bool operator==(const LayerKey&) const = default;
  };
  enum class Pass { Colour, Slots };
  void UpdateLayer(const LayerKey& key, const Backdrop& ground);
  void DrawWorld(const ClipTransform& transform, Pass pass) const;
  void DrawLayer(const MapScene& scene) const;
  void UpdateFlows(const MapView& view, const MapViewport& viewport, int framebufferWidth, int framebufferHeight,
                   float pixelRatio, const MapScene& scene);
  void DrawFlows(int framebufferWidth, int framebufferHeight, float pixelRatio, double timeSeconds) const;

  GLuint mapProgram = 0, flowProgram = 0, layerProgram = 0;
  GLuint layerFramebuffers[2] = {0, 0}, layerTextures[2] = {0, 0};  // colour + land weight; region slots
  LayerKey layerKey;
  bool layerReady = false;
  GLint layerColoursLocation = -1, layerColourCountLocation = -1, layerNeutralLocation = -1;
  GLuint landArray = 0, landBuffer = 0, triangleBuffer = 0, outlineBuffer = 0;
  GLuint oceanArray = 0, oceanBuffer = 0;
  GLuint flowArray = 0, flowBuffer = 0;
  GLsizei triangleCount = 0, outlineCount = 0;
  GLint transformLocation = -1, modeLocation = -1, coloursLocation = -1, colourCountLocation = -1;
  GLint neutralLocation = -1, outlineLocation = -1;
  GLint resolutionLocation = -1, timeLocation = -1, pixelRatioLocation = -1;
  // The flow arcs are in framebuffer pixels: rebuilt and uploaded only when what they depend on
  // changes (view, viewport, framebuffer, flows, anchors); the animation is the uTime uniform alone.
  struct FlowKey {
    MapView view;
    MapViewport viewport;
    int framebufferWidth = 0, framebufferHeight = 0;
    float pixelRatio = 0.0f;
    std::vector<LonLat> anchors;
    std::vector<MapFlow> flows;
    bool operator==(const FlowKey&) const = default;
  };
  FlowKey flowKey;
  bool flowsUploaded = false;
  std::vector<FlowVertex> flowVertices;  // kept to reuse its allocation
  GLsizei flowVertexCount = 0;           // in flowBuffer
};

}  // namespace kz
