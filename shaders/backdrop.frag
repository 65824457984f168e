#version 300 es
// Deep-ocean gradient with a faint 15-degree graticule: the ground the world map will be drawn on.
precision highp float;
in vec2 vUv;
uniform vec2 uResolution;   // framebuffer size in device pixels
uniform float uPixelRatio;  // device pixels per CSS pixel, so lines keep their width on high-DPI screens
out vec4 outColor;

float GridLine(float coordinate, float spacing, float halfWidth) {
  float distance = abs(fract(coordinate / spacing + 0.5) - 0.5) * spacing;
  return 1.0 - smoothstep(halfWidth - 0.5, halfWidth + 0.5, distance);
}

void main() {
  vec3 top = vec3(0.055, 0.090, 0.140);
  vec3 bottom = vec3(0.020, 0.035, 0.060);
  vec3 color = mix(bottom, top, vUv.y);
  // Equirectangular graticule: 360 x 180 degrees across the framebuffer, a line every 15 degrees.
  vec2 pixel = vUv * uResolution;
  vec2 spacing = uResolution / vec2(24.0, 12.0);
  float line = max(GridLine(pixel.x, spacing.x, 0.5 * uPixelRatio), GridLine(pixel.y, spacing.y, 0.5 * uPixelRatio));
  color += line * vec3(0.05, 0.08, 0.11);
  outColor = vec4(color, 1.0);
}
