#version 300 es
// Dear ImGui's pixels: vertex colour times the font atlas (white where there is no glyph).
precision mediump float;
in vec2 vUv;
in vec4 vColour;
uniform sampler2D uTexture;
out vec4 outColor;
void main() {
  outColor = vColour * texture(uTexture, vUv);
}
