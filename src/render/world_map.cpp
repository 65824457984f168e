// World map drawing. Section index:
//   Init      upload land (lon, lat, region slot), triangles, outline lines, the ocean quad
//   Layer     backdrop, ocean, land and outlines drawn into two textures when the view changes
//   Draw      the layer coloured by region, then the flows (built on the CPU when they change)
#include "world_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "gl_program.hpp"
#include "kizuna_shaders.hpp"

namespace kz {
namespace {

void* Offset(std::size_t bytes) { return reinterpret_cast<void*>(bytes); }

// Land vertices: (lon, lat, slot), the slot being the scenario index of the country's region.
std::vector<float> LandVertices(const WorldMesh& mesh, std::span<const std::string> scenarioRegionIds) {
  const std::vector<int> slots = mesh.RegionSlots(scenarioRegionIds);
  const std::vector<float>& positions = mesh.Vertices();
  std::vector<float> slotOfVertex(positions.size() / 2, -1.0f);
  for (const MeshCountry& country : mesh.Countries()) {
    const float slot = static_cast<float>(slots[static_cast<std::size_t>(country.region)]);
    for (std::uint32_t r = country.firstRing; r < country.firstRing + country.ringCount; ++r) {
      const MeshRing& ring = mesh.Rings()[r];
      std::fill_n(slotOfVertex.begin() + ring.firstVertex, ring.vertexCount, slot);
    }
  }
  std::vector<float> out;
  out.reserve(slotOfVertex.size() * 3);
  for (std::size_t v = 0; v < slotOfVertex.size(); ++v) {
    out.insert(out.end(), {positions[2 * v], positions[2 * v + 1], slotOfVertex[v]});
  }
  return out;
}

// Outlines as GL_LINES pairs, closing each ring.
std::vector<std::uint32_t> OutlineIndices(const WorldMesh& mesh) {
  std::vector<std::uint32_t> out;
  for (const MeshRing& ring : mesh.Rings()) {
    for (std::uint32_t i = 0; i < ring.vertexCount; ++i) {
      out.push_back(ring.firstVertex + i);
      out.push_back(ring.firstVertex + (i + 1) % ring.vertexCount);
    }
  }
  return out;
}

void LandAttributes(GLuint program) {
  const GLint position = glGetAttribLocation(program, "aLonLat");
  const GLint slot = glGetAttribLocation(program, "aSlot");
  glEnableVertexAttribArray(static_cast<GLuint>(position));
  glVertexAttribPointer(static_cast<GLuint>(position), 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), Offset(0));
  glEnableVertexAttribArray(static_cast<GLuint>(slot));
  glVertexAttribPointer(static_cast<GLuint>(slot), 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), Offset(2 * sizeof(float)));
}

void FlowAttribute(GLuint program, const char* name, int components, std::size_t offsetFloats) {
  const GLint location = glGetAttribLocation(program, name);
  if (location < 0) return;  // optimised away
  glEnableVertexAttribArray(static_cast<GLuint>(location));
  glVertexAttribPointer(static_cast<GLuint>(location), components, GL_FLOAT, GL_FALSE, sizeof(FlowVertex),
                        Offset(offsetFloats * sizeof(float)));
}

}  // namespace

