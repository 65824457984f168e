#version 300 es
// Arcs: soft edges; pulses travel from seller to buyer so the direction reads without arrowheads;
// restricted routes are dashed (and carry a solid cross); a dark halo lies under everything.
precision highp float;
in vec2 vUv;
in vec4 vColour;
flat in int vStyle;
uniform float uTime;        // seconds
uniform float uPixelRatio;  // device pixels per CSS pixel: patterns keep their size on high-DPI screens
out vec4 outColor;

void main() {
  float along = vUv.x / uPixelRatio;  // CSS pixels along the arc
  float edge = 1.0 - smoothstep(0.5, 1.0, abs(vUv.y));
  vec4 colour = vColour;
  if (vStyle == 0) {
    float phase = fract((along - uTime * 45.0) / 60.0);
    float pulse = smoothstep(0.0, 0.15, phase) * (1.0 - smoothstep(0.15, 0.5, phase));
    colour.rgb *= 0.85 + 0.25 * pulse;
    colour.a *= 0.6 + 0.4 * pulse;
  } else if (vStyle == 1) {
    if (fract(along / 12.0 - uTime * 0.6) > 0.55) discard;
  } else if (vStyle == 2) {
    edge = 1.0;
  }  // 3 = halo: the soft edge alone
  outColor = vec4(colour.rgb, colour.a * edge);
}
