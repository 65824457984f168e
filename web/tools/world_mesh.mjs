// Builds the world map mesh at build time (never committed): Natural Earth country shapes from the
// npm package world-atlas (countries-110m.json, TopoJSON), decoded with topojson-client, each
// polygon triangulated with earcut, each country tagged with its Kizuna region from
// assets/map/regions.json, written as a compact little-endian binary and as a C++ source that embeds it.
//
// Usage: node web/tools/world_mesh.mjs --regions assets/map/regions.json --bin out.bin [--cpp out.cpp]
//
// Coordinates stay in degrees (lon, lat), quantised to int16; the app projects them (equirectangular,
// src/render/map_view.hpp). Triangulating in lon/lat is exact for that projection (it is affine).
//
// Format "KZWM" version 1, all integers little-endian:
//   header    char[4] "KZWM", u32 version, u32 regionCount, u32 countryCount, u32 ringCount,
//             u32 vertexCount, u32 indexCount                                         (28 bytes)
//   regions   regionCount x char[4]: region id, ASCII, NUL-padded (e.g. "SEA\0")
//   countries countryCount x { u16 isoNumeric (0 = none), u8 region, u8 0, u32 firstRing,
//             u32 ringCount, u32 firstIndex, u32 indexCount }                           (20 bytes)
//   rings     ringCount x { u32 firstVertex, u32 vertexCount }: closed outlines (last != first)
//   vertices  vertexCount x { i16 lon * 32767/180, i16 lat * 32767/90 }
//   indices   indexCount x u16: triangles, relative to the country's first vertex
//   padding   to a multiple of 4 bytes
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import earcut from 'earcut';

const require = createRequire(import.meta.url);
const topojson = require('topojson-client');

export const MAGIC = 'KZWM';
export const VERSION = 1;
const LON_SCALE = 32767 / 180;
const LAT_SCALE = 32767 / 90;

/// Reads the region table: { default, codeToRegion: Map(isoNumeric -> region id), regionIds }.
export function readRegionTable(file) {
  const table = JSON.parse(fs.readFileSync(file, 'utf8'));
  const codeToRegion = new Map();
  for (const [region, codes] of Object.entries(table.regions)) {
    for (const code of Object.keys(codes)) {
      if (codeToRegion.has(code)) throw new Error(`${file}: ${code} is in both ${codeToRegion.get(code)} and ${region}`);
      codeToRegion.set(code, region);
    }
  }
  const regionIds = [...Object.keys(table.regions), table.default];
  for (const id of regionIds) if (id.length > 4) throw new Error(`${file}: region id ${id} is longer than 4 characters`);
  return { defaultRegion: table.default, codeToRegion, regionIds };
}

// Drops the repeated closing point TopoJSON rings carry, and points that quantise onto their
// predecessor (degenerate edges would make earcut emit slivers).
function QuantisedRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const q = [Math.round(lon * LON_SCALE), Math.round(lat * LAT_SCALE)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

// Natural Earth rings that cross the antimeridian (Fiji, Chukotka) jump from 180 to -180 and back,
// which would triangulate into a band across the whole map. Such a ring is unwrapped into continuous
// longitudes (beyond +-180). A ring that winds round a pole (Antarctica) is closed through the pole
// instead: TopoJSON closes it with a straight edge along its last latitude, which on this projection
// cuts across the continent.
function Unwrapped(ring) {
  const out = [ring[0]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > 180) offset -= 360;
    if (step < -180) offset += 360;
    out.push([ring[i][0] + offset, ring[i][1]]);
  }
  if (offset === 0) return out;
  const pole = ring.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
  const open = ring.slice(0, -1);  // without the repeated first point
  return [...open, [open[open.length - 1][0], pole], [open[0][0], pole], open[0]];
}

