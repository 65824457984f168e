#version 300 es
// Dear ImGui's vertices: positions in ImGui's display units (y down), font-atlas uv, packed RGBA colour.
in vec2 aPosition;
in vec2 aUv;
in vec4 aColour;          // normalised from 4 unsigned bytes
uniform vec4 uTransform;  // clip = aPosition * uTransform.xy + uTransform.zw (an orthographic projection)
out vec2 vUv;
out vec4 vColour;
void main() {
  vUv = aUv;
  vColour = aColour;
  gl_Position = vec4(aPosition * uTransform.xy + uTransform.zw, 0.0, 1.0);
}