bool WorldMap::Init(const WorldMesh& mesh, std::span<const std::string> scenarioRegionIds, std::string& error) {
  mapProgram = CompileProgram(shaders::kMapVert, shaders::kMapFrag, error);
  if (mapProgram == 0) return false;
  flowProgram = CompileProgram(shaders::kFlowVert, shaders::kFlowFrag, error);
  if (flowProgram == 0) return false;
  layerProgram = CompileProgram(shaders::kBackdropVert, shaders::kLayerFrag, error);  // a full-screen triangle
  if (layerProgram == 0) return false;
  layerColoursLocation = glGetUniformLocation(layerProgram, "uColours");
  layerColourCountLocation = glGetUniformLocation(layerProgram, "uColourCount");
  layerNeutralLocation = glGetUniformLocation(layerProgram, "uNeutral");
  glUseProgram(layerProgram);
  glUniform1i(glGetUniformLocation(layerProgram, "uLayer"), 0);  // texture units, set once
  glUniform1i(glGetUniformLocation(layerProgram, "uSlots"), 1);
  glUseProgram(0);
  glGenFramebuffers(2, layerFramebuffers);
  glGenTextures(2, layerTextures);
  transformLocation = glGetUniformLocation(mapProgram, "uTransform");
  modeLocation = glGetUniformLocation(mapProgram, "uMode");
  coloursLocation = glGetUniformLocation(mapProgram, "uColours");
  colourCountLocation = glGetUniformLocation(mapProgram, "uColourCount");
  neutralLocation = glGetUniformLocation(mapProgram, "uNeutral");
  outlineLocation = glGetUniformLocation(mapProgram, "uOutline");
  resolutionLocation = glGetUniformLocation(flowProgram, "uResolution");
  timeLocation = glGetUniformLocation(flowProgram, "uTime");
  pixelRatioLocation = glGetUniformLocation(flowProgram, "uPixelRatio");

  const std::vector<float> land = LandVertices(mesh, scenarioRegionIds);
  const std::vector<std::uint32_t> outlines = OutlineIndices(mesh);
  triangleCount = static_cast<GLsizei>(mesh.Indices().size());
  outlineCount = static_cast<GLsizei>(outlines.size());
  glGenVertexArrays(1, &landArray);
  glBindVertexArray(landArray);
  glGenBuffers(1, &landBuffer);
  glBindBuffer(GL_ARRAY_BUFFER, landBuffer);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(land.size() * sizeof(float)), land.data(), GL_STATIC_DRAW);
  LandAttributes(mapProgram);
  glGenBuffers(1, &triangleBuffer);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, triangleBuffer);  // recorded in landArray
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.Indices().size() * sizeof(std::uint32_t)),
               mesh.Indices().data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  glGenBuffers(1, &outlineBuffer);  // bound over the triangles while drawing outlines
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, outlineBuffer);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(outlines.size() * sizeof(std::uint32_t)),
               outlines.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);

  const float ocean[] = {-180, -90, -1, 180, -90, -1, -180, 90, -1, 180, 90, -1};
  glGenVertexArrays(1, &oceanArray);
  glBindVertexArray(oceanArray);
  glGenBuffers(1, &oceanBuffer);
  glBindBuffer(GL_ARRAY_BUFFER, oceanBuffer);
  glBufferData(GL_ARRAY_BUFFER, sizeof(ocean), ocean, GL_STATIC_DRAW);
  LandAttributes(mapProgram);

  glGenVertexArrays(1, &flowArray);
  glBindVertexArray(flowArray);
  glGenBuffers(1, &flowBuffer);
  glBindBuffer(GL_ARRAY_BUFFER, flowBuffer);
  FlowAttribute(flowProgram, "aPosition", 2, 0);
  FlowAttribute(flowProgram, "aUv", 2, 2);
  FlowAttribute(flowProgram, "aColour", 4, 4);
  FlowAttribute(flowProgram, "aStyle", 1, 8);
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  return true;
}

// --- Layer ---------------------------------------------------------------------------------------