// Keeps the part of a ring on one side of the meridian `lon` (Sutherland-Hodgman against a half
// plane; a concave ring may come back with zero-width bridges along the cut, which earcut accepts).
function ClippedRing(ring, lon, keepWest) {
  const inside = (p) => (keepWest ? p[0] <= lon : p[0] >= lon);
  const out = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (inside(a)) out.push(a);
    if (inside(a) !== inside(b)) {
      const t = (lon - a[0]) / (b[0] - a[0]);
      out.push([lon, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

// The polygon unwrapped, then cut at +-180 with the far piece moved back by 360 degrees, so every
// coordinate stays within the map and both edges show their part.
function AntimeridianPieces(polygon) {
  const rings = polygon.map(Unwrapped);
  const lons = rings[0].map((p) => p[0]);
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  if (west >= -180 && east <= 180) return [rings];
  const edge = east > 180 ? 180 : -180;
  const shift = east > 180 ? -360 : 360;
  const near = rings.map((ring) => ClippedRing(ring, edge, edge === 180));
  const far = rings.map((ring) => ClippedRing(ring, edge, edge !== 180).map(([lon, lat]) => [lon + shift, lat]));
  return [near, far].map((piece) => piece.filter((ring) => ring.length >= 3)).filter((piece) => piece.length > 0);
}

function PolygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/// Decodes, triangulates and tags every country. Returns { regionIds, countries, rings, vertices, indices }
/// where vertices are [x, y] int16 pairs and indices are relative to each country's first vertex.
export function buildMesh({ atlas, regions }) {
  const { codeToRegion, defaultRegion, regionIds } = regions;
  const features = topojson.feature(atlas, atlas.objects.countries).features;
  const countries = [];
  const rings = [];
  const vertices = [];
  const indices = [];
  for (const feature of features) {
    const code = feature.id ?? '';
    const country = { iso: code ? Number(code) : 0, name: feature.properties?.name ?? '',
      region: regionIds.indexOf(codeToRegion.get(code) ?? defaultRegion),
      firstRing: rings.length, ringCount: 0, firstIndex: indices.length, indexCount: 0 };
    const countryFirstVertex = vertices.length;
    for (const polygon of PolygonsOf(feature.geometry).flatMap(AntimeridianPieces)) {
      const flat = [];
      const holes = [];
      const polygonFirstVertex = vertices.length;
      for (const ring of polygon) {
        const points = QuantisedRing(ring);
        if (points.length < 3) continue;
        if (flat.length > 0) holes.push(flat.length / 2);
        rings.push({ firstVertex: vertices.length, vertexCount: points.length });
        for (const p of points) { vertices.push(p); flat.push(p[0], p[1]); }
      }
      if (flat.length === 0) continue;
      for (const i of earcut(flat, holes.length ? holes : null, 2)) {
        indices.push(polygonFirstVertex - countryFirstVertex + i);
      }
    }
    country.ringCount = rings.length - country.firstRing;
    country.indexCount = indices.length - country.firstIndex;
    if (vertices.length - countryFirstVertex > 65535) throw new Error(`${country.name}: too many vertices for u16 indices`);
    if (country.ringCount > 0) countries.push(country);
  }
  return { regionIds, countries, rings, vertices, indices };
}

/// Serialises a mesh from buildMesh into the "KZWM" format described at the top of this file.
export function encodeMesh(mesh) {
  const size = 28 + mesh.regionIds.length * 4 + mesh.countries.length * 20 + mesh.rings.length * 8 +
    mesh.vertices.length * 4 + mesh.indices.length * 2;
  const buffer = new ArrayBuffer(Math.ceil(size / 4) * 4);
  const view = new DataView(buffer);
  let at = 0;
  const u8 = (v) => { view.setUint8(at, v); at += 1; };
  const u16 = (v) => { view.setUint16(at, v, true); at += 2; };
  const i16 = (v) => { view.setInt16(at, v, true); at += 2; };
  const u32 = (v) => { view.setUint32(at, v, true); at += 4; };
  for (const c of MAGIC) u8(c.charCodeAt(0));
  [VERSION, mesh.regionIds.length, mesh.countries.length, mesh.rings.length, mesh.vertices.length,
    mesh.indices.length].forEach(u32);
  for (const id of mesh.regionIds) for (let i = 0; i < 4; i++) u8(i < id.length ? id.charCodeAt(i) : 0);
  for (const c of mesh.countries) {
    u16(c.iso); u8(c.region); u8(0); u32(c.firstRing); u32(c.ringCount); u32(c.firstIndex); u32(c.indexCount);
  }
  for (const r of mesh.rings) { u32(r.firstVertex); u32(r.vertexCount); }
  for (const [x, y] of mesh.vertices) { i16(x); i16(y); }
  for (const i of mesh.indices) u16(i);
  return new Uint8Array(buffer);
}

/// Parses the binary back (for tests): the inverse of encodeMesh, without country names.
export function decodeMesh(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const u8 = () => view.getUint8(at++);
  const u16 = () => { const v = view.getUint16(at, true); at += 2; return v; };
  const i16 = () => { const v = view.getInt16(at, true); at += 2; return v; };
  const u32 = () => { const v = view.getUint32(at, true); at += 4; return v; };
  const magic = String.fromCharCode(u8(), u8(), u8(), u8());
  if (magic !== MAGIC) throw new Error(`not a world mesh (magic ${magic})`);
  const [version, regionCount, countryCount, ringCount, vertexCount, indexCount] = [u32(), u32(), u32(), u32(), u32(), u32()];
  const regionIds = [];
  for (let r = 0; r < regionCount; r++) {
    const chars = [u8(), u8(), u8(), u8()].filter((c) => c !== 0);
    regionIds.push(String.fromCharCode(...chars));
  }
  const countries = [];
  for (let c = 0; c < countryCount; c++) {
    const iso = u16(); const region = u8(); u8();
    countries.push({ iso, region, firstRing: u32(), ringCount: u32(), firstIndex: u32(), indexCount: u32() });
  }
  const rings = [];
  for (let r = 0; r < ringCount; r++) rings.push({ firstVertex: u32(), vertexCount: u32() });
  const vertices = [];
  for (let v = 0; v < vertexCount; v++) vertices.push([i16() / LON_SCALE, i16() / LAT_SCALE]);
  const indices = [];
  for (let i = 0; i < indexCount; i++) indices.push(u16());
  return { version, regionIds, countries, rings, vertices, indices };
}

/// Writes the bytes as a C++ source defining kz::EmbeddedWorldMesh() (src/render/world_mesh.hpp).
export function cppSource(bytes) {
  const lines = [];
  for (let i = 0; i < bytes.length; i += 24) {
    lines.push(`    ${Array.from(bytes.subarray(i, i + 24), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(',')},`);
  }
  return `// Generated by web/tools/world_mesh.mjs from world-atlas countries-110m.json. Do not edit.
#include <cstddef>
#include <span>

#include "world_mesh.hpp"

namespace kz {
namespace {
alignas(4) constexpr unsigned char kWorldMeshBytes[${bytes.length}] = {
${lines.join('\n')}
};
}  // namespace

std::span<const std::byte> EmbeddedWorldMesh() { return std::as_bytes(std::span(kWorldMeshBytes)); }

}  // namespace kz
`;
}

export function loadAtlas(resolution = '110m') {
  return require(`world-atlas/countries-${resolution}.json`);
}

function main(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!args.regions || !args.bin) throw new Error('usage: world_mesh.mjs --regions regions.json --bin out.bin [--cpp out.cpp]');
  const mesh = buildMesh({ atlas: loadAtlas(), regions: readRegionTable(args.regions) });
  const bytes = encodeMesh(mesh);
  fs.mkdirSync(path.dirname(args.bin), { recursive: true });
  fs.writeFileSync(args.bin, bytes);
  if (args.cpp) fs.writeFileSync(args.cpp, cppSource(bytes));
  console.log(`world mesh: ${mesh.countries.length} countries, ${mesh.vertices.length} vertices, ` +
    `${mesh.indices.length / 3} triangles, ${bytes.length} bytes`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
