#version 300 es
// Trade-flow arcs, built on the CPU in framebuffer pixels (src/render/flow_geometry.cpp).
in vec2 aPosition;  // framebuffer pixels, y down
in vec2 aUv;        // u = pixels along the arc, v = -1..1 across it
in vec4 aColour;
in float aStyle;    // FlowStyle: 0 moving, 1 restricted (dashed), 2 solid, 3 halo
uniform vec2 uResolution;
out vec2 vUv;
out vec4 vColour;
flat out int vStyle;
void main() {
  vUv = aUv;
  vColour = aColour;
  vStyle = int(aStyle + 0.5);
  vec2 clip = aPosition / uResolution * 2.0 - 1.0;
  gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}