// One pass over the world copies that reach the screen (clip x in -1..1; the world repeats east and
// west). Colour pass: per copy the ocean, the land and the borders, as drawn straight to the screen
// before the layer existed, except that land is black with alpha 1 and alpha ends as the share of
// the land colour that shows (the ocean writes 0, a border line keeps 15%). Slots pass: land only,
// each pixel's region slot + 1 (the shader's colour table set to 1/255, 2/255, ...).
void WorldMap::DrawWorld(const ClipTransform& transform, Pass pass) const {
  glUseProgram(mapProgram);
  if (pass == Pass::Colour) {
    const std::array<float, 4> black{0.0f, 0.0f, 0.0f, 1.0f};
    glUniform1i(colourCountLocation, 0);
    glUniform4fv(neutralLocation, 1, black.data());
    glUniform4fv(outlineLocation, 1, style.outline.data());
  } else {
    std::array<std::array<float, 4>, kMaxRegions> slots{};
    for (int i = 0; i < kMaxRegions; ++i) slots[static_cast<std::size_t>(i)] = {static_cast<float>(i + 1) / 255.0f, 0.0f, 0.0f, 1.0f};
    const std::array<float, 4> none{0.0f, 0.0f, 0.0f, 1.0f};
    glUniform4fv(coloursLocation, kMaxRegions, slots.front().data());
    glUniform1i(colourCountLocation, kMaxRegions);
    glUniform4fv(neutralLocation, 1, none.data());
  }
  const float worldWidth = 360.0f * transform.scaleX;
  const int first = static_cast<int>(std::floor((-1.0f - (180.0f * transform.scaleX + transform.offsetX)) / worldWidth)) + 1;
  const int last = static_cast<int>(std::ceil((1.0f - (-180.0f * transform.scaleX + transform.offsetX)) / worldWidth)) - 1;
  for (int copy = first; copy <= last; ++copy) {
    glUniform4f(transformLocation, transform.scaleX, transform.scaleY, transform.offsetX + copy * worldWidth,
                transform.offsetY);
    if (pass == Pass::Colour) {
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ZERO);  // ocean: no land shows
      glUniform1i(modeLocation, 2);
      glBindVertexArray(oceanArray);
      glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ZERO);  // land: all of it shows
    }
    glUniform1i(modeLocation, 0);
    glBindVertexArray(landArray);
    glDrawElements(GL_TRIANGLES, triangleCount, GL_UNSIGNED_INT, Offset(0));
    if (pass == Pass::Colour) {
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE_MINUS_SRC_ALPHA);  // borders
      glUniform1i(modeLocation, 1);
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, outlineBuffer);
      glDrawElements(GL_LINES, outlineCount, GL_UNSIGNED_INT, Offset(0));
      glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, triangleBuffer);  // landArray keeps its triangles
    }
    glBindVertexArray(0);
  }
}

void WorldMap::UpdateLayer(const LayerKey& key, const Backdrop& ground) {
  if (layerReady && key == layerKey) return;
  const bool resized = !layerReady || key.framebufferWidth != layerKey.framebufferWidth ||
                       key.framebufferHeight != layerKey.framebufferHeight;
  layerKey = key;
  layerReady = true;
  const int width = key.framebufferWidth, height = key.framebufferHeight;
  if (resized) {
    const GLenum formats[2] = {GL_RGBA8, GL_R8};
    for (int i = 0; i < 2; ++i) {
      glBindTexture(GL_TEXTURE_2D, layerTextures[i]);
      glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(formats[i]), width, height, 0, i == 0 ? GL_RGBA : GL_RED,
                   GL_UNSIGNED_BYTE, nullptr);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
      glBindFramebuffer(GL_FRAMEBUFFER, layerFramebuffers[i]);
      glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, layerTextures[i], 0);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
  }
  // The layer covers the whole canvas; the map lies in its area (the viewport), as the flows and
  // hovering place it.
  const ClipTransform transform = ClipTransformOf(key.view, key.viewport, width / key.pixelRatio, height / key.pixelRatio);

  glBindFramebuffer(GL_FRAMEBUFFER, layerFramebuffers[0]);
  ground.Draw(width, height, key.pixelRatio);  // opaque, blending off
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_TRUE);  // no land under the backdrop
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glEnable(GL_BLEND);
  DrawWorld(transform, Pass::Colour);
  glDisable(GL_BLEND);

  glBindFramebuffer(GL_FRAMEBUFFER, layerFramebuffers[1]);
  glViewport(0, 0, width, height);
  glClear(GL_COLOR_BUFFER_BIT);
  DrawWorld(transform, Pass::Slots);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

// --- Draw ----------------------------------------------------------------------------------------

void WorldMap::DrawLayer(const MapScene& scene) const {
  glUseProgram(layerProgram);
  const int colourCount = std::min<int>(kMaxRegions, static_cast<int>(scene.regionColours.size()));
  if (colourCount > 0) glUniform4fv(layerColoursLocation, colourCount, scene.regionColours.front().data());
  glUniform1i(layerColourCountLocation, colourCount);
  glUniform4fv(layerNeutralLocation, 1, style.neutral.data());
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, layerTextures[1]);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, layerTextures[0]);
  glBindVertexArray(oceanArray);  // any vertex array: the triangle comes from gl_VertexID
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, 0);  // a texture sampled while it is a render target is an error
  glActiveTexture(GL_TEXTURE0);
}

