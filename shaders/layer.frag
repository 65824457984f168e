#version 300 es
// The world map's cached layer coloured for this frame (src/render/world_map.cpp, "Layer"): the layer
// holds the backdrop, ocean and outlines as colour, with alpha = how much of the land colour shows
// (1 on land, 0.15 under a border line, 0 elsewhere), and the slots texture holds each land pixel's
// region (slot + 1; 0 = none). So a new run recolours the map without redrawing its geometry.
precision highp float;
uniform sampler2D uLayer;
uniform sampler2D uSlots;
uniform vec4 uColours[32];  // per scenario region, RGBA
uniform int uColourCount;   // how many of uColours are set
uniform vec4 uNeutral;      // land whose region has no colour
out vec4 outColor;

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  vec4 layer = texelFetch(uLayer, pixel, 0);
  int slot = int(texelFetch(uSlots, pixel, 0).r * 255.0 + 0.5) - 1;
  vec4 land = (slot >= 0 && slot < uColourCount) ? uColours[slot] : uNeutral;
  outColor = vec4(layer.rgb + land.rgb * layer.a, 1.0);
}
