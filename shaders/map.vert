#version 300 es
// World map land, outlines and ocean: positions in degrees (lon, lat), projected equirectangularly by
// one scale and offset (src/render/map_view.hpp, ClipTransformOf).
in vec2 aLonLat;
in float aSlot;           // the scenario region index of the vertex's country; -1 = none
uniform vec4 uTransform;  // clip = aLonLat * uTransform.xy + uTransform.zw
out vec2 vLonLat;
flat out int vSlot;
void main() {
  vLonLat = aLonLat;
  vSlot = int(aSlot);
  gl_Position = vec4(aLonLat * uTransform.xy + uTransform.zw, 0.0, 1.0);
}