void WorldMap::UpdateFlows(const MapView& view, const MapViewport& viewport, int framebufferWidth, int framebufferHeight,
                           float pixelRatio, const MapScene& scene) {
  const bool same = flowsUploaded && flowKey.view == view && flowKey.viewport == viewport &&
                    flowKey.framebufferWidth == framebufferWidth && flowKey.framebufferHeight == framebufferHeight &&
                    flowKey.pixelRatio == pixelRatio && flowKey.anchors == scene.regionAnchors && flowKey.flows == scene.flows;
  if (same) return;
  flowKey = FlowKey{view, viewport, framebufferWidth, framebufferHeight, pixelRatio, scene.regionAnchors, scene.flows};
  flowsUploaded = true;
  flowVertices.clear();
  BuildFlowGeometry(view, viewport, pixelRatio, scene, flowVertices);
  flowVertexCount = static_cast<GLsizei>(flowVertices.size());
  if (flowVertices.empty()) return;
  glBindBuffer(GL_ARRAY_BUFFER, flowBuffer);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(flowVertices.size() * sizeof(FlowVertex)), flowVertices.data(),
               GL_DYNAMIC_DRAW);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void WorldMap::DrawFlows(int framebufferWidth, int framebufferHeight, float pixelRatio, double timeSeconds) const {
  if (flowVertexCount == 0) return;
  glUseProgram(flowProgram);
  glUniform2f(resolutionLocation, static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight));
  // Wrapped to an hour so single precision keeps the animation smooth in long sessions.
  glUniform1f(timeLocation, static_cast<float>(timeSeconds - 3600.0 * static_cast<long long>(timeSeconds / 3600.0)));
  glUniform1f(pixelRatioLocation, pixelRatio);
  glBindVertexArray(flowArray);
  glDrawArrays(GL_TRIANGLES, 0, flowVertexCount);
  glBindVertexArray(0);
}

void WorldMap::Draw(const MapView& view, const MapViewport& viewport, int framebufferWidth, int framebufferHeight,
                    float pixelRatio, const MapScene& scene, double timeSeconds, const Backdrop& ground) {
  if (mapProgram == 0 || flowProgram == 0 || layerProgram == 0) return;
  UpdateLayer(LayerKey{view, viewport, framebufferWidth, framebufferHeight, pixelRatio, style.outline}, ground);
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  glDisable(GL_BLEND);
  DrawLayer(scene);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  UpdateFlows(view, viewport, framebufferWidth, framebufferHeight, pixelRatio, scene);
  DrawFlows(framebufferWidth, framebufferHeight, pixelRatio, timeSeconds);
  glDisable(GL_BLEND);
  glUseProgram(0);
}

void WorldMap::Shutdown() {
  for (GLuint* array : {&landArray, &oceanArray, &flowArray}) {
    if (*array != 0) glDeleteVertexArrays(1, array);
    *array = 0;
  }
  for (GLuint* buffer : {&landBuffer, &triangleBuffer, &outlineBuffer, &oceanBuffer, &flowBuffer}) {
    if (*buffer != 0) glDeleteBuffers(1, buffer);
    *buffer = 0;
  }
  for (GLuint* program : {&mapProgram, &flowProgram, &layerProgram}) {
    if (*program != 0) glDeleteProgram(*program);
    *program = 0;
  }
  if (layerFramebuffers[0] != 0) glDeleteFramebuffers(2, layerFramebuffers);
  if (layerTextures[0] != 0) glDeleteTextures(2, layerTextures);
  layerFramebuffers[0] = layerFramebuffers[1] = layerTextures[0] = layerTextures[1] = 0;
  layerReady = false;
  flowsUploaded = false;
  flowVertexCount = 0;
}

}  // namespace kz
