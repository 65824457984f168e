#version 300 es
// Colours the map: land by its region's colour, outlines in one colour, the ocean with a 15-degree
// graticule whose lines stay one device pixel wide at any zoom (fwidth).
precision highp float;
in vec2 vLonLat;
flat in int vSlot;
uniform int uMode;            // 0 = land, 1 = outline, 2 = ocean
uniform vec4 uColours[32];    // per scenario region, RGBA
uniform int uColourCount;     // how many of uColours are set
uniform vec4 uNeutral;        // land whose region has no colour
uniform vec4 uOutline;
out vec4 outColor;

float Graticule(vec2 degrees) {
  vec2 distance = abs(fract(degrees / 15.0 + 0.5) - 0.5) * 15.0;  // degrees to the nearest line
  vec2 pixels = distance / max(fwidth(degrees), vec2(1e-6));
  return 1.0 - smoothstep(0.5, 1.5, min(pixels.x, pixels.y));
}

void main() {
  if (uMode == 1) {
    outColor = uOutline;
  } else if (uMode == 2) {
    vec3 deep = mix(vec3(0.030, 0.055, 0.090), vec3(0.060, 0.100, 0.150), 0.5 + 0.5 * cos(radians(vLonLat.y)));
    outColor = vec4(deep + Graticule(vLonLat) * vec3(0.05, 0.08, 0.11), 1.0);
  } else {
    outColor = (vSlot >= 0 && vSlot < uColourCount) ? uColours[vSlot] : uNeutral;
  }
}
